// One page of questions: the unit a respondent submits with "Continue".
// GOV.UK guidance prefers one question per page; a page may hold several
// when they belong together (a choice and its explanation).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/condition.hpp"
#include "survey_defs/localised_text.hpp"
#include "survey_defs/question.hpp"

namespace safesurvey::defs {

struct Page {
    std::string id;         // appears in the page's URL
    LocalisedText section;  // caption above the heading, e.g. "Health services"; may be empty
    LocalisedText title;    // page heading; empty: the single question's title is the heading
    std::vector<LocalisedText> paragraphs;  // shown under the heading, before the questions
    std::optional<Condition> show_if;       // absent: always shown
    std::vector<Question> questions;

    const Question* find_question(std::string_view question_id) const {
        for (const auto& question : questions) {
            if (question.id == question_id) return &question;
        }
        return nullptr;
    }
};

}  // namespace safesurvey::defs
