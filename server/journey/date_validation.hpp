// A date question's answer: three numbers typed into day, month and year
// boxes (the GOV.UK date input), accepted only when they make a real calendar
// date inside the question's range, then stored as "YYYY-MM-DD".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/pages/field_error.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/question.hpp"

namespace safesurvey::journey {

// Checks the typed parts "{id}-day", "{id}-month", "{id}-year". An error about
// one missing part names that part's field, so the summary links to it.
void validate_date(const defs::Question& question, const defs::Answers& typed,
                   defs::Answers& accepted, std::vector<pages::FieldError>& errors);

// "2025-03-14" -> "14 March 2025"; the text unchanged when it is not ISO.
std::string date_for_people(std::string_view iso);

}  // namespace safesurvey::journey
