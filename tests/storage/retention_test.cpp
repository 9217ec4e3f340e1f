#include <catch2/catch.hpp>

#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

std::vector<std::string> submit_n(Store& store, const std::string& survey, const std::string& dist,
                                  int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
        auto o = store
                     .submit(make_submission(survey, dist, "{\"i\":" + std::to_string(i) + "}",
                                             "{\"m\":[]}"))
                     .get();
        REQUIRE(o.status == SubmitStatus::stored);
        ids.push_back(o.response_id);
    }
    return ids;
}

}  // namespace

TEST_CASE("retention deletes exactly what has expired, and nothing else", "[storage][retention]") {
    TempDir dir;
    FakeClock clock(*parse_date("2026-01-10"));
    auto store = open_store(dir.path(), &clock);
    const auto da = add_survey(*store, "a");  // report 2026-03-31, 3 years
    const auto db = add_survey(*store, "b");  // report 2027-01-01, 3 years
    const auto dc = add_survey(*store, "c");  // no report date yet
    const auto a = submit_n(*store, "a", da, 5);
    const auto b = submit_n(*store, "b", db, 3);
    const auto c = submit_n(*store, "c", dc, 2);
    REQUIRE(store->refer_response(a[0]).ok());  // referred to the local authority
    REQUIRE(store->save_draft("draft-code-a", "a", "draft", *parse_instant("2030-01-01")).ok());
    REQUIRE(store->set_report_date("a", *parse_date("2026-03-31")).ok());
    REQUIRE(store->set_report_date("b", *parse_date("2027-01-01")).ok());
    const RetentionPolicy policy{2};  // referred responses: 2 more years

    clock.set(std::chrono::sys_days(*parse_date("2029-03-30")) + std::chrono::hours(23));
    auto report = store->purge(policy, false);
    REQUIRE(report.ok());
    CHECK(report->actions.empty());
    CHECK(*store->count_responses("a") == 5);

    clock.set(std::chrono::sys_days(*parse_date("2029-03-31")));
    auto dry = store->purge(policy, true);
    REQUIRE(dry->actions.size() == 1);
    CHECK(dry->actions[0].responses == 4);
    CHECK(*store->count_responses("a") == 5);  // a dry run deletes nothing

    report = store->purge(policy, false);
    REQUIRE(report.ok());
    REQUIRE(report->actions.size() == 1);
    const auto& act = report->actions[0];
    CHECK(act.survey_id == "a");
    CHECK(act.cohort == "standard");
    CHECK(act.responses == 4);
    CHECK(act.drafts == 1);
    CHECK(act.key_id.size() == 32);
    // The referred response stays readable; every other response of "a" is gone.
    CHECK(store->read_response(a[0])->answers_json == "{\"i\":0}");
    for (std::size_t i = 1; i < a.size(); ++i)
        CHECK(store->read_response(a[i]).error().kind == ErrorKind::not_found);
    for (const auto& id : b) CHECK(store->read_response(id).ok());
    for (const auto& id : c) CHECK(store->read_response(id).ok());
    // A late submission cannot recreate the destroyed key.
    auto late = store->submit(make_submission("a", da, "{}")).get();
    CHECK(late.status == SubmitStatus::rejected);
    CHECK(store->keys().key_by_id(act.key_id).error().kind == ErrorKind::retention_ended);

    auto records = store->deletion_records();
    REQUIRE(records->size() == 1);
    CHECK((*records)[0].responses_deleted == 4);
    CHECK((*records)[0].key_id == act.key_id);
    CHECK((*records)[0].rule.find("3 years after the national report (2026-03-31)") !=
          std::string::npos);

    // Running again finds nothing new to do.
    CHECK(store->purge(policy, false)->actions.empty());

    clock.set(std::chrono::sys_days(*parse_date("2030-01-01")));  // b's 3 years
    report = store->purge(policy, false);
    REQUIRE(report->actions.size() == 1);
    CHECK(report->actions[0].survey_id == "b");
    CHECK(report->actions[0].responses == 3);
    CHECK(store->read_response(a[0]).ok());  // referred: 2 more years

    clock.set(std::chrono::sys_days(*parse_date("2031-03-31")));  // a: 3 + 2 years
    report = store->purge(policy, false);
    REQUIRE(report->actions.size() == 1);
    CHECK(report->actions[0].survey_id == "a");
    CHECK(report->actions[0].cohort == "referred");
    CHECK(report->actions[0].responses == 1);
    CHECK(*store->count_responses("a") == 0);
    CHECK(*store->count_responses("c") == 2);  // no report date: retention has not started
    CHECK(store->deletion_records()->size() == 3);
}

TEST_CASE("29 February report dates end on 28 February", "[storage][retention]") {
    CHECK(format_date(add_years(*parse_date("2028-02-29"), 3)) == "2031-02-28");
    CHECK(format_date(add_years(*parse_date("2028-02-29"), 4)) == "2032-02-29");
}
