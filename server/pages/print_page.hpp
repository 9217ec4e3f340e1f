// The paper copy (/s/{token}/print) for respondents who need one: the start
// page text and helplines, every question numbered with tick boxes or lines
// to write on, and the routing written in words computed from the conditions
// ("If you answered No, go to question 9"). print.css is applied.
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct PrintPageView {
    const defs::Survey& survey;
    std::string link_token{};
    std::string area_name{};  // "" to leave out
    std::string_view language = "en";
};

std::string render_print_page(const PrintPageView& view);

}  // namespace safesurvey::pages
