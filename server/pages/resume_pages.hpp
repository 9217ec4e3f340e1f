// "Save and come back later" without an account: the code page, shown once
// after POST /s/{token}/save, and the page where a code is typed (/resume),
// on this device or another.
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

struct ResumeCodeView {
    const defs::Survey& survey;
    std::string code{};          // shown once, large, grouped for reading aloud
    std::string expires_text{};  // "Sunday 30 November 2026" (Europe/London)
    // "Continue now" goes here (the page they were on, with the draft); "" to leave out.
    std::string continue_href{};
    std::string_view language = "en";
};

std::string render_resume_code_page(const ResumeCodeView& view);

struct ResumeEntryView {
    std::string code{};           // what was typed, shown back after an error
    std::string error_message{};  // "" when there is no error
};

std::string render_resume_entry_page(const ResumeEntryView& view);

}  // namespace safesurvey::pages
