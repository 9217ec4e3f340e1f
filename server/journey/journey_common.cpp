#include <string>

#include "server/access/london_time.hpp"
#include "server/http/form.hpp"
#include "server/journey/journey_impl.hpp"
#include "server/observability/json_log.hpp"
#include "server/pages/problem_pages.hpp"
#include "server/pages/window_pages.hpp"

namespace safesurvey::journey {
namespace {

storage::Instant to_instant(std::chrono::system_clock::time_point t) {
    return std::chrono::floor<std::chrono::seconds>(t);
}

}  // namespace

RespondentJourney::Impl::Impl(const JourneyDependencies& dependencies)
    : deps(dependencies),
      sealer(dependencies.draft_key),
      submissions(dependencies.metrics.counter("safesurvey_submissions_total",
                                               "Responses sent, by outcome")),
      triage_flags(dependencies.metrics.counter("safesurvey_triage_flags_total",
                                                "Responses the triage flagged, by severity")) {}

OrResponse<Link> RespondentJourney::Impl::resolve_link(const http::Request& request) const {
    const std::string token = request.param("token");
    auto found = deps.store.find_distribution_by_token(token);
    if (!found) {
        if (found.error().kind == storage::ErrorKind::unavailable) {
            observability::log_warn("journey_storage_unavailable", {{"during", "finding a link"}});
            return http::Response::html(503, pages::render_try_again_later_page({}));
        }
        return http::Response::html(404, pages::render_unknown_link_page());
    }
    auto survey = deps.surveys.find(found->survey_id);
    if (!survey) {
        // A link to a survey this server does not load: nothing to show, and
        // nothing to reveal to the person holding the link.
        observability::log_warn("journey_link_without_survey", {{"distribution", found->id}});
        return http::Response::html(404, pages::render_unknown_link_page());
    }
    return Link{std::move(found.value()), std::move(survey), pages::SurveyUrls(token)};
}

std::optional<http::Response> RespondentJourney::Impl::outside_window(const Link& link,
                                                                      bool refusing_answers) const {
    const auto& distribution = link.distribution;
    const storage::Instant at = to_instant(now());
    if (distribution.accepting_at(at)) return std::nullopt;
    if (!distribution.closed && at < distribution.opens_at) {
        pages::NotYetOpenView view{*link.survey, distribution.area,
                                   access::format_london_time_for_people(distribution.opens_at)};
        return http::Response::html(refusing_answers ? 403 : 200,
                                    pages::render_not_yet_open_page(view));
    }
    pages::ClosedView view{*link.survey, distribution.area, {}, refusing_answers};
    // A link closed by hand before its time shows no closing time: the time
    // it would have closed at was never reached.
    if (!distribution.closed || at >= distribution.closes_at) {
        view.closed_text = access::format_london_time_for_people(distribution.closes_at);
    }
    return http::Response::html(refusing_answers ? 403 : 200, pages::render_closed_page(view));
}

std::optional<http::Response> RespondentJourney::Impl::rate_limited(
    const http::Request& request, access::Budget budget, const defs::Survey* survey) const {
    if (deps.limiter.allow(request.client_key, budget, access::RateLimiter::Clock::now())) {
        return std::nullopt;
    }
    pages::TooManyRequestsView view;
    view.survey = survey;
    auto response = http::Response::html(429, pages::render_too_many_requests_page(view));
    response.headers.emplace_back("Retry-After", std::to_string(view.retry_after_minutes * 60));
    return response;
}

OrResponse<Draft> RespondentJourney::Impl::open_draft(const Link& link,
                                                      std::string_view token) const {
    OpenedDraft opened = sealer.open(token, link.distribution.id, now());
    if (opened.draft) return std::move(*opened.draft);
    pages::DraftProblemView view;
    view.reason = opened.refusal == DraftRefusal::expired
                      ? pages::DraftProblemView::Reason::expired
                      : pages::DraftProblemView::Reason::unreadable;
    view.survey = link.survey.get();
    view.link_token = link.distribution.token;
    return http::Response::html(400, pages::render_draft_problem_page(view));
}

std::string RespondentJourney::Impl::seal(const Link& link, const Draft& draft) const {
    return sealer.seal(draft, link.distribution.id, now() + kDraftLifetime);
}

http::Response RespondentJourney::Impl::redirect_to(const Link& link, const Draft& draft,
                                                    std::string_view page_id,
                                                    bool return_to_check) const {
    // The token names the page it leads to, so a Save from there (or a resume
    // code) continues on that page.
    Draft moved = draft;
    moved.current_page = std::string(page_id);
    const std::string token = seal(link, moved);
    if (page_id.empty()) return http::Response::redirect_see_other(link.urls.check(token));
    return http::Response::redirect_see_other(link.urls.question(page_id, token, return_to_check));
}

std::string resume_binding(const storage::Distribution& distribution) {
    return "resume\n" + distribution.id;
}

std::string form_value(const http::FormFields& form, std::string_view name) {
    const auto found = form.find(std::string(name));
    return found == form.end() ? std::string() : found->second;
}

}  // namespace safesurvey::journey
