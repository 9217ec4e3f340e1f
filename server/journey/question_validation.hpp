// The server-side rules for one question's answer, from the definition alone:
// required answers, option values that exist, an exclusive "none of these"
// on its own, "please specify" text when its option is chosen, text length,
// whole numbers in range, real calendar dates in range.
//
// Messages follow the GOV.UK error message pattern: they say what to do
// ("Select…", "Enter…", "… must be 500 characters or fewer"), name the
// question, and never blame the respondent.
#pragma once

#include <vector>

#include "server/pages/field_error.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/question.hpp"

namespace safesurvey::journey {

// Checks `question`'s typed answer (see page_input.hpp) and its follow-ups.
// Accepted values go into `accepted` in stored form (dates as "YYYY-MM-DD");
// problems are appended to `errors`, in the order the fields appear.
void validate_question(const defs::Question& question, const defs::Answers& typed,
                       defs::Answers& accepted, std::vector<pages::FieldError>& errors);

// The number of characters a person sees in `text` (Unicode code points of
// valid UTF-8), which is what the character count on the page counts.
std::size_t character_count(std::string_view text);

}  // namespace safesurvey::journey
