// The surveys we ship must load, be reachable, and keep the promises their
// start pages make (the helplines, the deletion rule, the time it takes).
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "survey_defs/loader.hpp"
#include "survey_defs/routing.hpp"

namespace {

using namespace safesurvey::defs;

std::shared_ptr<const Survey> load_real(const std::string& name) {
    const auto result =
        load_survey_file(std::string(SAFESURVEY_SOURCE_DIR) + "/survey_defs/" + name);
    for (const auto& problem : result.problems)
        UNSCOPED_INFO(problem.path << ": " << problem.message);
    REQUIRE(result.ok());
    return result.survey;
}

std::size_t questions_seen(const Survey& survey, const Answers& answers) {
    std::size_t count = 0;
    for (const Page* page : visible_pages(survey, answers)) {
        count += visible_questions(survey, *page, answers).size();
    }
    return count;
}

bool has_helpline(const Survey& survey, const std::string& name, const std::string& phone) {
    for (const auto& helpline : survey.safeguarding.helplines) {
        if (helpline.name.text() == name && helpline.phone == phone) return true;
    }
    return false;
}

std::string start_page_text(const Survey& survey) {
    std::string text;
    for (const auto& block : survey.start_page.content) {
        text += block.text.text() + "\n";
        for (const auto& item : block.items) text += item.text() + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("the not-in-school survey keeps the start page's promises") {
    const auto survey = load_real("send-not-in-school-2025.json");
    CHECK(survey->id == "send-not-in-school-2025");
    CHECK(survey->estimated_minutes.min == 5);
    CHECK(survey->estimated_minutes.max == 10);
    CHECK(survey->retention.starts == RetentionRule::Start::national_report_published);
    CHECK(survey->retention.years == 3);
    CHECK(has_helpline(*survey, "Childline", "0800 1111"));
    CHECK(has_helpline(*survey, "NSPCC", "0808 800 5000"));
    const std::string text = start_page_text(*survey);
    CHECK_THAT(text, Catch::Contains("Ofsted will delete the information 3 years after the final "
                                     "national report is published"));
    CHECK_THAT(text, Catch::Contains("flexi-schooled"));
    CHECK_THAT(text, Catch::Contains("5 to 10 minutes"));
    CHECK_THAT(text, !Catch::Contains("SmartSurvey"));
}

TEST_CASE("each perspective of the not-in-school survey is 12 to 18 questions long") {
    const auto survey = load_real("send-not-in-school-2025.json");
    REQUIRE(survey->perspective_question == "perspective");
    for (const char* perspective : {"parent_carer", "professional"}) {
        INFO(perspective);
        // Everything a respondent could be shown: the conditional pages opened too.
        const Answers everything{{"perspective", {perspective}},
                                 {"child_situation", {"elective_home_education"}},
                                 {"situations_professional", {"elective_home_education"}},
                                 {"worried_now", {"yes"}}};
        const std::size_t most = questions_seen(*survey, everything);
        const std::size_t least = questions_seen(*survey, {{"perspective", {perspective}}});
        CHECK(least >= 12);
        CHECK(most <= 18);
        CHECK(most > least);
    }
}

TEST_CASE("the not-in-school survey asks about safety and lets the triage read free text") {
    const auto survey = load_real("send-not-in-school-2025.json");
    const auto ids = survey->triage_answer_ids();
    const std::set<std::string> triaged(ids.begin(), ids.end());
    CHECK(triaged.contains("worried_now"));
    CHECK(triaged.contains("anything_else"));
    CHECK(triaged.contains("child_situation_other"));
    for (const auto& page : survey->pages) {
        for (const auto& question : page.questions) {
            INFO(question.id);
            if (question.type == QuestionType::long_text) CHECK(question.triage);
        }
    }
    REQUIRE(survey->pages.back().questions.size() == 1);
    CHECK(survey->pages.back().questions[0].title.text() ==
          "Is there anything else you want to tell us?");
}

TEST_CASE("the easy-read survey loads and offers help when a young person feels unsafe") {
    const auto survey = load_real("send-young-people-easy-read.json");
    CHECK(has_helpline(*survey, "Childline", "0800 1111"));
    const Question* feel_safe = survey->find_question("feel_safe");
    REQUIRE(feel_safe != nullptr);
    CHECK(feel_safe->triage);
    const Page* follow = next_page(*survey, "feel-safe", {{"feel_safe", {"no"}}});
    REQUIRE(follow != nullptr);
    CHECK(follow->id == "safe-more");
    const Page* skip = next_page(*survey, "feel-safe", {{"feel_safe", {"yes"}}});
    REQUIRE(skip != nullptr);
    CHECK(skip->id == "make-better");
}
