// Server-side validation from the definition: what a respondent sees when an
// answer is missing or wrong, and what is kept or dropped when it is right.
#include <catch2/catch.hpp>
#include <string>

#include "server/journey/page_input.hpp"
#include "server/journey/page_validation.hpp"
#include "survey_defs/loader.hpp"

namespace {

using safesurvey::defs::Answers;
using safesurvey::http::FormFields;
using namespace safesurvey::journey;

// Every kind of rule in one small survey: a required radio deciding who sees
// page two, checkboxes with an exclusive option and a "please specify",
// a number range, a date range and a length limit.
constexpr const char* kSurvey = R"({
  "id": "rules", "version": 1, "title": "Rules", "estimated_minutes": 2,
  "perspective_question": "who",
  "retention": {"starts": "national_report_published", "years": 3},
  "start_page": {"title": "Rules", "content": [{"safeguarding_panel": true}]},
  "safeguarding": {"heading": "Help", "paragraphs": ["Call 999 in an emergency."],
                   "helplines": [{"name": "Childline", "phone": "0800 1111", "for": "children"}]},
  "confirmation": {"title": "Thanks", "content": [{"paragraph": "Sent."}]},
  "pages": [
    {"id": "who", "questions": [
      {"id": "who", "type": "single_choice", "required": true, "title": "Who are you?",
       "options": [{"id": "parent", "label": "A parent"}, {"id": "pro", "label": "A professional"}]}]},
    {"id": "child", "title": "Your child", "show_if": {"question": "who", "equals": "parent"},
     "questions": [
      {"id": "needs", "type": "multiple_choice", "required": true, "title": "What needs?",
       "options": [{"id": "autism", "label": "Autism"},
                   {"id": "other", "label": "Something else",
                    "follow_up": {"id": "needs_other", "label": "Tell us", "max_length": 20}},
                   {"id": "none", "label": "None of these", "exclusive": true}]},
      {"id": "hours", "type": "number", "min": 0, "max": 40, "title": "Hours a week?"},
      {"id": "since", "type": "date", "earliest": "2020-01-01", "latest": "2025-12-31",
       "title": "Since when?"},
      {"id": "story", "type": "long_text", "max_length": 10, "title": "Tell us more"}]},
    {"id": "end", "questions": [
      {"id": "name_of_area", "type": "short_text", "required": true, "title": "Which area?"}]}
  ]
})";

const safesurvey::defs::Survey& survey() {
    static const auto loaded = safesurvey::defs::load_survey_json(kSurvey);
    REQUIRE(loaded.ok());
    return *loaded.survey;
}

PageOutcome post(const std::string& page_id, const FormFields& form, const Answers& before) {
    const auto* page = survey().find_page(page_id);
    REQUIRE(page != nullptr);
    return validate_page(survey(), *page, read_page_input(*page, form), before);
}

std::string errors_of(const PageOutcome& outcome) {
    std::string text;
    for (const auto& error : outcome.errors) text += error.field + ": " + error.message + "\n";
    return text;
}

const Answers kParent = {{"who", {"parent"}}};

}  // namespace

TEST_CASE("a required question left empty says what to do and names the question") {
    const auto outcome = post("who", {}, {});
    REQUIRE(outcome.errors.size() == 1);
    CHECK(outcome.errors[0].field == "who");
    CHECK(outcome.errors[0].message == "Select an answer to “Who are you?”");

    const auto text = post("end", {{"name_of_area", "   "}}, {});
    REQUIRE(text.errors.size() == 1);
    CHECK(text.errors[0].message == "Enter an answer to “Which area?”");
}

TEST_CASE("an option that does not exist is refused, and two radios are refused") {
    CHECK(errors_of(post("who", {{"who", "admin"}}, {})) ==
          "who: Select one of the answers shown for “Who are you?”\n");
    CHECK_FALSE(post("who", {{"who", "parent"}, {"who", "pro"}}, {}).ok());
    const auto good = post("who", {{"who", "pro"}}, {});
    CHECK(good.ok());
    CHECK(good.answers == Answers{{"who", {"pro"}}});
}

TEST_CASE("an exclusive option cannot be combined with another") {
    const auto outcome = post("child", {{"needs", "autism"}, {"needs", "none"}}, kParent);
    CHECK(errors_of(outcome) ==
          "needs: Select “None of these” on its own, or untick it to choose other answers\n");
    CHECK(post("child", {{"needs", "none"}}, kParent).ok());
}

TEST_CASE("please-specify text is required when its option is chosen and dropped when not") {
    CHECK(errors_of(post("child", {{"needs", "other"}}, kParent)) ==
          "needs_other: Enter details for “Something else”\n");
    CHECK(errors_of(post("child", {{"needs", "other"}, {"needs_other", std::string(21, 'x')}},
                         kParent)) ==
          "needs_other: Your answer to “Something else” must be 20 characters or fewer\n");
    const auto kept = post("child", {{"needs", "other"}, {"needs_other", "dyspraxia"}}, kParent);
    REQUIRE(kept.ok());
    CHECK(kept.answers.at("needs_other") == std::vector<std::string>{"dyspraxia"});
    // Typed into the reveal, then the option unticked: the text is not kept.
    const auto dropped =
        post("child", {{"needs", "autism"}, {"needs_other", "dyspraxia"}}, kParent);
    REQUIRE(dropped.ok());
    CHECK(dropped.answers.count("needs_other") == 0);
}

TEST_CASE("numbers must be whole and in range") {
    const FormFields base = {{"needs", "autism"}};
    auto with = [&](const std::string& hours) {
        FormFields form = base;
        form.emplace("hours", hours);
        return post("child", form, kParent);
    };
    CHECK(errors_of(with("2.5")) ==
          "hours: Your answer to “Hours a week?” must be a whole number, like 5\n");
    CHECK(errors_of(with("ten")) ==
          "hours: Your answer to “Hours a week?” must be a whole number, like 5\n");
    CHECK(errors_of(with("41")) ==
          "hours: Your answer to “Hours a week?” must be between 0 and 40\n");
    CHECK(errors_of(with("99999999999999999999999")) ==
          "hours: Your answer to “Hours a week?” must be a whole number, like 5\n");
    const auto good = with(" 12 ");
    REQUIRE(good.ok());
    CHECK(good.answers.at("hours") == std::vector<std::string>{"12"});
}

TEST_CASE("dates must be real calendar dates inside the range") {
    auto with = [&](const std::string& d, const std::string& m, const std::string& y) {
        FormFields form = {{"needs", "autism"}};
        if (!d.empty()) form.emplace("since-day", d);
        if (!m.empty()) form.emplace("since-month", m);
        if (!y.empty()) form.emplace("since-year", y);
        return post("child", form, kParent);
    };
    CHECK(errors_of(with("29", "2", "2023")) ==
          "since: The date for “Since when?” must be a real date\n");
    CHECK(errors_of(with("31", "4", "2022")) ==
          "since: The date for “Since when?” must be a real date\n");
    CHECK(errors_of(with("1", "1", "23")) ==
          "since: The date for “Since when?” must be a real date\n");
    CHECK(errors_of(with("1", "", "2023")) ==
          "since-month: The date for “Since when?” must include a month\n");
    CHECK(errors_of(with("31", "12", "2019")) ==
          "since: The date for “Since when?” must be the same as or after 1 January 2020\n");
    CHECK(errors_of(with("1", "1", "2026")) ==
          "since: The date for “Since when?” must be the same as or before 31 December 2025\n");
    const auto leap = with("29", "2", "2024");
    REQUIRE(leap.ok());
    CHECK(leap.answers.at("since") == std::vector<std::string>{"2024-02-29"});
    CHECK(with("", "", "").ok());  // not required
}

TEST_CASE("text length counts characters, not bytes, and a line break as one") {
    auto with = [&](const std::string& story) {
        return post("child", {{"needs", "autism"}, {"story", story}}, kParent);
    };
    CHECK(with("éééééééééé").ok());        // 10 characters, 20 bytes
    CHECK(with("abcd\r\nefgh\r\n").ok());  // trailing break trimmed, inner one counts 1
    CHECK(errors_of(with("abcdefghijk")) ==
          "story: Your answer to “Tell us more” must be 10 characters or fewer\n");
}

TEST_CASE("every problem on a page is reported, in page order") {
    const auto outcome = post("child", {{"hours", "-1"}, {"story", "far too long here"}}, kParent);
    REQUIRE(outcome.errors.size() == 3);
    CHECK(outcome.errors[0].field == "needs");
    CHECK(outcome.errors[1].field == "hours");
    CHECK(outcome.errors[2].field == "story");
    CHECK(outcome.answers == kParent);  // nothing applied while anything is wrong
}

TEST_CASE("answers to questions that become hidden are dropped, not stored") {
    Answers answers = kParent;
    const auto child = post("child", {{"needs", "autism"}, {"hours", "3"}}, answers);
    REQUIRE(child.ok());
    CHECK(child.answers.count("hours") == 1);
    // Back to the first page: now a professional. Page two is hidden, so its
    // answers go, even though nobody posted page two again.
    const auto changed = post("who", {{"who", "pro"}}, child.answers);
    REQUIRE(changed.ok());
    CHECK(changed.answers == Answers{{"who", {"pro"}}});
}

TEST_CASE("a field posted for a page it is not on is ignored") {
    const auto outcome = post("who", {{"who", "parent"}, {"hours", "3"}, {"nonsense", "x"}}, {});
    REQUIRE(outcome.ok());
    CHECK(outcome.answers == kParent);
}

TEST_CASE("a draft is complete only when every visible page passes") {
    CHECK(first_incomplete_page(survey(), {})->id == "who");
    CHECK(first_incomplete_page(survey(), kParent)->id == "child");
    const Answers professional = {{"who", {"pro"}}};
    CHECK(first_incomplete_page(survey(), professional)->id == "end");
    const Answers done = {{"who", {"pro"}}, {"name_of_area", {"Leeds"}}};
    CHECK(first_incomplete_page(survey(), done) == nullptr);
    // A stored date comes back through the same rules.
    const Answers with_date = {{"who", {"parent"}},
                               {"needs", {"autism"}},
                               {"since", {"2019-05-01"}},
                               {"name_of_area", {"Leeds"}}};
    CHECK(first_incomplete_page(survey(), with_date)->id == "child");
}
