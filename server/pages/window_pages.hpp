// Pages for a link outside its live window: not open yet, or closed. Both
// give the helplines, because a respondent who came to tell us about a child
// may need them today whatever the survey's dates.
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct NotYetOpenView {
    const defs::Survey& survey;
    std::string area_name{};  // "" to leave out
    // "9am on Monday 3 March 2025", Europe/London wording made by the caller.
    std::string opens_text{};
    std::string_view language = "en";
};

struct ClosedView {
    const defs::Survey& survey;
    std::string area_name{};    // "" to leave out
    std::string closed_text{};  // "5pm on Friday 14 March 2025"; "" to leave out
    // The respondent pressed Send (or Continue) after the survey closed: say
    // kindly that their answers were not sent.
    bool answers_refused = false;
    std::string_view language = "en";
};

std::string render_not_yet_open_page(const NotYetOpenView& view);
std::string render_closed_page(const ClosedView& view);

}  // namespace safesurvey::pages
