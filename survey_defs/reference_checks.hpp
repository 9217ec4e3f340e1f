// Checks that need the whole survey: ids used twice, conditions naming
// questions or options that do not exist or come later, and the perspective
// question.
#pragma once

#include <vector>

#include "survey_defs/problem.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::defs {

// Appends a problem for each duplicate id and each bad reference.
void check_ids_and_references(const Survey& survey, std::vector<Problem>& problems);

}  // namespace safesurvey::defs
