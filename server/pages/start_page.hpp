// The first page a respondent sees at /s/{token}: the definition's start-page
// content (author text escaped, links only with allowed schemes), the
// safeguarding panel where the definition places it (or after the content
// when it does not), "Start now", and links to the paper copy and to
// "Continue with a resume code".
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct StartPageView {
    const defs::Survey& survey;
    std::string link_token{};
    std::string area_name{};  // "Leeds"; "" to leave the area out
    // "It closes at 5pm on Friday 14 March 2025." (Europe/London wording made
    // by the caller); "" to say nothing about the closing time.
    std::string closes_text{};
    std::string_view language = "en";
};

std::string render_start_page(const StartPageView& view);

}  // namespace safesurvey::pages
