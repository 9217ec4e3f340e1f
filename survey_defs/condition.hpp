// When a page or question is shown, written as data rather than as an
// expression language: a definition author cannot write code, and the loader
// can check every question and option a condition names.
//
//   {"question": "perspective", "equals": "parent"}
//   {"question": "situation", "any_of": ["part_time", "ehe"]}
//   {"answered": "age_band"}
//   {"all": [...]}   {"any": [...]}   {"not": {...}}
//
// "equals" and "any_of" test the values of an answer: for a single-choice
// question that is the chosen option, for checkboxes any ticked option counts.
#pragma once

#include <string>
#include <vector>

namespace safesurvey::defs {

struct Condition {
    enum class Kind { equals, any_of, answered, all, any, negation };

    Kind kind = Kind::answered;
    std::string question;             // equals, any_of, answered
    std::vector<std::string> values;  // equals (exactly one), any_of (one or more)
    std::vector<Condition> operands;  // all, any (one or more), negation (exactly one)
};

}  // namespace safesurvey::defs
