// An answer written out for a person to read back: option labels rather than
// ids, "please specify" text under its option, dates as "5 March 2024",
// numbers with their suffix, long text keeping its line breaks.
#pragma once

#include <string>
#include <string_view>

#include "server/pages/html.hpp"
#include "survey_defs/answers.hpp"
#include "survey_defs/question.hpp"

namespace safesurvey::pages {

// "Not answered" when the question has no answer.
Html render_answer(const defs::Question& question, const defs::Answers& answers,
                   std::string_view language);

// "2024-03-05" -> "5 March 2024"; anything else is returned unchanged.
std::string date_in_words(std::string_view iso_date);

}  // namespace safesurvey::pages
