// Each malformed fixture holds one kind of mistake an author makes; the
// loader must name it with the JSON path an author can follow, and must not
// bury it among follow-on noise.
#include <catch2/catch.hpp>
#include <string>

#include "survey_defs/loader.hpp"

namespace {

using safesurvey::defs::load_survey_file;
using safesurvey::defs::Problem;

std::string fixture(const std::string& name) {
    return std::string(SAFESURVEY_TEST_FIXTURES) + "/survey_defs/" + name;
}

struct Expected {
    const char* file;
    const char* path;
    const char* message;  // a part of the message that says what to fix
};

std::string describe(const std::vector<Problem>& problems) {
    std::string text;
    for (const auto& problem : problems) text += problem.path + ": " + problem.message + "\n";
    return text;
}

}  // namespace

TEST_CASE("the minimal fixture loads, so each malformed copy fails for its own reason") {
    const auto result = load_survey_file(fixture("minimal.json"));
    INFO(describe(result.problems));
    REQUIRE(result.ok());
    CHECK(result.survey->pages.size() == 3);
}

TEST_CASE("each kind of mistake is reported once, at its JSON path") {
    const Expected expected = GENERATE(
        Expected{"not_json.json", "", "not valid JSON: parse error at line 4, column 9"},
        Expected{"duplicate_json_key.json", "/pages/0/questions/0/required",
                 "the key 'required' appears twice in this object"},
        Expected{"duplicate_question_id.json", "/pages/2/questions/0/id",
                 "duplicate id 'situation': /pages/1/questions/0 already uses it"},
        Expected{"duplicate_page_id.json", "/pages/2/id",
                 "duplicate page id 'parents': /pages/1 already uses it"},
        Expected{"duplicate_option_id.json", "/pages/1/questions/0/options/1/id",
                 "duplicate option id 'home' in question 'situation'"},
        Expected{"condition_unknown_question.json", "/pages/2/show_if/question",
                 "refers to unknown question 'perspectve'"},
        Expected{"condition_unknown_option.json", "/pages/2/show_if/equals",
                 "'carer' is not an option of question 'perspective' (its options are: parent, "
                 "professional)"},
        Expected{"condition_later_question.json", "/pages/1/show_if/answered",
                 "refers to question 'more' on /pages/2, which is not an earlier page"},
        Expected{"unreachable_page.json", "/pages/2/show_if",
                 "can never be true, so nobody will see this page"},
        Expected{"unreachable_through_hidden_question.json", "/pages/2/show_if",
                 "can never be true, so nobody will see this page"},
        Expected{"empty_options.json", "/pages/1/questions/0/options", "the option list is empty"},
        Expected{"unknown_question_type.json", "/pages/2/questions/0/type",
                 "unknown question type 'dropdown'"},
        Expected{"unknown_key.json", "/pages/2/questions/0/colour", "unknown key 'colour'"},
        Expected{"wrong_type.json", "/pages/2/questions/0/required",
                 "must be true or false, not a string"},
        Expected{"title_too_long.json", "/pages/2/questions/0/title",
                 "is 301 characters long; the limit is 300"},
        Expected{"max_length_out_of_range.json", "/pages/2/questions/0/max_length",
                 "must be between 10 and 10000"},
        Expected{"number_range_inverted.json", "/pages/2/questions/1/min",
                 "min (40) is greater than max (0)"},
        Expected{"date_range_inverted.json", "/pages/2/questions/1/earliest",
                 "earliest (2025-09-01) is after latest (2024-09-01)"},
        Expected{"two_exclusive_options.json", "/pages/1/questions/0/options/3/exclusive",
                 "only one exclusive option"},
        Expected{"bad_link_href.json", "/start_page/content/0/link/href",
                 "links may only be https:, mailto:, tel: or a path on this site"},
        Expected{"perspective_not_choice.json", "/perspective_question",
                 "must be a required single_choice question"});

    const auto result = load_survey_file(fixture(expected.file));
    INFO(expected.file << "\n" << describe(result.problems));
    CHECK_FALSE(result.ok());
    CHECK(result.survey == nullptr);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].path == expected.path);
    CHECK_THAT(result.problems[0].message, Catch::Contains(expected.message));
}

TEST_CASE("every problem in a file is reported, not just the first") {
    const auto result = load_survey_file(fixture("several_problems.json"));
    INFO(describe(result.problems));
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].path == "/pages/0/questions/0/title");
    CHECK(result.problems[1].path == "/pages/1/questions/0/type");
    CHECK_THAT(result.problems[1].message, Catch::Contains("unknown question type 'checkbox'"));
    CHECK(result.problems[2].path == "/retention/years");
}

TEST_CASE("a file that cannot be opened is a problem, not an exception") {
    const auto result = load_survey_file(fixture("no-such-file.json"));
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].path.empty());
    CHECK_THAT(result.problems[0].message, Catch::StartsWith("cannot open"));
}

TEST_CASE("a hostile, deeply nested file is refused without exhausting memory or stack") {
    constexpr std::size_t kDepth = 200'000;
    std::string text = "{\"id\": " + std::string(kDepth, '[') + std::string(kDepth, ']') +
                       ", \"x\": " + std::string(kDepth, '[') + "{\"k\": 1, \"k\": 2}" +
                       std::string(kDepth, ']') + "}";
    const auto result = safesurvey::defs::load_survey_json(text);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].path.size() > kDepth);  // the repeated key, at its full depth
    CHECK_THAT(result.problems[0].message, Catch::Contains("the key 'k' appears twice"));
}
