// Internals shared by the files that implement RespondentJourney's handlers
// (journey_*.cpp): resolving a link token to its distribution and survey,
// the live-window and rate-limit checks, opening and sealing drafts. Not for
// use outside server/journey/.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "server/http/form.hpp"
#include "server/journey/draft.hpp"
#include "server/journey/draft_sealer.hpp"
#include "server/journey/respondent_journey.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::journey {

// A value, or the page to answer with instead (404, 429, closed, ...).
template <typename T>
using OrResponse = std::variant<T, http::Response>;

// A link token resolved: the local area's distribution and its survey.
struct Link {
    storage::Distribution distribution;
    std::shared_ptr<const defs::Survey> survey;
    pages::SurveyUrls urls;
};

// How long a draft token lives without the respondent loading a page; every
// page renews it.
inline constexpr std::chrono::hours kDraftLifetime{24};
// How long a saved draft waits for its resume code.
inline constexpr std::chrono::hours kResumeLifetime{24 * 7};

class RespondentJourney::Impl {
  public:
    explicit Impl(const JourneyDependencies& dependencies);

    std::chrono::system_clock::time_point now() const { return deps.store.clock().now(); }

    // 404 (unknown or unusable token) or 503 (storage cannot be read).
    OrResponse<Link> resolve_link(const http::Request& request) const;
    // The not-yet-open or closed page when `link` is outside its window.
    // `refusing_answers` says kindly that what they sent was not accepted.
    std::optional<http::Response> outside_window(const Link& link, bool refusing_answers) const;
    // The 429 page when the client's budget is spent.
    std::optional<http::Response> rate_limited(const http::Request& request, access::Budget budget,
                                               const defs::Survey* survey) const;

    // The draft in `token`, or the friendly expired/unreadable page.
    OrResponse<Draft> open_draft(const Link& link, std::string_view token) const;
    // A fresh token for `draft`, valid for kDraftLifetime from now.
    std::string seal(const Link& link, const Draft& draft) const;

    // 303 to a question page, or to check answers when `page_id` is empty.
    http::Response redirect_to(const Link& link, const Draft& draft, std::string_view page_id,
                               bool return_to_check) const;

    JourneyDependencies deps;
    DraftSealer sealer;
    observability::Counter& submissions;
    observability::Counter& triage_flags;
};

// The binding of a draft that waits, sealed, for its resume code: a token from
// a URL can never be passed off as one from storage, nor the other way round.
std::string resume_binding(const storage::Distribution& distribution);

// First element of a form field, or "".
std::string form_value(const http::FormFields& form, std::string_view name);

}  // namespace safesurvey::journey
