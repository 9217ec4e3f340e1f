#include <catch2/catch.hpp>

#include "storage/key_store.hpp"
#include "storage/schema.hpp"
#include "storage/sealed_box.hpp"
#include "test_store.hpp"

using namespace safesurvey::storage;
using namespace safesurvey::storage::testing;

namespace {

// A response as an earlier version stored it: sealed under the survey's
// standard key, bound to its id, in that version's columns.
struct OldResponse {
    std::string id, submission_key, answers, triage;
};

// Seals and inserts `r` into `db` (schema `version`, 1 or later) using the
// data key `key`, exactly as that version's insert did.
void insert_old_response(Connection& db, int version, const DataKey& key, const OldResponse& r) {
    const auto sealed = [&](const std::string& plain, const char* field) {
        return seal(key.key, plain, {"old", r.id, field, 1, key.id});
    };
    // The store's label for submission-key hashes (store_responses.cpp).
    const std::string key_hash = labelled_hash("safesurvey submission key", r.submission_key);
    const std::string answers = sealed(r.answers, "answers");
    const auto bytes = [](const std::string& s) {
        return std::span<const unsigned char>(reinterpret_cast<const unsigned char*>(s.data()),
                                              s.size());
    };
    std::string sql =
        "INSERT INTO responses (id, submission_key_hash, survey_id, distribution_id, perspective,"
        " submitted_on, definition_version, key_id, answers";
    sql += version >= 2 ? ", triage, triage_severity, review_status) VALUES "
                          "(?, ?, 'old', 'd1', 'parent_carer', '2025-01-15', 1, ?, ?, ?, 'high',"
                          " 'needs_review')"
                        : ") VALUES (?, ?, 'old', 'd1', 'parent_carer', '2025-01-15', 1, ?, ?)";
    Statement insert(db.handle(), sql);
    insert.bind(1, r.id).bind(2, key_hash).bind(3, key.id).bind_blob(4, bytes(answers));
    const std::string triage = version >= 2 ? sealed(r.triage, "triage") : std::string();
    if (version >= 2) insert.bind_blob(5, bytes(triage));
    REQUIRE(insert.run("an old response").ok());
}

// Builds a database as version `version` of safesurvey left it, with rows:
// for version 1 and later a survey, a link and two sealed responses, one of
// whose ids starts with a digit above 7 (a negative rowid in version 4).
std::vector<OldResponse> make_database_at(const std::filesystem::path& dir, int version) {
    auto db = Connection::open(dir / "safesurvey.db", Connection::Mode::read_write_create);
    REQUIRE(db.ok());
    REQUIRE(make_durable(**db).ok());
    REQUIRE(migrate(**db, version).ok());
    REQUIRE(*schema_version(**db) == version);
    if (version < 1) return {};
    REQUIRE((*db)
                ->exec("INSERT INTO surveys (id, retention_years, report_date) "
                       "VALUES ('old', 5, '2026-01-31');"
                       "INSERT INTO distributions (id, survey_id, area, token, opens_at, "
                       "closes_at) VALUES ('d1', 'old', 'Kent', 'tok', '2025-01-01T00:00:00Z', "
                       "'2025-02-01T00:00:00Z');",
                       "seed")
                .ok());
    SystemClock clock;
    auto keys = KeyStore::open(dir / "keys.db", dir / "kek.key", clock);
    REQUIRE(keys.ok());
    auto key = (*keys)->key_for("old", Cohort::standard);
    REQUIRE(key.ok());
    std::vector<OldResponse> old = {
        {"0" + random_hex_id().substr(1), random_hex_id(), R"({"q":"first"})", R"({"m":[1]})"},
        {"f" + random_hex_id().substr(1), random_hex_id(), R"({"q":"second"})", R"({"m":[2]})"}};
    for (const auto& r : old) insert_old_response(**db, version, **key, r);
    return old;
}

// The responses an earlier version wrote are all there, open, and keep their ids.
void check_old_responses(Store& store, const std::vector<OldResponse>& old, int version) {
    auto listed = store.list_responses("old");
    REQUIRE(listed.ok());
    CHECK(listed->size() == old.size() + 1);  // and the one submitted after migrating
    for (const auto& r : old) {
        auto read = store.read_response(r.id);
        REQUIRE(read.ok());
        CHECK(read->summary.id == r.id);
        CHECK(read->answers_json == r.answers);
        CHECK(read->triage_json == (version >= 2 ? r.triage : ""));
        CHECK(read->summary.cohort == "standard");
        CHECK(read->summary.submitted_on == "2025-01-15");
        // Its submission key is still known: sending it again stores nothing.
        Submission again = make_submission("old", "d1", "{}");
        again.submission_key = r.submission_key;
        auto outcome = store.submit(again).get();
        CHECK(outcome.status == SubmitStatus::already_stored);
        CHECK(outcome.response_id == r.id);
    }
    CHECK(store.set_review_status(old.front().id, "reviewed").ok());
    CHECK(store.read_response(old.front().id)->summary.review_status == "reviewed");
    REQUIRE(store.refer_response(old.back().id).ok());
    auto referred = store.read_response(old.back().id);
    REQUIRE(referred.ok());
    CHECK(referred->summary.cohort == "referred");
    CHECK(referred->answers_json == old.back().answers);
}

}  // namespace

TEST_CASE("every earlier schema version migrates to the current one", "[storage][migration]") {
    for (int version = 0; version < kSchemaVersion; ++version) {
        DYNAMIC_SECTION("from version " << version) {
            TempDir dir;
            const auto old = make_database_at(dir.path(), version);
            auto store = open_store(dir.path());
            {
                auto db = Connection::open(store->database_path(), Connection::Mode::read_only);
                CHECK(*schema_version(**db) == kSchemaVersion);
            }
            if (version >= 1) {
                // Rows written by the old version are still there and usable.
                auto surveys = store->surveys();
                REQUIRE(surveys->size() == 1);
                CHECK(surveys->front().rule.years_after_report == 5);
                CHECK(format_date(*surveys->front().report_date) == "2026-01-31");
                CHECK(store->find_distribution_by_token("tok")->area == "Kent");
                auto outcome = store->submit(make_submission("old", "d1", "{\"a\":1}")).get();
                REQUIRE(outcome.status == SubmitStatus::stored);
                CHECK(store->read_response(outcome.response_id)->summary.cohort == "standard");
                CHECK(*store->count_responses("old") == 3);
                check_old_responses(*store, old, version);
            }
            const auto dist = add_survey(*store, "new");
            auto outcome = store->submit(make_submission("new", dist, "{}", "{\"t\":1}")).get();
            CHECK(outcome.status == SubmitStatus::stored);
            REQUIRE(
                store->save_draft("resume-code-1", "new", "d", *parse_instant("2030-01-01")).ok());
            CHECK(store->deletion_records()->empty());
        }
    }
}

TEST_CASE("a database from a newer safesurvey is refused", "[storage][migration]") {
    TempDir dir;
    auto db = Connection::open(dir.path() / "x.db", Connection::Mode::read_write_create);
    REQUIRE(
        (*db)->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1), "bump").ok());
    auto s = migrate(**db);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::newer_schema);
    CHECK(s.error().message.find("newer safesurvey") != std::string::npos);
}
