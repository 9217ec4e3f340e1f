// The question page and its components: what a respondent sees after a bad
// Continue, the character count, exclusive checkboxes and "please specify".
#include <catch2/catch.hpp>
#include <regex>

#include "pages_test_survey.hpp"
#include "server/pages/question_page.hpp"
#include "survey_defs/loader.hpp"

namespace defs = safesurvey::defs;
using safesurvey::pages::FieldError;
using safesurvey::pages::QuestionPageView;
using safesurvey::pages::render_question_page;

namespace {

std::string render_page(const defs::Survey& survey, std::string_view page_id,
                        const defs::Answers& values, std::vector<FieldError> errors = {}) {
    const defs::Page* page = survey.find_page(page_id);
    REQUIRE(page != nullptr);
    QuestionPageView view{.survey = survey, .page = *page, .values = values};
    for (const auto& question : page->questions) view.questions.push_back(&question);
    view.errors = std::move(errors);
    view.link_token = "TOKEN";
    view.draft = "DRAFT";
    view.back_href = "/s/TOKEN/q/who?d=DRAFT";
    view.step = 3;
    view.total_steps = 4;
    return render_question_page(view);
}

// The attributes of the element carrying id="{id}".
std::string element_with_id(const std::string& html, const std::string& id) {
    const std::regex element("<[a-z]+[^>]* id=\"" + id + "\"[^>]*>");
    std::smatch match;
    if (!std::regex_search(html, match, element)) return "";
    return match.str();
}

}  // namespace

TEST_CASE("an invalid page has an error summary linking to each field and an Error: title",
          "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const defs::Answers typed = {{"hours", {"lots"}},
                                 {"since-day", {"31"}},
                                 {"since-month", {"2"}},
                                 {"since-year", {"2024"}}};
    const std::string html =
        render_page(*survey, "about", typed,
                    {{"hours", "Enter the number of hours as a number, like 12"},
                     {"since-day", "Since when must be a real date"}});

    CHECK(html.find("<title>Error: About you") != std::string::npos);
    CHECK(html.find("class=\"govuk-error-summary\"") != std::string::npos);
    CHECK(html.find("There is a problem") != std::string::npos);
    CHECK(html.find("<a href=\"#hours\">Enter the number of hours as a number, like 12</a>") !=
          std::string::npos);
    CHECK(html.find("<a href=\"#since-day\">Since when must be a real date</a>") !=
          std::string::npos);
    // Each link lands on an input that exists.
    CHECK(element_with_id(html, "hours").find("<input") == 0);
    CHECK(element_with_id(html, "since-day").find("<input") == 0);
    // Inline messages, described-by, and what was typed kept.
    CHECK(html.find("id=\"hours-error\" class=\"govuk-error-message\"") != std::string::npos);
    CHECK(element_with_id(html, "hours").find("aria-describedby=\"hours-error\"") !=
          std::string::npos);
    CHECK(element_with_id(html, "hours").find("value=\"lots\"") != std::string::npos);
    CHECK(element_with_id(html, "since-day").find("value=\"31\"") != std::string::npos);
    CHECK(element_with_id(html, "since-month").find("value=\"2\"") != std::string::npos);
    // Only the day, named by the error, is marked; the others are not.
    CHECK(element_with_id(html, "since-day").find("govuk-input--error") != std::string::npos);
    CHECK(element_with_id(html, "since-month").find("govuk-input--error") == std::string::npos);
    CHECK(pages_test::count(html, "govuk-form-group--error") == 2);
}

TEST_CASE("an error about a whole question links to its first input", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    SECTION("radios: the first radio has the question id") {
        const std::string html =
            render_page(*survey, "who", {}, {{"perspective", "Select who you are"}});
        CHECK(html.find("<a href=\"#perspective\">") != std::string::npos);
        CHECK(element_with_id(html, "perspective").find("type=\"radio\"") != std::string::npos);
        CHECK(element_with_id(html, "perspective-2").find("value=\"professional\"") !=
              std::string::npos);
        CHECK(html.find("aria-describedby=\"perspective-error\"") != std::string::npos);
    }
    SECTION("a date: the day input") {
        const std::string html = render_page(*survey, "about", {}, {{"since", "Enter a date"}});
        CHECK(html.find("<a href=\"#since-day\">Enter a date</a>") != std::string::npos);
        // The whole date is wrong: all three inputs are marked.
        CHECK(pages_test::count(html, "govuk-date-input__input govuk-input--error") == 3);
    }
    SECTION("a follow-up: its own input") {
        const std::string html = render_page(*survey, "reasons", {{"reasons", {"other"}}},
                                             {{"reasons_other", "Tell us the other reason"}});
        CHECK(html.find("<a href=\"#reasons_other\">") != std::string::npos);
        CHECK(element_with_id(html, "reasons_other").find("govuk-input--error") !=
              std::string::npos);
    }
}

TEST_CASE("a valid page has no error summary and a plain title", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "who", {});
    CHECK(html.find("govuk-error-summary") == std::string::npos);
    CHECK(html.find("<title>Who are you?") != std::string::npos);
    CHECK(html.find("Error:") == std::string::npos);
}

TEST_CASE("a page with one question uses it as the page heading", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "who", {});
    CHECK(html.find("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 "
                    "class=\"govuk-fieldset__heading\">Who are you?</h1></legend>") !=
          std::string::npos);
    CHECK(pages_test::count(html, "<h1") == 1);
    CHECK(html.find("Step 3 of 4") != std::string::npos);
    CHECK(html.find("<a href=\"/s/TOKEN/q/who?d=DRAFT\" class=\"govuk-back-link\">Back</a>") !=
          std::string::npos);
}

TEST_CASE("long text has a character count that states its limit without JavaScript",
          "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "about", {{"story", {"line one\nline two"}}});
    CHECK(html.find("class=\"govuk-form-group govuk-character-count\" "
                    "data-module=\"govuk-character-count\" data-maxlength=\"1200\"") !=
          std::string::npos);
    const std::string textarea = element_with_id(html, "story");
    CHECK(textarea.find("<textarea") == 0);
    CHECK(textarea.find("govuk-js-character-count") != std::string::npos);
    CHECK(textarea.find("aria-describedby=\"story-info\"") != std::string::npos);
    CHECK(html.find("<div id=\"story-info\" class=\"govuk-hint govuk-character-count__message\">"
                    "You can enter up to 1200 characters</div>") != std::string::npos);
    CHECK(html.find(">line one\nline two</textarea>") != std::string::npos);
}

TEST_CASE("a number input asks for digits and reads its suffix to screen readers",
          "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "about", {});
    const std::string input = element_with_id(html, "hours");
    CHECK(input.find("inputmode=\"numeric\"") != std::string::npos);
    CHECK(input.find("autocomplete=\"off\"") != std::string::npos);
    CHECK(html.find("<div class=\"govuk-input__suffix\" aria-hidden=\"true\">hours a week</div>") !=
          std::string::npos);
    CHECK(html.find("<span class=\"govuk-visually-hidden\"> (hours a week)</span>") !=
          std::string::npos);
}

TEST_CASE("a saved date is shown split into day, month and year", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "about", {{"since", {"2024-03-05"}}});
    CHECK(element_with_id(html, "since-day").find("value=\"5\"") != std::string::npos);
    CHECK(element_with_id(html, "since-month").find("value=\"3\"") != std::string::npos);
    CHECK(element_with_id(html, "since-year").find("value=\"2024\"") != std::string::npos);
    CHECK(element_with_id(html, "since-day").find("name=\"since-day\"") != std::string::npos);
}

TEST_CASE("an exclusive option unticks the others, after an 'or' divider", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "reasons", {{"reasons", {"health"}}});
    const std::string none = element_with_id(html, "reasons-3");
    CHECK(none.find("value=\"none\"") != std::string::npos);
    CHECK(none.find("data-behaviour=\"exclusive\"") != std::string::npos);
    CHECK(pages_test::count(html, "data-behaviour=") == 1);
    const auto divider = html.find("<div class=\"govuk-checkboxes__divider\">or</div>");
    REQUIRE(divider != std::string::npos);
    CHECK(divider < html.find("id=\"reasons-3\""));
    CHECK(divider > html.find("id=\"reasons-2\""));
    CHECK(element_with_id(html, "reasons").find(" checked") != std::string::npos);
    CHECK(none.find(" checked") == std::string::npos);
}

TEST_CASE("'please specify' is a conditional reveal that is in the page without JavaScript",
          "[pages][question]") {
    const auto survey = pages_test::load_survey();
    SECTION("not chosen: marked hidden, which only the JavaScript-enhanced page applies") {
        const std::string html = render_page(*survey, "reasons", {});
        CHECK(element_with_id(html, "reasons-2")
                  .find("data-aria-controls=\"conditional-reasons-2\"") != std::string::npos);
        CHECK(html.find("<div class=\"govuk-checkboxes__conditional "
                        "govuk-checkboxes__conditional--hidden\" id=\"conditional-reasons-2\">") !=
              std::string::npos);
        CHECK(element_with_id(html, "reasons_other").find("name=\"reasons_other\"") !=
              std::string::npos);
    }
    SECTION("chosen: open, with what was typed") {
        const std::string html =
            render_page(*survey, "reasons",
                        {{"reasons", {"other"}}, {"reasons_other", {"Bullying \"badly\""}}});
        CHECK(html.find(
                  "<div class=\"govuk-checkboxes__conditional\" id=\"conditional-reasons-2\">") !=
              std::string::npos);
        CHECK(element_with_id(html, "reasons_other").find("value=\"Bullying &quot;badly&quot;\"") !=
              std::string::npos);
    }
}

TEST_CASE("yes/no is inline radios", "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const std::string html = render_page(*survey, "school", {{"in_school", {"no"}}});
    CHECK(html.find("class=\"govuk-radios govuk-radios--inline\" data-module=\"govuk-radios\"") !=
          std::string::npos);
    CHECK(element_with_id(html, "in_school-2").find(" checked") != std::string::npos);
}

TEST_CASE("the form posts back the draft, the return flag and an empty honeypot",
          "[pages][question]") {
    const auto survey = pages_test::load_survey();
    const defs::Page* page = survey->find_page("who");
    const defs::Answers none;
    QuestionPageView view{.survey = *survey, .page = *page, .values = none};
    view.questions = {&page->questions.front()};
    view.link_token = "TOKEN";
    view.draft = "SEALED\"DRAFT";
    view.returning_to_check = true;
    const std::string html = render_question_page(view);
    CHECK(html.find("<form method=\"post\" action=\"/s/TOKEN/q/who\" novalidate>") !=
          std::string::npos);
    CHECK(html.find("<input type=\"hidden\" name=\"draft\" value=\"SEALED&quot;DRAFT\">") !=
          std::string::npos);
    CHECK(html.find("<input type=\"hidden\" name=\"return\" value=\"check\">") !=
          std::string::npos);
    CHECK(html.find("<div class=\"app-honeypot\">") != std::string::npos);
    CHECK(element_with_id(html, "website").find("name=\"website\"") != std::string::npos);
    CHECK(html.find("formaction=\"/s/TOKEN/save\"") != std::string::npos);
    CHECK(html.find("govuk-back-link") == std::string::npos);
}

TEST_CASE("a radio's 'please specify' is always shown and needs no script", "[pages][question]") {
    std::string json(pages_test::kSurveyJson);
    const std::string plain = R"({"id": "professional", "label": "Professional"})";
    json.replace(json.find(plain), plain.size(),
                 R"({"id": "professional", "label": "Professional",
                     "follow_up": {"id": "profession", "label": "Your profession"}})");
    const auto loaded = defs::load_survey_json(json);
    REQUIRE(loaded.ok());
    const std::string html = render_page(*loaded.survey, "who", {});
    CHECK(html.find("data-aria-controls") == std::string::npos);
    CHECK(html.find("<div class=\"govuk-radios__conditional\" id=\"conditional-perspective-2\">") !=
          std::string::npos);
    CHECK(element_with_id(html, "profession").find("name=\"profession\"") != std::string::npos);
}
