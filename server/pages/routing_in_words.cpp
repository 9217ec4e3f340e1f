#include "server/pages/routing_in_words.hpp"

#include <algorithm>
#include <set>

#include "survey_defs/routing.hpp"

namespace safesurvey::pages {

namespace {

std::optional<defs::Condition> both(const std::optional<defs::Condition>& page_condition,
                                    const std::optional<defs::Condition>& own_condition) {
    if (!page_condition) return own_condition;
    if (!own_condition) return page_condition;
    defs::Condition all;
    all.kind = defs::Condition::Kind::all;
    all.operands = {*page_condition, *own_condition};
    return all;
}

void collect_questions(const defs::Condition& condition, std::set<std::string>& ids) {
    if (!condition.question.empty()) ids.insert(condition.question);
    for (const auto& operand : condition.operands) collect_questions(operand, ids);
}

std::string quoted(std::string_view text) {
    return "\u2018" + std::string(text) + "\u2019";
}

bool is_one_answer(defs::QuestionType type) {
    return type == defs::QuestionType::single_choice || type == defs::QuestionType::scale ||
           type == defs::QuestionType::yes_no;
}

}  // namespace

PaperRouting::PaperRouting(const defs::Survey& survey, std::string_view language)
    : survey_(survey), language_(language) {
    int number = 0;
    for (const auto& page : survey.pages) {
        for (const auto& question : page.questions) {
            questions_.push_back(
                {++number, &page, &question, both(page.show_if, question.show_if)});
            numbers_[question.id] = number;
        }
    }
}

std::string PaperRouting::question_reference(const std::string& question_id) const {
    const auto found = numbers_.find(question_id);
    return found == numbers_.end() ? "an earlier question"
                                   : "question " + std::to_string(found->second);
}

std::string PaperRouting::option_label(const std::string& question_id,
                                       const std::string& option_id) const {
    const defs::Question* question = survey_.find_question(question_id);
    const defs::Option* option = question ? question->find_option(option_id) : nullptr;
    return quoted(option ? option->label.in(language_) : option_id);
}

std::string PaperRouting::values_in_words(const defs::Condition& condition) const {
    std::string words;
    for (std::size_t i = 0; i < condition.values.size(); ++i) {
        if (i > 0) words += i + 1 == condition.values.size() ? " or " : ", ";
        words += option_label(condition.question, condition.values[i]);
    }
    return words;
}

std::string PaperRouting::condition_in_words(const defs::Condition& condition) const {
    using Kind = defs::Condition::Kind;
    switch (condition.kind) {
        case Kind::equals:
        case Kind::any_of:
            return "you answered " + values_in_words(condition) + " to " +
                   question_reference(condition.question);
        case Kind::answered:
            return "you answered " + question_reference(condition.question);
        case Kind::all:
        case Kind::any: {
            std::string words;
            for (const auto& operand : condition.operands) {
                if (!words.empty()) words += condition.kind == Kind::all ? " and " : " or ";
                words += condition_in_words(operand);
            }
            return words;
        }
        case Kind::negation: {
            if (condition.operands.empty()) return "";
            const defs::Condition& inner = condition.operands.front();
            if (inner.kind == Kind::equals || inner.kind == Kind::any_of) {
                return "you did not answer " + values_in_words(inner) + " to " +
                       question_reference(inner.question);
            }
            if (inner.kind == Kind::answered) {
                return "you did not answer " + question_reference(inner.question);
            }
            return "it is not true that " + condition_in_words(inner);
        }
    }
    return "";
}

std::string PaperRouting::skip_instruction(const PaperQuestion& question,
                                           const defs::Option& option) const {
    const defs::Answers answer = {{question.question->id, {option.id}}};
    const auto position = static_cast<std::size_t>(question.number);  // index of the next one
    // Questions this answer rules out stay unanswered, so a later condition
    // that reads only them and this question can be decided exactly.
    std::set<std::string> decided = {question.question->id};
    std::size_t target = position;
    // Skip the questions this answer rules out; stop at the first one it does
    // not (always asked, asked because of it, or depending on other answers,
    // which carries its own "Only answer..." sentence).
    while (target < questions_.size()) {
        const auto& condition = questions_[target].asked_if;
        if (!condition) break;
        std::set<std::string> ids;
        collect_questions(*condition, ids);
        const bool decidable =
            std::includes(decided.begin(), decided.end(), ids.begin(), ids.end());
        if (!decidable || defs::evaluate(*condition, answer)) break;
        decided.insert(questions_[target].question->id);
        ++target;
    }
    if (target == position) return "";
    const std::string label = quoted(option.label.in(language_));
    if (target == questions_.size()) {
        return "If you answered " + label + ", you have finished: go to the end of the survey.";
    }
    return "If you answered " + label + ", go to question " +
           std::to_string(questions_[target].number) + ".";
}

std::vector<std::string> PaperRouting::skip_instructions(const PaperQuestion& question) const {
    std::vector<std::string> sentences;
    if (!is_one_answer(question.question->type)) return sentences;
    for (const auto& option : question.question->options) {
        std::string sentence = skip_instruction(question, option);
        if (!sentence.empty()) sentences.push_back(std::move(sentence));
    }
    return sentences;
}

}  // namespace safesurvey::pages
