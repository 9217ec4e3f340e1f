// The confirmation after a response is durable (/s/{token}/done): the green
// panel with the receipt, the definition's confirmation text, the
// safeguarding information again, and an offer to take the survey again as
// each other perspective (parent, professional, young person).
//
// When the triage flagged the response high or urgent the page also says,
// without saying why, what to do if a child is in danger now (call 999) and
// lists the helplines: a respondent must never learn what was flagged.
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct ConfirmationView {
    const defs::Survey& survey;
    std::string link_token{};
    std::string receipt{};  // shown so a respondent can quote it; reveals nothing
    // The option id answered to the survey's perspective question; the other
    // options are offered. "" offers every perspective.
    std::string answered_perspective{};
    bool urgent_help = false;
    std::string_view language = "en";
};

std::string render_confirmation_page(const ConfirmationView& view);

}  // namespace safesurvey::pages
