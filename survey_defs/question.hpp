// A question on a page, and the options a respondent chooses from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/condition.hpp"
#include "survey_defs/localised_text.hpp"

namespace safesurvey::defs {

enum class QuestionType {
    single_choice,    // radios; "type": "single_choice"
    multiple_choice,  // checkboxes, may have one exclusive "none of these"; "multiple_choice"
    short_text,       // one line; "short_text"
    long_text,        // textarea with a character limit; "long_text"
    number,           // whole number with an optional range; "number"
    date,             // day, month, year with an optional range; "date"
    scale,            // agreement (Likert) scale, rendered as radios; "scale"
    yes_no,           // radios Yes / No, option ids "yes" and "no"; "yes_no"
};

// The JSON name of a type ("single_choice", ...).
std::string_view to_string(QuestionType type);

// "Other, please specify": choosing the option reveals a text input whose
// answer is stored under its own id, like any other question's.
struct FollowUp {
    std::string id;
    LocalisedText label;
    std::size_t max_length = 0;
    bool triage = false;  // the safeguarding triage reads this text
};

struct Option {
    std::string id;  // the stored value
    LocalisedText label;
    LocalisedText hint;
    bool exclusive = false;  // "None of these": unticks every other checkbox
    std::optional<FollowUp> follow_up;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::short_text;
    LocalisedText title;  // the question itself, shown as its label or legend
    LocalisedText hint;
    bool required = false;
    // The safeguarding triage reads this question's answer at submission.
    bool triage = false;
    std::optional<Condition> show_if;  // absent: shown whenever its page is

    // single_choice, multiple_choice, scale, yes_no (the loader fills in the
    // standard options for yes_no and for a scale without its own).
    std::vector<Option> options;
    // short_text, long_text (always set by the loader: a default when absent).
    std::size_t max_length = 0;
    // number
    std::optional<std::int64_t> min;
    std::optional<std::int64_t> max;
    LocalisedText suffix;  // e.g. "hours a week", shown after a number input
    // date, ISO 8601 "YYYY-MM-DD", inclusive
    std::optional<std::string> earliest;
    std::optional<std::string> latest;

    bool has_options() const { return !options.empty(); }
    bool is_free_text() const {
        return type == QuestionType::short_text || type == QuestionType::long_text;
    }
    const Option* find_option(std::string_view option_id) const {
        for (const auto& option : options) {
            if (option.id == option_id) return &option;
        }
        return nullptr;
    }
};

}  // namespace safesurvey::defs
