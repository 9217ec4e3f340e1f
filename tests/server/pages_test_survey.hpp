// A small survey for the page tests, loaded through the real loader so the
// pages are tested against the model the server will really hold. Its text
// carries markup and quotes on purpose: none of it may reach a page unescaped.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <regex>
#include <string>
#include <string_view>

#include "survey_defs/loader.hpp"

namespace pages_test {

// Appears in definition text and answers; must never appear raw in a page.
inline constexpr std::string_view kMarkup = "<script>alert(\"x\")</script>";

inline const char* const kSurveyJson = R"json({
  "id": "pages-test",
  "version": 1,
  "title": "Survey <script>alert(\"x\")</script>",
  "estimated_minutes": {"min": 5, "max": 10},
  "start_page": {
    "title": "Tell us \"what\" <b>you</b> think",
    "content": [
      {"heading": "About <script>alert(\"x\")</script>"},
      {"paragraph": "Read <script>alert(\"x\")</script> first.",
       "link": {"text": "the guidance", "href": "https://www.gov.uk/guidance?a=1&b=2"}},
      {"bullets": ["one <script>alert(\"x\")</script>", "two"]},
      {"safeguarding_panel": true}
    ],
    "start_button": "Start now"
  },
  "safeguarding": {
    "heading": "If you are worried about a child",
    "paragraphs": ["Tell someone <script>alert(\"x\")</script> today."],
    "helplines": [
      {"name": "Childline", "phone": "0800 1111", "for": "children and young people"},
      {"name": "NSPCC", "phone": "0808 800 5000", "for": "adults worried about a child"}
    ]
  },
  "perspective_question": "perspective",
  "pages": [
    {"id": "who", "questions": [
      {"id": "perspective", "type": "single_choice", "title": "Who are you?", "required": true,
       "options": [
         {"id": "parent", "label": "Parent or carer"},
         {"id": "professional", "label": "Professional"},
         {"id": "young_person", "label": "Young person"}]}]},
    {"id": "school", "show_if": {"question": "perspective", "equals": "parent"}, "questions": [
      {"id": "in_school", "type": "yes_no", "title": "Is your child in school?", "required": true}]},
    {"id": "reasons", "show_if": {"question": "in_school", "equals": "no"}, "questions": [
      {"id": "reasons", "type": "multiple_choice", "title": "Why not <script>alert(\"x\")</script>?",
       "hint": "Select all that apply",
       "options": [
         {"id": "health", "label": "Health"},
         {"id": "other", "label": "Other <script>alert(\"x\")</script>",
          "follow_up": {"id": "reasons_other", "label": "Tell us more", "max_length": 200}},
         {"id": "none", "label": "None of these", "exclusive": true}]}]},
    {"id": "about", "title": "About you", "questions": [
      {"id": "hours", "type": "number", "title": "How many hours?", "min": 0, "max": 40,
       "suffix": "hours a week"},
      {"id": "since", "type": "date", "title": "Since when?"},
      {"id": "story", "type": "long_text", "title": "Tell us more", "max_length": 1200,
       "triage": true}]}
  ],
  "confirmation": {"title": "Thank you", "content": [{"paragraph": "We read every answer."}]},
  "retention": {"starts": "national_report_published", "years": 3}
})json";

inline std::shared_ptr<const safesurvey::defs::Survey> load_survey() {
    const auto result = safesurvey::defs::load_survey_json(kSurveyJson);
    for (const auto& problem : result.problems) {
        UNSCOPED_INFO(problem.path << ": " << problem.message);
    }
    REQUIRE(result.ok());
    return result.survey;
}

inline std::size_t count(std::string_view haystack, std::string_view needle) {
    std::size_t found = 0;
    for (auto at = haystack.find(needle); at != std::string_view::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++found;
    }
    return found;
}

// The Content-Security-Policy allows neither: a page with either breaks.
inline void require_csp_safe(const std::string& html) {
    CHECK(html.find(" style=") == std::string::npos);
    CHECK(html.find("<style") == std::string::npos);
    CHECK(html.find(" onclick") == std::string::npos);
    const std::regex script_tag("<script([^>]*)>([^<]*)</script>");
    std::size_t scripts = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), script_tag);
         it != std::sregex_iterator(); ++it) {
        ++scripts;
        INFO("script tag: " << it->str());
        CHECK(it->str(1).find(" src=\"/assets/") != std::string::npos);
        CHECK(it->str(2).empty());
    }
    CHECK(scripts == count(html, "<script"));
}

}  // namespace pages_test
