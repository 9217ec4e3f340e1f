// The paper copy: every question numbered with tick boxes, and the routing
// written in words from the conditions.
#include <catch2/catch.hpp>

#include "pages_test_survey.hpp"
#include "server/pages/print_page.hpp"
#include "server/pages/routing_in_words.hpp"

namespace defs = safesurvey::defs;
namespace pages = safesurvey::pages;

namespace {

const pages::PaperQuestion& paper_question(const pages::PaperRouting& routing,
                                           std::string_view id) {
    for (const auto& question : routing.questions()) {
        if (question.question->id == id) return question;
    }
    FAIL("no question " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("questions are numbered in survey order", "[pages][print]") {
    const auto survey = pages_test::load_survey();
    const pages::PaperRouting routing(*survey, "en");
    REQUIRE(routing.questions().size() == 6);
    CHECK(paper_question(routing, "perspective").number == 1);
    CHECK(paper_question(routing, "in_school").number == 2);
    CHECK(paper_question(routing, "reasons").number == 3);
    CHECK(paper_question(routing, "story").number == 6);
}

TEST_CASE("a condition is written as the answer to a numbered question", "[pages][print]") {
    const auto survey = pages_test::load_survey();
    const pages::PaperRouting routing(*survey, "en");
    const auto& in_school = paper_question(routing, "in_school");
    REQUIRE(in_school.asked_if.has_value());
    CHECK(routing.condition_in_words(*in_school.asked_if) ==
          "you answered \u2018Parent or carer\u2019 to question 1");
    CHECK(routing.condition_in_words(*paper_question(routing, "reasons").asked_if) ==
          "you answered \u2018No\u2019 to question 2");
    CHECK_FALSE(paper_question(routing, "hours").asked_if.has_value());

    defs::Condition not_any;
    not_any.kind = defs::Condition::Kind::negation;
    defs::Condition any_of;
    any_of.kind = defs::Condition::Kind::any_of;
    any_of.question = "perspective";
    any_of.values = {"parent", "professional", "young_person"};
    not_any.operands = {any_of};
    CHECK(routing.condition_in_words(not_any) ==
          "you did not answer \u2018Parent or carer\u2019, \u2018Professional\u2019 or "
          "\u2018Young person\u2019 to question 1");
}

TEST_CASE("an answer that skips questions says where to go next", "[pages][print]") {
    const auto survey = pages_test::load_survey();
    const pages::PaperRouting routing(*survey, "en");
    const auto& perspective = paper_question(routing, "perspective");
    // A professional skips question 2, and so question 3 which depends only on it.
    CHECK(routing.skip_instructions(perspective) ==
          std::vector<std::string>{"If you answered \u2018Professional\u2019, go to question 4.",
                                   "If you answered \u2018Young person\u2019, go to question 4."});
    CHECK(routing.skip_instructions(paper_question(routing, "in_school")) ==
          std::vector<std::string>{"If you answered \u2018Yes\u2019, go to question 4."});
    // Checkboxes may have several answers: no single place to go.
    CHECK(routing.skip_instructions(paper_question(routing, "reasons")).empty());
    CHECK(routing.skip_instructions(paper_question(routing, "hours")).empty());
}

TEST_CASE("skipping to the end says so", "[pages][print]") {
    auto json = std::string(pages_test::kSurveyJson);
    // Make the last page parents-only: a professional then has nothing left.
    const std::string about = R"("id": "about", )";
    json.replace(json.find(about), about.size(),
                 R"("id": "about", "show_if": {"question": "perspective", "equals": "parent"}, )");
    const auto loaded = defs::load_survey_json(json);
    REQUIRE(loaded.ok());
    const pages::PaperRouting routing(*loaded.survey, "en");
    CHECK(routing.skip_instructions(routing.questions().front()).front() ==
          "If you answered \u2018Professional\u2019, you have finished: go to the end of the "
          "survey.");
}

TEST_CASE("the paper copy has tick boxes, lines, routing and the helplines", "[pages][print]") {
    const auto survey = pages_test::load_survey();
    const std::string html =
        pages::render_print_page({.survey = *survey, .link_token = "TOKEN", .area_name = "Leeds"});
    CHECK(html.find(">1. Who are you?</h2>") != std::string::npos);
    CHECK(html.find(">6. Tell us more</h2>") != std::string::npos);
    CHECK(html.find("Only answer this question if you answered \u2018No\u2019 to question 2.") !=
          std::string::npos);
    CHECK(html.find("If you answered \u2018Yes\u2019, go to question 4.") != std::string::npos);
    // 3 + 2 + 3 options, one box each.
    CHECK(pages_test::count(html, "<span class=\"app-paper-box\" aria-hidden=\"true\"></span>") ==
          8);
    CHECK(html.find("Tick all that apply.") != std::string::npos);
    CHECK(html.find("If you ticked \u2018Other &lt;script&gt;") != std::string::npos);
    CHECK(pages_test::count(html, "<div class=\"app-paper-line\"></div>") ==
          2 + 8);  // follow-up, long text
    CHECK(html.find("Day ____") != std::string::npos);
    CHECK(html.find("tel:08001111") != std::string::npos);
    CHECK(html.find("Paper copy for the Leeds local area") != std::string::npos);
    pages_test::require_csp_safe(html);
}
