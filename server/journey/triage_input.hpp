// Which answers the safeguarding triage reads: the free text of questions
// and follow-ups the survey marks for triage, and every chosen option (the
// triage's closed-answer rules decide which of those matter). Text the survey
// does not mark is never shown to the triage.
#pragma once

#include <vector>

#include "survey_defs/answers.hpp"
#include "survey_defs/survey.hpp"
#include "triage/assessment.hpp"

namespace safesurvey::journey {

// `answers` must already be the visible answers (hidden ones dropped).
std::vector<triage::Answer> triage_input(const defs::Survey& survey, const defs::Answers& answers);

}  // namespace safesurvey::journey
