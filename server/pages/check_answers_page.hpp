// "Check your answers before sending" (/s/{token}/check): a summary list per
// visible page, each answered or unanswered visible question with its answer
// in words (option labels, "please specify" text, dates as "5 March 2024")
// and a Change link back to its page with return=check; then the Send button
// (POST /s/{token}/submit with the draft).
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/answers.hpp"
#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct CheckAnswersView {
    const defs::Survey& survey;
    // The draft's answers. Which pages and questions are listed is decided
    // with survey_defs/routing.hpp from these answers.
    const defs::Answers& answers;
    std::string link_token{};
    std::string draft{};
    std::string back_href{};  // usually the last visible question page
    std::string_view language = "en";
};

std::string render_check_answers_page(const CheckAnswersView& view);

}  // namespace safesurvey::pages
