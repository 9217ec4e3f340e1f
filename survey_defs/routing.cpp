#include "survey_defs/routing.hpp"

#include <algorithm>

namespace safesurvey::defs {
namespace {

const std::vector<std::string>* answer_of(const Answers& answers, std::string_view id) {
    const auto found = answers.find(id);
    if (found == answers.end() || found->second.empty()) return nullptr;
    return &found->second;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool holds(const std::optional<Condition>& condition, const Answers& answers) {
    return !condition || evaluate(*condition, answers);
}

// Keeps the answers to `question` (and to its follow-ups) that a respondent
// could have given with the route as it stands.
void keep_question_answers(const Question& question, const Answers& answers, Answers& kept) {
    const auto* values = answer_of(answers, question.id);
    if (values == nullptr) return;
    kept[question.id] = *values;
    for (const auto& option : question.options) {
        if (!option.follow_up || !contains(*values, option.id)) continue;
        if (const auto* text = answer_of(answers, option.follow_up->id)) {
            kept[option.follow_up->id] = *text;
        }
    }
}

std::ptrdiff_t index_of(const Survey& survey, std::string_view page_id) {
    const auto found = std::find_if(survey.pages.begin(), survey.pages.end(),
                                    [&](const Page& page) { return page.id == page_id; });
    return found == survey.pages.end() ? -1 : found - survey.pages.begin();
}

}  // namespace

bool evaluate(const Condition& condition, const Answers& answers) {
    switch (condition.kind) {
        case Condition::Kind::equals:
        case Condition::Kind::any_of: {
            const auto* values = answer_of(answers, condition.question);
            if (values == nullptr) return false;
            return std::any_of(
                condition.values.begin(), condition.values.end(),
                [&](const std::string& wanted) { return contains(*values, wanted); });
        }
        case Condition::Kind::answered:
            return answer_of(answers, condition.question) != nullptr;
        case Condition::Kind::all:
            return std::all_of(
                condition.operands.begin(), condition.operands.end(),
                [&](const Condition& operand) { return evaluate(operand, answers); });
        case Condition::Kind::any:
            return std::any_of(
                condition.operands.begin(), condition.operands.end(),
                [&](const Condition& operand) { return evaluate(operand, answers); });
        case Condition::Kind::negation:
            return condition.operands.size() == 1 && !evaluate(condition.operands.front(), answers);
    }
    return false;
}

// One pass in survey order is enough: conditions only refer to questions on
// earlier pages, so by the time a condition is evaluated every answer it can
// read has already been kept or dropped.
Answers visible_answers(const Survey& survey, const Answers& answers) {
    Answers kept;
    for (const auto& page : survey.pages) {
        if (!holds(page.show_if, kept)) continue;
        for (const auto& question : page.questions) {
            if (holds(question.show_if, kept)) keep_question_answers(question, answers, kept);
        }
    }
    return kept;
}

bool is_page_visible(const Survey& survey, const Page& page, const Answers& answers) {
    return holds(page.show_if, visible_answers(survey, answers));
}

bool is_question_visible(const Survey& survey, const Question& question, const Answers& answers) {
    const Page* page = survey.page_of(question.id);
    if (page == nullptr) return false;
    const Answers kept = visible_answers(survey, answers);
    return holds(page->show_if, kept) && holds(question.show_if, kept);
}

bool is_follow_up_visible(const Survey& survey, const Question& question, const Option& option,
                          const Answers& answers) {
    if (!option.follow_up || !is_question_visible(survey, question, answers)) return false;
    const auto* values = answer_of(answers, question.id);
    return values != nullptr && contains(*values, option.id);
}

std::vector<const Page*> visible_pages(const Survey& survey, const Answers& answers) {
    const Answers kept = visible_answers(survey, answers);
    std::vector<const Page*> pages;
    for (const auto& page : survey.pages) {
        if (holds(page.show_if, kept)) pages.push_back(&page);
    }
    return pages;
}

std::vector<const Question*> visible_questions(const Survey& survey, const Page& page,
                                               const Answers& answers) {
    const Answers kept = visible_answers(survey, answers);
    std::vector<const Question*> questions;
    if (!holds(page.show_if, kept)) return questions;
    for (const auto& question : page.questions) {
        if (holds(question.show_if, kept)) questions.push_back(&question);
    }
    return questions;
}

const Page* first_page(const Survey& survey, const Answers& answers) {
    const auto pages = visible_pages(survey, answers);
    return pages.empty() ? nullptr : pages.front();
}

const Page* next_page(const Survey& survey, std::string_view page_id, const Answers& answers) {
    const auto index = index_of(survey, page_id);
    if (index < 0) return nullptr;
    const Answers kept = visible_answers(survey, answers);
    for (auto i = static_cast<std::size_t>(index) + 1; i < survey.pages.size(); ++i) {
        if (holds(survey.pages[i].show_if, kept)) return &survey.pages[i];
    }
    return nullptr;
}

const Page* previous_page(const Survey& survey, std::string_view page_id, const Answers& answers) {
    const auto index = index_of(survey, page_id);
    if (index < 0) return nullptr;
    const Answers kept = visible_answers(survey, answers);
    for (auto i = static_cast<std::size_t>(index); i-- > 0;) {
        if (holds(survey.pages[i].show_if, kept)) return &survey.pages[i];
    }
    return nullptr;
}

}  // namespace safesurvey::defs
