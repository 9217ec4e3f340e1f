// Every page a respondent can see: escaped text, nothing the CSP would block,
// one h1, the GOV.UK layout, and what each page must say.
#include <catch2/catch.hpp>
#include <functional>
#include <regex>

#include "pages_test_survey.hpp"
#include "server/pages/check_answers_page.hpp"
#include "server/pages/confirmation_page.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/print_page.hpp"
#include "server/pages/problem_pages.hpp"
#include "server/pages/question_page.hpp"
#include "server/pages/resume_pages.hpp"
#include "server/pages/start_page.hpp"
#include "server/pages/window_pages.hpp"

namespace defs = safesurvey::defs;
namespace pages = safesurvey::pages;

namespace {

// A respondent whose answers carry markup, on the parent route.
defs::Answers hostile_answers() {
    const std::string markup(pages_test::kMarkup);
    return {{"perspective", {"parent"}},
            {"in_school", {"no"}},
            {"reasons", {"other"}},
            {"reasons_other", {markup}},
            {"hours", {"12"}},
            {"since", {"2024-03-05"}},
            {"story", {"First line " + markup + "\nSecond line"}}};
}

struct NamedPage {
    std::string name;
    std::string html;
};

std::vector<NamedPage> every_page(const defs::Survey& survey, const defs::Answers& answers) {
    const std::string markup(pages_test::kMarkup);
    std::vector<NamedPage> rendered;
    rendered.push_back({"start", pages::render_start_page({.survey = survey,
                                                           .link_token = "TOKEN",
                                                           .area_name = "Leeds " + markup,
                                                           .closes_text = markup})});
    for (const auto& page : survey.pages) {
        pages::QuestionPageView view{.survey = survey, .page = page, .values = answers};
        for (const auto& question : page.questions) view.questions.push_back(&question);
        view.errors = {{page.questions.front().id, markup}};
        view.link_token = "TOKEN";
        view.draft = markup;
        view.back_href = "/s/TOKEN/q/who?d=" + markup;
        rendered.push_back({"question " + page.id, pages::render_question_page(view)});
    }
    rendered.push_back({"check", pages::render_check_answers_page({.survey = survey,
                                                                   .answers = answers,
                                                                   .link_token = "TOKEN",
                                                                   .draft = markup,
                                                                   .back_href = "/s/TOKEN"})});
    rendered.push_back(
        {"confirmation", pages::render_confirmation_page({.survey = survey,
                                                          .link_token = "TOKEN",
                                                          .receipt = markup,
                                                          .answered_perspective = "parent",
                                                          .urgent_help = true})});
    rendered.push_back(
        {"not yet open", pages::render_not_yet_open_page(
                             {.survey = survey, .area_name = markup, .opens_text = markup})});
    rendered.push_back({"closed", pages::render_closed_page({.survey = survey,
                                                             .area_name = markup,
                                                             .closed_text = markup,
                                                             .answers_refused = true})});
    rendered.push_back({"unknown link", pages::render_unknown_link_page()});
    rendered.push_back({"draft problem", pages::render_draft_problem_page(
                                             {.reason = pages::DraftProblemView::Reason::expired,
                                              .survey = &survey,
                                              .link_token = "TOKEN"})});
    rendered.push_back({"try again later",
                        pages::render_try_again_later_page({.survey = &survey,
                                                            .retry_action = "/s/TOKEN/submit",
                                                            .draft = markup,
                                                            .back_href = "/s/TOKEN/check?d=x"})});
    rendered.push_back(
        {"too many requests", pages::render_too_many_requests_page({.survey = &survey})});
    rendered.push_back(
        {"resume code",
         pages::render_resume_code_page(
             {.survey = survey, .code = markup, .expires_text = markup, .continue_href = "/s/T"})});
    rendered.push_back({"resume entry", pages::render_resume_entry_page(
                                            {.code = markup, .error_message = markup})});
    rendered.push_back(
        {"print",
         pages::render_print_page({.survey = survey, .link_token = "TOKEN", .area_name = markup})});
    return rendered;
}

}  // namespace

TEST_CASE("markup and quotes from a definition or an answer appear only escaped, on every page",
          "[pages]") {
    const auto survey = pages_test::load_survey();
    for (const auto& page : every_page(*survey, hostile_answers())) {
        INFO("page: " << page.name);
        CHECK(page.html.find(pages_test::kMarkup) == std::string::npos);
        CHECK(page.html.find("alert(\"x\")") == std::string::npos);
        CHECK(page.html.find("<b>") == std::string::npos);
    }
}

TEST_CASE("the escaped text is still there for the respondent to read", "[pages]") {
    const auto survey = pages_test::load_survey();
    const auto answers = hostile_answers();
    const std::string check = pages::render_check_answers_page(
        {.survey = *survey, .answers = answers, .link_token = "T", .draft = "D"});
    CHECK(check.find("Other &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: "
                     "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") != std::string::npos);
    CHECK(
        check.find("First line &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Second line") !=
        std::string::npos);
}

TEST_CASE("no page carries a style attribute or an inline script", "[pages]") {
    const auto survey = pages_test::load_survey();
    for (const auto& page : every_page(*survey, hostile_answers())) {
        INFO("page: " << page.name);
        pages_test::require_csp_safe(page.html);
    }
}

TEST_CASE("every page has one h1, a language and the GOV.UK template around it", "[pages]") {
    const auto survey = pages_test::load_survey();
    for (const auto& page : every_page(*survey, hostile_answers())) {
        INFO("page: " << page.name);
        const std::string& html = page.html;
        CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">", 0) == 0);
        CHECK(pages_test::count(html, "<h1") == 1);
        CHECK(html.find("<body class=\"govuk-template__body\"><script "
                        "src=\"/assets/js-enabled.js\"></script><a href=\"#main-content\" "
                        "class=\"govuk-skip-link\"") != std::string::npos);
        CHECK(html.find("<main class=\"govuk-main-wrapper\" id=\"main-content\">") !=
              std::string::npos);
        CHECK(html.find("<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">") !=
              std::string::npos);
        CHECK(html.find("<link rel=\"stylesheet\" href=\"/assets/app.css\">") != std::string::npos);
        CHECK(html.find("<link rel=\"stylesheet\" href=\"/assets/print.css\" media=\"print\">") !=
              std::string::npos);
        CHECK(html.find("<script type=\"module\" src=\"/assets/init.js\"></script></body>") !=
              std::string::npos);
        // Nothing is fetched from another site.
        CHECK(std::regex_search(html, std::regex("(src=\"|<link[^>]* href=\")(https?:)?//")) ==
              false);
    }
}

TEST_CASE("the start page starts the survey and offers the paper copy and resume codes",
          "[pages]") {
    const auto survey = pages_test::load_survey();
    const std::string html =
        pages::render_start_page({.survey = *survey, .link_token = "TOKEN", .area_name = "Leeds"});
    CHECK(html.find("href=\"/s/TOKEN/begin\" role=\"button\" draggable=\"false\" "
                    "class=\"govuk-button govuk-button--start\"") != std::string::npos);
    CHECK(html.find("href=\"/s/TOKEN/print\"") != std::string::npos);
    CHECK(html.find("href=\"/resume\"") != std::string::npos);
    CHECK(html.find("for the Leeds local area") != std::string::npos);
    CHECK(html.find("It takes about 5 to 10 minutes.") != std::string::npos);
    // The author's link keeps its query, escaped for HTML.
    CHECK(html.find("href=\"https://www.gov.uk/guidance?a=1&amp;b=2\">the guidance</a>") !=
          std::string::npos);
    // The panel goes where the definition put it, once, with dialable helplines.
    CHECK(pages_test::count(html, "app-safeguarding") == 1);
    CHECK(html.find("href=\"tel:08001111\">0800 1111</a>") != std::string::npos);
    CHECK(html.find("href=\"tel:08088005000\">0808 800 5000</a>") != std::string::npos);
    CHECK(html.find("<title>Tell us &quot;what&quot; &lt;b&gt;you&lt;/b&gt; think \u2013 Survey") !=
          std::string::npos);
}

TEST_CASE("check answers lists visible answers in words with Change links back to it", "[pages]") {
    const auto survey = pages_test::load_survey();
    SECTION("a parent whose child is not in school") {
        const defs::Answers answers = {{"perspective", {"parent"}},
                                       {"in_school", {"no"}},
                                       {"reasons", {"health", "other"}},
                                       {"reasons_other", {"Transport"}},
                                       {"since", {"2024-03-05"}}};
        const std::string html = pages::render_check_answers_page(
            {.survey = *survey, .answers = answers, .link_token = "TOKEN", .draft = "DRAFT"});
        CHECK(html.find("<dd class=\"govuk-summary-list__value\">Parent or carer</dd>") !=
              std::string::npos);
        CHECK(html.find("<li>Health</li>") != std::string::npos);
        CHECK(html.find("Transport") != std::string::npos);
        CHECK(html.find(">5 March 2024</dd>") != std::string::npos);
        CHECK(
            html.find("<a class=\"govuk-link\" href=\"/s/TOKEN/q/school?d=DRAFT&amp;return=check\">"
                      "Change<span class=\"govuk-visually-hidden\"> Is your child in "
                      "school?</span></a>") != std::string::npos);
        CHECK(html.find(">Not answered</dd>") != std::string::npos);  // hours
        CHECK(html.find("<form method=\"post\" action=\"/s/TOKEN/submit\" novalidate>") !=
              std::string::npos);
        CHECK(html.find("name=\"draft\" value=\"DRAFT\"") != std::string::npos);
    }
    SECTION("a professional never sees the parent's questions") {
        const defs::Answers answers = {{"perspective", {"professional"}}, {"in_school", {"no"}}};
        const std::string html = pages::render_check_answers_page(
            {.survey = *survey, .answers = answers, .link_token = "TOKEN", .draft = "DRAFT"});
        CHECK(html.find("Is your child in school?") == std::string::npos);
        CHECK(html.find("Why not") == std::string::npos);
        CHECK(html.find("How many hours?") != std::string::npos);
    }
}

TEST_CASE("the confirmation adds urgent help only when asked, without saying why", "[pages]") {
    const auto survey = pages_test::load_survey();
    const auto render = [&](bool urgent) {
        return pages::render_confirmation_page({.survey = *survey,
                                                .link_token = "TOKEN",
                                                .receipt = "R-123",
                                                .answered_perspective = "parent",
                                                .urgent_help = urgent});
    };
    const std::string calm = render(false);
    const std::string urgent = render(true);
    CHECK(calm.find("govuk-panel--confirmation") != std::string::npos);
    CHECK(calm.find("<strong>R-123</strong>") != std::string::npos);
    CHECK(calm.find("If a child is in danger now") == std::string::npos);
    CHECK(urgent.find("If a child is in danger now, call <a class=\"govuk-link\" "
                      "href=\"tel:999\">999</a>") != std::string::npos);
    // The helplines are in the panel on both; the urgent page repeats them up front.
    CHECK(pages_test::count(calm, "tel:08001111") == 1);
    CHECK(pages_test::count(urgent, "tel:08001111") == 2);
    for (const std::string_view word : {"flag", "concern", "triage", "risk"}) {
        INFO(word);
        CHECK(urgent.find(word) == std::string::npos);
    }
    // The other perspectives, not the one answered.
    CHECK(calm.find(">Take the survey again as: Professional</a>") != std::string::npos);
    CHECK(calm.find(">Take the survey again as: Young person</a>") != std::string::npos);
    CHECK(calm.find("again as: Parent or carer") == std::string::npos);
    CHECK(calm.find("href=\"/s/TOKEN/begin\"") != std::string::npos);
}

TEST_CASE("link window pages say when and give the helplines", "[pages]") {
    const auto survey = pages_test::load_survey();
    const std::string early = pages::render_not_yet_open_page(
        {.survey = *survey, .area_name = "Leeds", .opens_text = "9am on Monday 3 March 2025"});
    CHECK(early.find("It opens at 9am on Monday 3 March 2025.") != std::string::npos);
    CHECK(early.find("tel:08001111") != std::string::npos);

    const std::string closed = pages::render_closed_page(
        {.survey = *survey, .closed_text = "5pm on Friday 14 March 2025"});
    CHECK(closed.find("This survey has closed") != std::string::npos);
    CHECK(closed.find("were not sent") == std::string::npos);

    const std::string refused = pages::render_closed_page(
        {.survey = *survey, .closed_text = "5pm on Friday 14 March 2025", .answers_refused = true});
    CHECK(refused.find("<title>Your answers were not sent") != std::string::npos);
    CHECK(refused.find("closed at 5pm on Friday 14 March 2025") != std::string::npos);
    CHECK(refused.find("tel:08001111") != std::string::npos);
}

TEST_CASE("the unknown link page reveals nothing about any survey", "[pages]") {
    const std::string html = pages::render_unknown_link_page();
    CHECK(html.find("<h1 class=\"govuk-heading-l\">Page not found</h1>") != std::string::npos);
    CHECK(html.find("/s/") == std::string::npos);
    CHECK(html.find("tel:") == std::string::npos);
    CHECK(html.find(std::string(pages::kServiceName)) != std::string::npos);
}

TEST_CASE("the try-again page re-sends the same draft", "[pages]") {
    const auto survey = pages_test::load_survey();
    const std::string html = pages::render_try_again_later_page(
        {.survey = survey.get(), .retry_action = "/s/T/submit", .draft = "DRAFT"});
    CHECK(html.find("<form method=\"post\" action=\"/s/T/submit\" novalidate><input "
                    "type=\"hidden\" name=\"draft\" value=\"DRAFT\">") != std::string::npos);
}

TEST_CASE("the resume pages show the code once and take it back with a clear error", "[pages]") {
    const auto survey = pages_test::load_survey();
    const std::string shown = pages::render_resume_code_page(
        {.survey = *survey, .code = "ABCD-EFGH-JKLM", .expires_text = "Sunday 30 November 2026"});
    CHECK(shown.find("<p class=\"govuk-body app-resume-code\">ABCD-EFGH-JKLM</p>") !=
          std::string::npos);
    CHECK(shown.find("until Sunday 30 November 2026") != std::string::npos);

    const std::string entry = pages::render_resume_entry_page(
        {.code = "ABCD", .error_message = "Enter the code exactly as it was shown"});
    CHECK(entry.find("<title>Error: Enter your resume code") != std::string::npos);
    CHECK(entry.find("<a href=\"#code\">Enter the code exactly as it was shown</a>") !=
          std::string::npos);
    CHECK(entry.find("id=\"code\" name=\"code\"") != std::string::npos);
    CHECK(entry.find("value=\"ABCD\"") != std::string::npos);
    CHECK(entry.find("<form method=\"post\" action=\"/resume\" novalidate>") != std::string::npos);

    const std::string fresh = pages::render_resume_entry_page({});
    CHECK(fresh.find("govuk-error-summary") == std::string::npos);
    CHECK(fresh.find("<title>Enter your resume code") != std::string::npos);
}
