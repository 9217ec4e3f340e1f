// Rules of the format checked on small definitions written inline: what the
// loader accepts, what it fills in, and what it refuses.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "survey_defs/loader.hpp"

namespace {

using nlohmann::json;
using safesurvey::defs::load_survey_json;
using safesurvey::defs::LoadResult;

// A valid survey whose only page holds `question`; `edit` changes anything else.
json survey_with(const json& question) {
    return json{
        {"id", "inline"},
        {"version", 1},
        {"title", "Inline"},
        {"estimated_minutes", 1},
        {"retention", {{"starts", "response_submitted"}, {"years", 1}}},
        {"start_page",
         {{"title", "Inline"},
          {"content", json::array({{{"paragraph", "Hello"}}, {{"safeguarding_panel", true}}})}}},
        {"safeguarding",
         {{"heading", "Help"},
          {"paragraphs", {"Call 999 in an emergency."}},
          {"helplines",
           json::array({{{"name", "Childline"}, {"phone", "0800 1111"}, {"for", "children"}}})}}},
        {"confirmation",
         {{"title", "Thanks"}, {"content", json::array({{{"paragraph", "Done"}}})}}},
        {"pages", json::array({{{"id", "only"}, {"questions", json::array({question})}}})},
    };
}

LoadResult load(const json& definition) {
    return load_survey_json(definition.dump());
}

std::string first_problem(const LoadResult& result) {
    return result.problems.empty() ? ""
                                   : result.problems[0].path + ": " + result.problems[0].message;
}

}  // namespace

TEST_CASE("yes/no and scale questions get the standard options") {
    auto result = load(survey_with({{"id", "q"}, {"type", "yes_no"}, {"title", "Safe?"}}));
    REQUIRE(result.ok());
    const auto& yes_no = result.survey->pages[0].questions[0];
    REQUIRE(yes_no.options.size() == 2);
    CHECK(yes_no.options[0].id == "yes");
    CHECK(yes_no.options[1].label.text() == "No");

    result = load(survey_with({{"id", "q"}, {"type", "scale"}, {"title", "Agree?"}}));
    REQUIRE(result.ok());
    const auto& scale = result.survey->pages[0].questions[0];
    REQUIRE(scale.options.size() == 5);
    CHECK(scale.options[0].id == "strongly_agree");
    CHECK(scale.options[4].label.text() == "Strongly disagree");
}

TEST_CASE("text questions get a character limit even when the definition sets none") {
    const auto result =
        load(survey_with({{"id", "q"}, {"type", "long_text"}, {"title", "Tell us"}}));
    REQUIRE(result.ok());
    CHECK(result.survey->pages[0].questions[0].max_length == 2000);
}

TEST_CASE("texts may be translated, and must have the default language") {
    auto definition = survey_with({{"id", "q"},
                                   {"type", "short_text"},
                                   {"title", {{"en", "Name of town"}, {"cy", "Enw'r dref"}}}});
    definition["languages"] = {"en", "cy"};
    auto result = load(definition);
    REQUIRE(result.ok());
    const auto& title = result.survey->pages[0].questions[0].title;
    CHECK(title.in("cy") == "Enw'r dref");
    CHECK(title.in("en") == "Name of town");
    CHECK(title.in("fr") == "Name of town");

    definition["pages"][0]["questions"][0]["title"] = {{"cy", "Enw'r dref"}};
    result = load(definition);
    CHECK(first_problem(result) ==
          "/pages/0/questions/0/title: has no text in the default language 'en'");

    definition["languages"] = {"en"};
    definition["pages"][0]["questions"][0]["title"] = {{"en", "Town"}, {"cy", "Tref"}};
    CHECK(first_problem(load(definition)) ==
          "/pages/0/questions/0/title/cy: 'cy' is not one of the survey's languages");
}

TEST_CASE("only safe kinds of link are accepted") {
    auto definition = survey_with({{"id", "q"}, {"type", "short_text"}, {"title", "Town"}});
    auto& link = definition["start_page"]["content"][0]["link"];
    for (const char* good : {"https://www.gov.uk/complain-ofsted-report",
                             "mailto:enquiries@ofsted.gov.uk", "tel:08001111", "/privacy"}) {
        link = {{"text", "Link"}, {"href", good}};
        INFO(good);
        CHECK(load(definition).ok());
    }
    for (const char* bad : {"http://example.com", "javascript:alert(1)", "//evil.example/x",
                            "data:text/html,hi", "https://", "https://gov.uk/a b", "privacy"}) {
        link = {{"text", "Link"}, {"href", bad}};
        INFO(bad);
        const auto result = load(definition);
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].path == "/start_page/content/0/link/href");
    }
}

TEST_CASE("options and ranges only where the question type uses them") {
    auto result = load(survey_with(
        {{"id", "q"}, {"type", "short_text"}, {"title", "Town"}, {"options", json::array()}}));
    CHECK(first_problem(result) ==
          "/pages/0/questions/0/options: 'options' does not apply to a short_text question");

    result = load(
        survey_with({{"id", "q"},
                     {"type", "single_choice"},
                     {"title", "Pick"},
                     {"options", json::array({{{"id", "a"}, {"label", "A"}, {"exclusive", true}},
                                              {{"id", "b"}, {"label", "B"}}})}}));
    CHECK(
        first_problem(result) ==
        "/pages/0/questions/0/options/0/exclusive: only a multiple_choice option can be exclusive");

    result = load(survey_with(
        {{"id", "q"}, {"type", "date"}, {"title", "When"}, {"earliest", "2025-02-30"}}));
    CHECK_THAT(first_problem(result), Catch::Contains("'2025-02-30' is not a date"));
}

TEST_CASE("ids must be safe to put in a URL") {
    const auto result =
        load(survey_with({{"id", "Q 1"}, {"type", "short_text"}, {"title", "Town"}}));
    CHECK_THAT(first_problem(result),
               Catch::StartsWith("/pages/0/questions/0/id: 'Q 1' is not a valid id"));
}

TEST_CASE("a question-level condition that contradicts its page is unreachable") {
    auto definition =
        survey_with({{"id", "who"},
                     {"type", "single_choice"},
                     {"title", "Who?"},
                     {"required", true},
                     {"options", json::array({{{"id", "parent"}, {"label", "Parent"}},
                                              {{"id", "pro"}, {"label", "Professional"}}})}});
    definition["pages"].push_back(
        {{"id", "second"},
         {"title", "Second"},
         {"show_if", {{"question", "who"}, {"equals", "parent"}}},
         {"questions",
          json::array({{{"id", "a"}, {"type", "short_text"}, {"title", "A"}},
                       {{"id", "b"},
                        {"type", "short_text"},
                        {"title", "B"},
                        {"show_if", {{"not", {{"question", "who"}, {"any_of", {"parent"}}}}}}}})}});
    const auto result = load(definition);
    CHECK(first_problem(result).rfind("/pages/1/questions/1/show_if: can never be true", 0) == 0);

    definition["pages"][1]["questions"][1]["show_if"] = {{"answered", "who"}};
    CHECK(load(definition).ok());
}

TEST_CASE("ticking 'none of these' alone is the only way it can count") {
    auto definition = survey_with(
        {{"id", "what"},
         {"type", "multiple_choice"},
         {"title", "What?"},
         {"options", json::array({{{"id", "a"}, {"label", "A"}},
                                  {{"id", "none"}, {"label", "None"}, {"exclusive", true}}})}});
    definition["pages"].push_back(
        {{"id", "second"},
         {"show_if",
          {{"all", json::array({{{"question", "what"}, {"equals", "a"}},
                                {{"question", "what"}, {"equals", "none"}}})}}},
         {"questions", json::array({{{"id", "b"}, {"type", "short_text"}, {"title", "B"}}})}});
    CHECK_THAT(first_problem(load(definition)),
               Catch::StartsWith("/pages/1/show_if: can never be true"));

    definition["pages"][1]["show_if"]["all"][1] = {
        {"not", {{"question", "what"}, {"equals", "none"}}}};
    CHECK(load(definition).ok());
}

TEST_CASE("deeply nested conditions are refused, not recursed into without end") {
    json condition = {{"answered", "q"}};
    for (int i = 0; i < 50; ++i) condition = {{"not", condition}};
    auto definition = survey_with({{"id", "q"}, {"type", "short_text"}, {"title", "Town"}});
    definition["pages"].push_back(
        {{"id", "second"},
         {"show_if", condition},
         {"questions", json::array({{{"id", "b"}, {"type", "short_text"}, {"title", "B"}}})}});
    CHECK_THAT(first_problem(load(definition)), Catch::Contains("nested more than 8 deep"));
}
