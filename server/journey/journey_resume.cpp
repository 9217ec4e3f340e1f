// "Save and come back later": a resume code instead of an account. The saved
// draft waits in storage (sealed there under the survey's data key, found by
// a keyed hash of the code) until it is sent or 7 days pass.
#include <nlohmann/json.hpp>

#include "server/access/london_time.hpp"
#include "server/http/error_page.hpp"
#include "server/http/form.hpp"
#include "server/journey/journey_impl.hpp"
#include "server/journey/page_input.hpp"
#include "server/journey/page_validation.hpp"
#include "server/journey/resume_code.hpp"
#include "server/observability/json_log.hpp"
#include "server/pages/form_fields.hpp"
#include "server/pages/problem_pages.hpp"
#include "server/pages/resume_pages.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::journey {
namespace {

storage::Instant to_instant(std::chrono::system_clock::time_point t) {
    return std::chrono::floor<std::chrono::seconds>(t);
}

// "Sunday 30 November 2026" from "5:12pm on Sunday 30 November 2026".
std::string day_for_people(storage::Instant instant) {
    const std::string text = access::format_london_time_for_people(instant);
    const auto on = text.find(" on ");
    return on == std::string::npos ? text : text.substr(on + 4);
}

http::Response entry_page(int status, std::string typed, std::string error) {
    return http::Response::html(
        status, pages::render_resume_entry_page({std::move(typed), std::move(error)}));
}

// What storage keeps for a code: the link it belongs to and the sealed draft.
std::string saved_blob(const Link& link, const std::string& sealed_draft) {
    return nlohmann::json{{"link", link.distribution.token}, {"draft", sealed_draft}}.dump();
}

// The page a resumed draft continues on: where they were, if still shown.
std::string continue_page(const defs::Survey& survey, const Draft& draft) {
    const defs::Page* page = survey.find_page(draft.current_page);
    if (page != nullptr && defs::is_page_visible(survey, *page, draft.answers)) return page->id;
    const defs::Page* incomplete = first_incomplete_page(survey, draft.answers);
    return incomplete == nullptr ? std::string() : incomplete->id;
}

}  // namespace

http::Response RespondentJourney::save(const http::Request& request) const {
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto limited =
            impl_->rate_limited(request, access::Budget::submission, link.survey.get())) {
        return std::move(*limited);
    }
    const auto form = http::parse_form(request.body);
    if (!form) return http::error_page(400);
    const std::string token = form_value(*form, pages::kDraftField);
    auto opened = impl_->open_draft(link, token);
    if (auto* response = std::get_if<http::Response>(&opened)) return std::move(*response);
    if (auto closed = impl_->outside_window(link, true)) return std::move(*closed);
    Draft& draft = std::get<Draft>(opened);
    // The Save button posts the page's fields too: keep them when they are
    // acceptable. Anything not acceptable is left as it was before this page.
    if (const defs::Page* page = link.survey->find_page(draft.current_page)) {
        PageOutcome outcome =
            validate_page(*link.survey, *page, read_page_input(*page, *form), draft.answers);
        if (outcome.ok()) draft.answers = std::move(outcome.answers);
    }
    // Saving again keeps the same code, so a respondent has only one to keep.
    if (draft.resume_code.empty()) draft.resume_code = new_resume_code();
    const auto expires = impl_->now() + kResumeLifetime;
    const std::string sealed =
        impl_->sealer.seal(draft, resume_binding(link.distribution), expires);
    const storage::Status saved = impl_->deps.store.save_draft(
        draft.resume_code, link.survey->id, saved_blob(link, sealed), to_instant(expires));
    if (!saved) {
        observability::log_warn("journey_save_failed", {{"reason", saved.error().message}});
        pages::TryAgainLaterView view{link.survey.get(), link.urls.save(), token, {}};
        return http::Response::html(503, pages::render_try_again_later_page(view));
    }
    const std::string current = impl_->seal(link, draft);
    pages::ResumeCodeView view{
        *link.survey, display_resume_code(draft.resume_code), day_for_people(to_instant(expires)),
        draft.current_page.empty() ? link.urls.check(current)
                                   : link.urls.question(draft.current_page, current)};
    return http::Response::html(200, pages::render_resume_code_page(view));
}

http::Response RespondentJourney::resume_entry(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    return entry_page(200, {}, {});
}

http::Response RespondentJourney::resume(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::resume_attempt, nullptr)) {
        return std::move(*limited);
    }
    const auto form = http::parse_form(request.body);
    if (!form) return http::error_page(400);
    const std::string typed = form_value(*form, pages::kResumeCodeField);
    const auto code = normalise_resume_code(typed);
    if (!code) {
        return entry_page(200, typed,
                          typed.empty() ? "Enter your resume code"
                                        : "Enter the resume code exactly as it was shown, like "
                                          "7KQ2M-XW4PD: 10 letters and numbers");
    }
    auto taken = impl_->deps.store.take_draft(*code);
    if (!taken) {
        if (taken.error().kind == storage::ErrorKind::unavailable) {
            return http::Response::html(503, pages::render_try_again_later_page({}));
        }
        return entry_page(200, typed,
                          "We could not find answers saved with that code. Check the code and "
                          "try again. A code stops working once the answers are sent, or 7 days "
                          "after it was given");
    }
    const auto blob = nlohmann::json::parse(taken.value(), nullptr, false);
    if (!blob.is_object() || !blob.contains("link") || !blob["link"].is_string() ||
        !blob.contains("draft") || !blob["draft"].is_string()) {
        return entry_page(200, typed,
                          "The answers saved with that code cannot be read. Start the survey again "
                          "from its link");
    }
    http::Request at_link = request;
    at_link.params["token"] = blob["link"].get<std::string>();
    auto resolved = impl_->resolve_link(at_link);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto closed = impl_->outside_window(link, true)) return std::move(*closed);
    const std::string sealed = blob["draft"].get<std::string>();
    OpenedDraft opened =
        impl_->sealer.open(sealed, resume_binding(link.distribution), impl_->now());
    if (!opened.draft)
        return entry_page(200, typed,
                          "That code has expired. Start the survey again from its link");
    // Taking the draft deleted it; put it back so the code keeps working (on
    // another device, or after closing this tab) until the answers are sent.
    const auto expires =
        std::chrono::system_clock::time_point(std::chrono::seconds(opened.draft->expires_at));
    if (auto saved = impl_->deps.store.save_draft(*code, link.survey->id, taken.value(),
                                                  to_instant(expires));
        !saved) {
        observability::log_warn("journey_resave_failed", {{"reason", saved.error().message}});
    }
    return impl_->redirect_to(link, *opened.draft, continue_page(*link.survey, *opened.draft),
                              false);
}

}  // namespace safesurvey::journey
