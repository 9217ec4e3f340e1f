// Pages for things that went wrong, each saying what to do next:
//   - an unknown link (404): reveals nothing, not even whether a survey exists;
//   - a draft that has expired or cannot be read (tampered, or sealed with a
//     retired key): start again, nothing was stored;
//   - storage unavailable (503): try again shortly, the answers are still
//     here (a "Try again" button re-posts the draft);
//   - too many requests (429): wait a few minutes.
#pragma once

#include <string>
#include <string_view>

#include "survey_defs/survey.hpp"

namespace safesurvey::pages {

std::string render_unknown_link_page();

struct DraftProblemView {
    enum class Reason { expired, unreadable };
    Reason reason = Reason::unreadable;
    const defs::Survey* survey = nullptr;  // null when not known
    std::string link_token{};              // "" when not known: no "start again" link
    std::string_view language = "en";
};

std::string render_draft_problem_page(const DraftProblemView& view);

struct TryAgainLaterView {
    const defs::Survey* survey = nullptr;  // null when not known
    // Where "Try again" posts the draft (e.g. SurveyUrls::submit()); "" shows
    // no button.
    std::string retry_action{};
    std::string draft{};
    // A link back to the answers (e.g. SurveyUrls::check(draft)); "" to leave out.
    std::string back_href{};
    std::string_view language = "en";
};

std::string render_try_again_later_page(const TryAgainLaterView& view);

struct TooManyRequestsView {
    const defs::Survey* survey = nullptr;  // null when not known
    int retry_after_minutes = 5;
    std::string_view language = "en";
};

std::string render_too_many_requests_page(const TooManyRequestsView& view);

}  // namespace safesurvey::pages
