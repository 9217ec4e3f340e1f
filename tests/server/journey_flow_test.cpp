// The respondent's path end to end through the handlers, against a real store
// and the real triage rules: what a person completing the real survey sees,
// and what ends up stored.
#include <nlohmann/json.hpp>

#include "tests/server/journey_fixture.hpp"

using namespace journey_test;

namespace {

// The parent's path through the real survey, answering as a worried parent
// would; `worried_more` goes to the triage.
void answer_parent_pages(Respondent& parent, const std::string& worried_more) {
    CHECK(contains(parent.answer("perspective", {{"perspective", "parent_carer"}}).body,
                   "education"));
    CHECK(path_of(parent.last_redirect).ends_with("/q/child-situation"));
    parent.answer("child-situation", {{"child_situation", "part_time_timetable"}});
    CHECK(path_of(parent.last_redirect).ends_with("/q/about-child"));
    parent.answer("about-child", {{"child_age", "age_8_11"},
                                  {"child_needs", "communication"},
                                  {"child_needs", "semh"},
                                  {"child_support_level", "ehc_plan"}});
    parent.answer("reasons-parent",
                  {{"reasons_parent", "anxiety"},
                   {"reasons_parent_more", "The school could not meet his needs."}});
    parent.answer("information-parent", {{"info_shared_parent", "disagree"}});
    parent.answer("health-parent", {{"health_met_parent", "partly"}});
    parent.answer("support-parent", {{"la_contact_parent", "never"}});
    // home-education-parent is skipped: part-time timetable is not home education.
    CHECK(path_of(parent.last_redirect).ends_with("/q/safety-now"));
    parent.answer("safety-now", {{"worried_now", worried_more.empty() ? "no" : "yes"}});
    if (!worried_more.empty()) {
        CHECK(path_of(parent.last_redirect).ends_with("/q/safety-tell-us"));
        parent.answer("safety-tell-us", {{"worried_more", worried_more}});
    }
    CHECK(path_of(parent.last_redirect).ends_with("/q/anything-else"));
    const auto check = parent.answer("anything-else", {{"anything_else", "Thank you for asking."}});
    CHECK(path_of(parent.last_redirect).ends_with("/check"));
    CHECK(check.status == 200);
}

nlohmann::json stored_answers(JourneyFixture& fixture, const std::string& survey) {
    auto responses = fixture.store->list_responses(survey);
    REQUIRE(responses);
    REQUIRE(responses->size() == 1);
    auto stored = fixture.store->read_response(responses->front().id);
    REQUIRE(stored);
    return nlohmann::json::parse(stored->answers_json);
}

}  // namespace

TEST_CASE("a parent completes the real survey and their answers are stored once, encrypted") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    const auto start = fixture.get("/s/" + link.token);
    REQUIRE(start.status == 200);
    CHECK(contains(start.body, "Leeds"));
    CHECK(contains(start.body, "/s/" + link.token + "/print"));

    Respondent parent(fixture, link.token);
    const auto first = parent.begin();
    REQUIRE(first.status == 200);
    CHECK(path_of(parent.last_redirect) == "/s/" + link.token + "/q/perspective");
    CHECK(contains(first.body, "Are you answering as a parent or carer"));

    answer_parent_pages(parent, "");
    const auto check = fixture.get(parent.last_redirect);
    CHECK(contains(check.body, "The school could not meet his needs."));
    CHECK(contains(check.body, "return=check"));

    const auto sent = parent.submit();
    REQUIRE(sent.status == 303);
    const std::string done_url = location(sent);
    CHECK(path_of(done_url) == "/s/" + link.token + "/done");
    const auto done = fixture.get(done_url);
    REQUIRE(done.status == 200);
    CHECK(contains(done.body, "Take the survey again as: A professional"));
    CHECK_FALSE(contains(done.body, "Take the survey again as: A parent"));
    CHECK_FALSE(contains(done.body, "If you are worried about a child"));

    const auto answers = stored_answers(fixture, "send-not-in-school-2025");
    CHECK(answers.at("perspective") == nlohmann::json::array({"parent_carer"}));
    CHECK(answers.at("child_needs") == nlohmann::json::array({"communication", "semh"}));
    CHECK(answers.at("reasons_parent_more") ==
          nlohmann::json::array({"The school could not meet his needs."}));
    auto summary = fixture.store->list_responses("send-not-in-school-2025");
    CHECK(summary->front().perspective == "parent_carer");
    CHECK(summary->front().distribution_id == link.id);
    CHECK(summary->front().submitted_on == "2026-03-02");
    CHECK(fixture.metrics.counter("safesurvey_submissions_total", "")
              .value({{"outcome", "stored"}}) == 1);
}

TEST_CASE("the same draft sent twice (double click, back button, replay) stores one response") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    answer_parent_pages(parent, "");
    const auto first = parent.submit();
    const auto second = parent.submit();
    CHECK(first.status == 303);
    CHECK(second.status == 303);
    CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 1);
    // Both show the same receipt: it is the same response.
    const auto done_first = fixture.get(location(first));
    const auto done_second = fixture.get(location(second));
    const std::regex receipt("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");
    std::smatch a, b;
    REQUIRE(std::regex_search(done_first.body, a, receipt));
    REQUIRE(std::regex_search(done_second.body, b, receipt));
    CHECK(a.str() == b.str());
}

TEST_CASE("a page with errors shows every message and keeps what was typed") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    const auto missing = parent.answer("perspective", {});
    CHECK(missing.status == 200);
    CHECK(contains(missing.body, "<title>Error:"));
    CHECK(contains(missing.body, "Select an answer to"));
    CHECK(contains(missing.body, "#perspective"));

    parent.answer("perspective", {{"perspective", "parent_carer"}});
    parent.answer("child-situation", {});
    parent.answer("about-child", {});
    const std::string too_long = "<script>alert(1)</script>" + std::string(2000, 'x');
    const auto page = parent.answer(
        "reasons-parent", {{"reasons_parent", "anxiety"}, {"reasons_parent_more", too_long}});
    CHECK(page.status == 200);
    CHECK(contains(page.body, "must be 2000 characters or fewer"));
    // Shown back as typed, escaped; the ticked box stays ticked.
    CHECK(contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;xxxx"));
    CHECK_FALSE(contains(page.body, "<script>alert(1)"));
    CHECK(std::regex_search(page.body, std::regex(R"(value="anxiety"[^>]*checked)")));
}

TEST_CASE("Back links keep the answers and Change links return to check answers") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    parent.answer("perspective", {{"perspective", "parent_carer"}});
    const auto second = fixture.get(parent.last_redirect);
    // The Back link carries the draft: the first page shows the chosen answer.
    std::smatch back;
    REQUIRE(std::regex_search(second.body, back,
                              std::regex(R"(href="(/s/[^"]*/q/perspective\?d=[^"]*)\")")));
    std::string back_url = back[1].str();
    back_url = std::regex_replace(back_url, std::regex("&amp;"), "&");
    const auto first_again = fixture.get(back_url);
    CHECK(std::regex_search(first_again.body, std::regex(R"(value="parent_carer"[^>]*checked)")));

    answer_parent_pages(parent, "");
    // Change "worried now" from the check page: yes now needs the follow-up page,
    // then returns to check answers.
    parent.draft = query_param(parent.last_redirect, "d");
    const auto change =
        fixture.get("/s/" + link.token + "/q/safety-now?d=" + parent.draft + "&return=check");
    CHECK(contains(change.body, "name=\"return\""));
    auto fields = safesurvey::http::FormFields{{"worried_now", "yes"}, {"return", "check"}};
    parent.answer("safety-now", fields);
    CHECK(path_of(parent.last_redirect).ends_with("/q/safety-tell-us"));
    CHECK(query_param(parent.last_redirect, "return") == "check");
    parent.answer("safety-tell-us", {{"worried_more", "Nothing serious."}, {"return", "check"}});
    CHECK(path_of(parent.last_redirect).ends_with("/check"));
}

TEST_CASE("answers to questions that become hidden are not stored") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    answer_parent_pages(parent, "My neighbour's boy is fine now.");
    // Change "worried now" to no: the follow-up page disappears, and its answer.
    parent.answer("safety-now", {{"worried_now", "no"}, {"return", "check"}});
    CHECK(path_of(parent.last_redirect).ends_with("/check"));
    const auto check = fixture.get(parent.last_redirect);
    CHECK_FALSE(contains(check.body, "My neighbour"));
    REQUIRE(parent.submit().status == 303);
    const auto answers = stored_answers(fixture, "send-not-in-school-2025");
    CHECK_FALSE(answers.contains("worried_more"));
    CHECK(answers.at("worried_now") == nlohmann::json::array({"no"}));
}

TEST_CASE("skipping ahead by editing the URL goes back to the page still needing an answer") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    const auto skipped = fixture.get("/s/" + link.token + "/check?d=" + parent.draft);
    CHECK(skipped.status == 303);
    CHECK(path_of(location(skipped)).ends_with("/q/perspective"));
    // And sending an incomplete draft stores nothing.
    const auto sent = parent.submit();
    CHECK(sent.status == 303);
    CHECK(path_of(location(sent)).ends_with("/q/perspective"));
    CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 0);
}

TEST_CASE("an answer the triage rates urgent gets the extra help, without saying why") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    answer_parent_pages(
        parent, "My son told me his stepdad hits him with a belt and he is scared to go home.");
    const auto sent = parent.submit();
    REQUIRE(sent.status == 303);
    // The receipt is sealed: the URL does not say what the triage decided.
    CHECK_FALSE(contains(location(sent), "urgent"));
    const auto done = fixture.get(location(sent));
    CHECK(contains(done.body, "If you are worried about a child"));
    CHECK(contains(done.body, "999"));
    CHECK_FALSE(contains(done.body, "flag"));
    auto summary = fixture.store->list_responses("send-not-in-school-2025");
    CHECK((summary->front().triage_severity == "high" ||
           summary->front().triage_severity == "urgent"));
    CHECK(summary->front().review_status == "needs_review");
}

TEST_CASE("a young person completes the easy-read survey") {
    JourneyFixture fixture;
    const auto link = fixture.open_link("send-young-people-easy-read");
    Respondent young(fixture, link.token);
    young.begin();
    young.answer("who-is-answering", {{"who_answering", "me_alone"}});
    young.answer("school-now", {{"school_now", "every_day"}});
    // learn-where is only for those not in school every day.
    CHECK(path_of(young.last_redirect).ends_with("/q/feel-learning"));
    for (const char* page : {"feel-learning", "help-learning", "help-health", "listened-to"}) {
        young.answer(page, {});
    }
    young.answer("feel-safe", {{"feel_safe", "yes"}});
    young.answer("make-better", {{"make_better", "More trips."}});
    young.answer("anything-else", {});
    CHECK(path_of(young.last_redirect).ends_with("/check"));
    REQUIRE(young.submit().status == 303);
    CHECK(stored_answers(fixture, "send-young-people-easy-read").at("make_better") ==
          nlohmann::json::array({"More trips."}));
}

TEST_CASE("the honeypot: a filled hidden field looks sent but stores nothing") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent bot(fixture, link.token);
    bot.begin();
    bot.answer("perspective", {{"perspective", "professional"}, {"website", "http://spam"}});
    CHECK(path_of(bot.last_redirect).ends_with("/q/role"));
    for (const char* page :
         {"role", "information-professional", "health-professional", "oversight-professional",
          "education-professional", "protection-professional", "safety-now", "anything-else"}) {
        bot.answer(page, {});
    }
    const auto sent = bot.submit();
    REQUIRE(sent.status == 303);
    CHECK(fixture.get(location(sent)).status == 200);
    CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 0);
}
