#include "survey_defs/survey.hpp"

#include "survey_defs/question.hpp"
#include "survey_defs/retention.hpp"

namespace safesurvey::defs {

std::string_view to_string(QuestionType type) {
    switch (type) {
        case QuestionType::single_choice:
            return "single_choice";
        case QuestionType::multiple_choice:
            return "multiple_choice";
        case QuestionType::short_text:
            return "short_text";
        case QuestionType::long_text:
            return "long_text";
        case QuestionType::number:
            return "number";
        case QuestionType::date:
            return "date";
        case QuestionType::scale:
            return "scale";
        case QuestionType::yes_no:
            return "yes_no";
    }
    return "unknown";
}

std::string_view to_string(RetentionRule::Start start) {
    switch (start) {
        case RetentionRule::Start::national_report_published:
            return "national_report_published";
        case RetentionRule::Start::response_submitted:
            return "response_submitted";
    }
    return "unknown";
}

const Page* Survey::find_page(std::string_view page_id) const {
    for (const auto& page : pages) {
        if (page.id == page_id) return &page;
    }
    return nullptr;
}

const Question* Survey::find_question(std::string_view question_id) const {
    const Page* page = page_of(question_id);
    return page == nullptr ? nullptr : page->find_question(question_id);
}

const Page* Survey::page_of(std::string_view question_id) const {
    for (const auto& page : pages) {
        if (page.find_question(question_id) != nullptr) return &page;
    }
    return nullptr;
}

std::vector<std::string> Survey::triage_answer_ids() const {
    std::vector<std::string> ids;
    for (const auto& page : pages) {
        for (const auto& question : page.questions) {
            if (question.triage) ids.push_back(question.id);
            for (const auto& option : question.options) {
                if (option.follow_up && option.follow_up->triage)
                    ids.push_back(option.follow_up->id);
            }
        }
    }
    return ids;
}

}  // namespace safesurvey::defs
