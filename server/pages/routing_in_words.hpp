// The survey's routing written as sentences for the paper copy, computed from
// the same conditions the online pages follow:
//   "Only answer this question if you answered ‘Parent or carer’ to question 1."
//   "If you answered ‘No’, go to question 9."
// Every question is numbered in survey order; follow-ups are not numbered.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/condition.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

// One question in paper order, with the condition under which it is asked
// (its page's and its own together), absent when it is always asked.
struct PaperQuestion {
    int number = 0;
    const defs::Page* page = nullptr;
    const defs::Question* question = nullptr;
    std::optional<defs::Condition> asked_if{};
};

class PaperRouting {
  public:
    PaperRouting(const defs::Survey& survey, std::string_view language);

    const std::vector<PaperQuestion>& questions() const { return questions_; }

    // "you answered ‘Yes’ to question 4", for a sentence the caller begins.
    std::string condition_in_words(const defs::Condition& condition) const;

    // "If you answered ‘No’, go to question 9." for each option of a
    // one-answer question (radios) after which the next question(s) would be
    // skipped; nothing for an option that leads to the next question.
    std::vector<std::string> skip_instructions(const PaperQuestion& question) const;

    // The instruction for one option, or "" when it leads to the next question.
    std::string skip_instruction(const PaperQuestion& question, const defs::Option& option) const;

  private:
    std::string question_reference(const std::string& question_id) const;
    std::string option_label(const std::string& question_id, const std::string& option_id) const;
    std::string values_in_words(const defs::Condition& condition) const;

    const defs::Survey& survey_;
    std::string language_;
    std::vector<PaperQuestion> questions_;
    std::map<std::string, int, std::less<>> numbers_;  // question id -> number
};

}  // namespace safesurvey::pages
