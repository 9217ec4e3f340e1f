// Routing decides what a respondent sees next; these tests walk the real
// survey as a parent and as a professional, and check the condition forms.
#include "survey_defs/routing.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "survey_defs/loader.hpp"

namespace {

using namespace safesurvey::defs;

const Survey& real_survey() {
    static const auto survey = [] {
        auto result = load_survey_file(std::string(SAFESURVEY_SOURCE_DIR) +
                                       "/survey_defs/send-not-in-school-2025.json");
        if (!result.ok()) throw std::runtime_error("send-not-in-school-2025.json does not load");
        return result.survey;
    }();
    return *survey;
}

std::vector<std::string> page_ids(const std::vector<const Page*>& pages) {
    std::vector<std::string> ids;
    for (const Page* page : pages) ids.push_back(page->id);
    return ids;
}

Condition equals(std::string question, std::string value) {
    return Condition{Condition::Kind::equals, std::move(question), {std::move(value)}, {}};
}

}  // namespace

TEST_CASE("conditions: equals, any_of, answered, all, any, not") {
    const Answers answers{
        {"perspective", {"parent_carer"}}, {"situation", {"part_time", "flexi"}}, {"empty", {}}};
    CHECK(evaluate(equals("perspective", "parent_carer"), answers));
    CHECK_FALSE(evaluate(equals("perspective", "professional"), answers));
    CHECK(evaluate(equals("situation", "flexi"), answers));  // any ticked box counts
    CHECK(evaluate(Condition{Condition::Kind::any_of, "situation", {"ehe", "part_time"}, {}},
                   answers));
    CHECK_FALSE(
        evaluate(Condition{Condition::Kind::any_of, "situation", {"ehe", "eotas"}, {}}, answers));
    CHECK(evaluate(Condition{Condition::Kind::answered, "situation", {}, {}}, answers));
    CHECK_FALSE(evaluate(Condition{Condition::Kind::answered, "empty", {}, {}}, answers));
    CHECK_FALSE(evaluate(Condition{Condition::Kind::answered, "missing", {}, {}}, answers));

    const Condition parent = equals("perspective", "parent_carer");
    const Condition flexi = equals("situation", "flexi");
    const Condition ehe = equals("situation", "ehe");
    CHECK(evaluate(Condition{Condition::Kind::all, "", {}, {parent, flexi}}, answers));
    CHECK_FALSE(evaluate(Condition{Condition::Kind::all, "", {}, {parent, ehe}}, answers));
    CHECK(evaluate(Condition{Condition::Kind::any, "", {}, {ehe, flexi}}, answers));
    CHECK_FALSE(evaluate(Condition{Condition::Kind::any, "", {}, {ehe}}, answers));
    CHECK(evaluate(Condition{Condition::Kind::negation, "", {}, {ehe}}, answers));
    CHECK_FALSE(evaluate(Condition{Condition::Kind::negation, "", {}, {parent}}, answers));
}

TEST_CASE("a parent and a professional see different pages") {
    const Survey& survey = real_survey();
    const auto parent = page_ids(visible_pages(survey, {{"perspective", {"parent_carer"}}}));
    const auto professional = page_ids(visible_pages(survey, {{"perspective", {"professional"}}}));
    CHECK(parent == std::vector<std::string>{"perspective", "child-situation", "about-child",
                                             "reasons-parent", "information-parent",
                                             "health-parent", "support-parent", "safety-now",
                                             "anything-else"});
    CHECK(professional ==
          std::vector<std::string>{"perspective", "role", "information-professional",
                                   "health-professional", "oversight-professional",
                                   "education-professional", "protection-professional",
                                   "safety-now", "anything-else"});
    // Before choosing, only the pages everyone sees.
    CHECK(page_ids(visible_pages(survey, {})) ==
          std::vector<std::string>{"perspective", "safety-now", "anything-else"});
}

TEST_CASE("next and previous skip the pages a respondent does not see") {
    const Survey& survey = real_survey();
    Answers answers{{"perspective", {"professional"}}};
    REQUIRE(first_page(survey, answers) != nullptr);
    CHECK(first_page(survey, answers)->id == "perspective");
    CHECK(next_page(survey, "perspective", answers)->id == "role");
    CHECK(next_page(survey, "oversight-professional", answers)->id == "education-professional");
    CHECK(previous_page(survey, "role", answers)->id == "perspective");
    CHECK(previous_page(survey, "safety-now", answers)->id == "protection-professional");
    CHECK(previous_page(survey, "perspective", answers) == nullptr);
    CHECK(next_page(survey, "anything-else", answers) == nullptr);
    CHECK(next_page(survey, "no-such-page", answers) == nullptr);

    answers["situations_professional"] = {"elective_home_education", "flexi_schooled"};
    CHECK(next_page(survey, "oversight-professional", answers)->id ==
          "home-education-professional");
    answers["worried_now"] = {"yes"};
    CHECK(next_page(survey, "safety-now", answers)->id == "safety-tell-us");
    CHECK(previous_page(survey, "anything-else", answers)->id == "safety-tell-us");
}

TEST_CASE("changing perspective drops the answers the new route does not ask") {
    const Survey& survey = real_survey();
    const Answers answers{{"perspective", {"professional"}},
                          {"child_situation", {"elective_home_education", "other"}},
                          {"child_situation_other", {"Tutored at a library"}},
                          {"ehe_support_parent", {"no"}},
                          {"role", {"health"}},
                          {"anything_else", {"Thank you"}},
                          {"not_a_question", {"x"}}};
    const Answers kept = visible_answers(survey, answers);
    CHECK(kept == Answers{{"perspective", {"professional"}},
                          {"role", {"health"}},
                          {"anything_else", {"Thank you"}}});
}

TEST_CASE("a 'please specify' answer goes when its option is unticked") {
    const Survey& survey = real_survey();
    Answers answers{{"perspective", {"parent_carer"}},
                    {"child_situation", {"part_time_timetable", "other"}},
                    {"child_situation_other", {"Tutored at a library"}}};
    const Question* situation = survey.find_question("child_situation");
    REQUIRE(situation != nullptr);
    const Option* other = situation->find_option("other");
    REQUIRE(other != nullptr);
    CHECK(is_follow_up_visible(survey, *situation, *other, answers));
    CHECK(visible_answers(survey, answers).contains("child_situation_other"));

    answers["child_situation"] = {"part_time_timetable"};
    CHECK_FALSE(is_follow_up_visible(survey, *situation, *other, answers));
    CHECK_FALSE(visible_answers(survey, answers).contains("child_situation_other"));
}

TEST_CASE("hiding cascades: a page that depends on a hidden answer is hidden too") {
    const Survey& survey = real_survey();
    Answers answers{{"perspective", {"parent_carer"}}, {"child_situation", {"not_registered"}}};
    const Page* home_education = survey.find_page("home-education-parent");
    REQUIRE(home_education != nullptr);
    CHECK(is_page_visible(survey, *home_education, answers));
    const Question* ehe = survey.find_question("ehe_support_parent");
    REQUIRE(ehe != nullptr);
    CHECK(is_question_visible(survey, *ehe, answers));

    // child_situation is only asked of parents, so a professional's stale
    // answer to it must not open the parents' home-education page.
    answers["perspective"] = {"professional"};
    CHECK_FALSE(is_page_visible(survey, *home_education, answers));
    CHECK_FALSE(is_question_visible(survey, *ehe, answers));
    CHECK(visible_questions(survey, *home_education, answers).empty());
}
