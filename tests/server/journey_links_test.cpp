// Link windows, unusable drafts, resume codes and rate limits: the ways a
// respondent's path can stop, each with a page that says what to do.
#include "tests/server/journey_fixture.hpp"

using namespace journey_test;

namespace {

// A resume code as the code page shows it: "7KQ2M-XW4PD".
std::string shown_code(const std::string& body) {
    std::smatch match;
    REQUIRE(std::regex_search(body, match, std::regex(R"(>([0-9A-Z]{5}-[0-9A-Z]{5})<)")));
    return match[1].str();
}

}  // namespace

TEST_CASE("an unknown link gets a 404 that reveals nothing") {
    JourneyFixture fixture;
    fixture.open_link();
    for (const std::string target : {"/s/nosuchtoken", "/s/nosuchtoken/begin", "/s/x/print",
                                     "/s/nosuchtoken/q/perspective?d=abc"}) {
        const auto response = fixture.get(target);
        CHECK(response.status == 404);
        CHECK_FALSE(contains(response.body, "nosuchtoken"));
        CHECK_FALSE(contains(response.body, "SEND"));
    }
}

TEST_CASE("before it opens a link says when it will, and accepts nothing") {
    JourneyFixture fixture;
    auto added = fixture.store->add_distribution({"send-not-in-school-2025", "Leeds",
                                                  JourneyFixture::kStart + std::chrono::hours(48),
                                                  JourneyFixture::kStart + std::chrono::hours(96)});
    REQUIRE(added);
    const auto start = fixture.get("/s/" + added->token);
    CHECK(start.status == 200);
    CHECK(contains(start.body, "9am on Wednesday 4 March 2026"));
    CHECK(contains(start.body, "0800 1111"));  // the helplines, whatever the dates
    const auto begin = fixture.get("/s/" + added->token + "/begin");
    CHECK(begin.status == 200);
    CHECK(location(begin).empty());
}

TEST_CASE("a draft started before closing and sent after is refused kindly, and not stored") {
    JourneyFixture fixture;
    const auto link = fixture.open_link("send-not-in-school-2025", std::chrono::hours(8));
    Respondent parent(fixture, link.token);
    parent.begin();
    parent.answer("perspective", {{"perspective", "professional"}});
    for (const char* page :
         {"role", "information-professional", "health-professional", "oversight-professional",
          "education-professional", "protection-professional", "safety-now", "anything-else"}) {
        parent.answer(page, {});
    }
    CHECK(path_of(parent.last_redirect).ends_with("/check"));
    // 17:00 London (GMT in March): the window ends.
    fixture.clock.advance(std::chrono::hours(8));
    const auto refused = parent.submit();
    CHECK(refused.status == 403);
    CHECK(contains(refused.body, "5pm on Monday 2 March 2026"));
    CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 0);
    // Pages too: the start page says it has closed; a Continue is refused.
    CHECK(contains(fixture.get("/s/" + link.token).body, "closed"));
    CHECK(fixture.post("/s/" + link.token + "/q/anything-else", {{"draft", parent.draft}}).status ==
          403);
}

TEST_CASE("a link closed by hand refuses answers at once") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    REQUIRE(fixture.store->close_distribution(link.id));
    const auto refused = parent.answer("perspective", {{"perspective", "parent_carer"}});
    CHECK(refused.status == 403);
}

TEST_CASE("a tampered, foreign or expired draft gets a friendly page, never a crash") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    const auto other = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    std::string tampered = parent.draft;
    tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
    for (const std::string& bad : {tampered, std::string("garbage"), std::string("%%%")}) {
        const auto page = fixture.get("/s/" + link.token +
                                      "/q/perspective?d=" + safesurvey::pages::percent_encode(bad));
        CHECK(page.status == 400);
        CHECK(contains(page.body, "/s/" + link.token));  // a way to start again
        CHECK(fixture.post("/s/" + link.token + "/submit", {{"draft", bad}}).status == 400);
    }
    // A real draft for Leeds' link does not work on another link.
    CHECK(fixture.get("/s/" + other.token + "/q/perspective?d=" + parent.draft).status == 400);

    fixture.clock.advance(std::chrono::hours(25));
    const auto expired = fixture.get("/s/" + link.token + "/q/perspective?d=" + parent.draft);
    CHECK(expired.status == 400);
    CHECK(expired.body != fixture.get("/s/" + link.token + "/q/perspective?d=garbage").body);
}

TEST_CASE("every page renews the draft, so a slow respondent is not timed out") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent parent(fixture, link.token);
    parent.begin();
    for (int hour = 0; hour < 3; ++hour) {
        fixture.clock.advance(std::chrono::hours(20));
        const auto page = parent.answer("perspective", {{"perspective", "parent_carer"}});
        REQUIRE(page.status == 200);
    }
}

TEST_CASE("a resume code continues on another device and stops working once sent") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    Respondent laptop(fixture, link.token, "laptop");
    laptop.begin();
    laptop.answer("perspective", {{"perspective", "parent_carer"}});
    laptop.answer("child-situation", {{"child_situation", "flexi_schooled"}});
    // On about-child they choose "Save and come back later"; the form's
    // fields come too.
    const auto saved =
        fixture.post("/s/" + link.token + "/save",
                     {{"draft", laptop.draft}, {"child_age", "age_12_14"}}, "laptop");
    REQUIRE(saved.status == 200);
    const std::string code = shown_code(saved.body);
    CHECK(contains(saved.body, "Monday 9 March 2026"));  // 7 days

    // Another device, another address, typed carelessly in lower case.
    std::string typed = code;
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto resumed = fixture.post("/resume", {{"code", typed}}, "phone");
    REQUIRE(resumed.status == 303);
    CHECK(path_of(location(resumed)) == "/s/" + link.token + "/q/about-child");
    Respondent phone(fixture, link.token, "phone");
    const auto page = phone.follow(resumed);
    CHECK(std::regex_search(page.body, std::regex(R"(value="age_12_14"[^>]*checked)")));

    // The code still works until the answers are sent (a second device, or the
    // same one after closing the tab).
    CHECK(fixture.post("/resume", {{"code", code}}, "laptop").status == 303);

    for (const char* page_id : {"about-child", "reasons-parent", "information-parent",
                                "health-parent", "support-parent", "safety-now", "anything-else"}) {
        phone.answer(page_id, page_id == std::string("about-child")
                                  ? safesurvey::http::FormFields{{"child_age", "age_12_14"}}
                                  : safesurvey::http::FormFields{});
    }
    REQUIRE(phone.submit().status == 303);
    CHECK(fixture.store->count_responses("send-not-in-school-2025").value() == 1);
    const auto after = fixture.post("/resume", {{"code", code}}, "phone");
    CHECK(after.status == 200);
    CHECK(contains(after.body, "could not find"));
}

TEST_CASE("resume codes: a mistyped code says so, an old one has gone") {
    JourneyFixture fixture;
    const auto link = fixture.open_link();
    CHECK(fixture.get("/resume").status == 200);
    CHECK(contains(fixture.post("/resume", {{"code", ""}}).body, "Enter your resume code"));
    const auto malformed = fixture.post("/resume", {{"code", "ABC"}});
    CHECK(contains(malformed.body, "10 letters and numbers"));
    CHECK(contains(malformed.body, "value=\"ABC\""));  // kept as typed
    CHECK(contains(fixture.post("/resume", {{"code", "00000-00000"}}).body, "could not find"));

    Respondent parent(fixture, link.token);
    parent.begin();
    const auto saved = fixture.post("/s/" + link.token + "/save", {{"draft", parent.draft}});
    const std::string code = shown_code(saved.body);
    fixture.clock.advance(std::chrono::hours(24 * 7 + 1));
    CHECK(contains(fixture.post("/resume", {{"code", code}}).body, "could not find"));
}

TEST_CASE("guessing resume codes is rate-limited per client, with a clear 429 page") {
    JourneyFixture fixture;
    int limited_at = 0;
    for (int attempt = 1; attempt <= 50 && limited_at == 0; ++attempt) {
        const auto response = fixture.post("/resume", {{"code", "00000-00000"}}, "guesser");
        if (response.status == 429) limited_at = attempt;
    }
    CHECK(limited_at > 1);
    CHECK(limited_at <= 20);
    const auto limited = fixture.post("/resume", {{"code", "00000-00000"}}, "guesser");
    CHECK(limited.status == 429);
    bool retry_after = false;
    for (const auto& [name, value] : limited.headers) retry_after |= name == "Retry-After";
    CHECK(retry_after);
    // Someone else is not affected.
    CHECK(fixture.post("/resume", {{"code", "00000-00000"}}, "someone-else").status == 200);
}
