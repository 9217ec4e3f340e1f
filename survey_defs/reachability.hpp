// Finds pages and questions that no respondent can ever see: a condition that
// needs an option nobody can choose together with another, or that depends
// on a question which is itself hidden whenever the condition would hold.
//
// It tries every combination of answers that could matter (each option a
// condition mentions, "some other option", and no answer) and asks the real
// routing whether the page would show. So it reports only what is certainly
// unreachable; a combination too large to try (over 65,536) is assumed
// reachable.
#pragma once

#include <vector>

#include "survey_defs/problem.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::defs {

// Appends a problem at the show_if of each page or question nobody can reach.
// Run it only on a survey whose references are sound (reference_checks.hpp).
void check_reachability(const Survey& survey, std::vector<Problem>& problems);

}  // namespace safesurvey::defs
