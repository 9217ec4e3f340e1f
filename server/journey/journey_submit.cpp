// Sending the answers: validated, triaged, stored durably in one step, and
// only then the confirmation.
#include <nlohmann/json.hpp>

#include "server/http/error_page.hpp"
#include "server/http/form.hpp"
#include "server/journey/journey_impl.hpp"
#include "server/journey/page_validation.hpp"
#include "server/journey/receipt_reference.hpp"
#include "server/journey/triage_input.hpp"
#include "server/observability/json_log.hpp"
#include "server/pages/confirmation_page.hpp"
#include "server/pages/form_fields.hpp"
#include "server/pages/problem_pages.hpp"
#include "server/pages/window_pages.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::journey {
namespace {

// The confirmation URL carries what its page shows, sealed: the receipt, the
// perspective answered, and whether to show the urgent help. A respondent can
// neither read the triage's decision from the URL nor forge one.
constexpr std::chrono::hours kReceiptLifetime{24};

std::string receipt_binding(const storage::Distribution& distribution) {
    return "receipt\n" + distribution.id;
}

nlohmann::json answers_json(const defs::Answers& answers) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [id, values] : answers) out[id] = values;
    return out;
}

}  // namespace

http::Response RespondentJourney::submit(const http::Request& request) const {
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
    // A draft started before closing and sent after it is refused, kindly.
    if (auto closed = impl_->outside_window(link, true)) return std::move(*closed);
    const Draft& draft = std::get<Draft>(opened);
    const defs::Survey& survey = *link.survey;
    const defs::Answers answers = defs::visible_answers(survey, draft.answers);
    if (const defs::Page* incomplete = first_incomplete_page(survey, answers)) {
        return impl_->redirect_to(link, draft, incomplete->id, false);
    }
    const triage::Assessment assessment = impl_->deps.triage.assess(triage_input(survey, answers));
    const bool urgent_help = assessment.severity >= triage::Severity::high;

    std::string response_id;
    if (draft.honeypot) {
        // A script filled in the hidden field: it sees the usual confirmation,
        // nothing is stored, and the count says so.
        impl_->submissions.inc({{"outcome", "honeypot"}});
        response_id = draft.submission_key;
    } else {
        storage::Submission submission;
        submission.submission_key = draft.submission_key;
        submission.survey_id = survey.id;
        submission.distribution_id = link.distribution.id;
        submission.perspective = draft.perspective;
        submission.definition_version = survey.version;
        submission.answers_json = answers_json(answers).dump();
        submission.triage_json = assessment.to_json().dump();
        submission.triage_severity = std::string(triage::to_string(assessment.severity));
        submission.review_status = assessment.flag() ? "needs_review" : "not_needed";
        const storage::SubmitOutcome outcome =
            impl_->deps.store.submit(std::move(submission)).get();
        if (outcome.status == storage::SubmitStatus::unavailable) {
            impl_->submissions.inc({{"outcome", "unavailable"}});
            observability::log_warn("journey_submit_unavailable", {{"reason", outcome.message}});
            pages::TryAgainLaterView view{&survey, link.urls.submit(), token,
                                          link.urls.check(token)};
            return http::Response::html(503, pages::render_try_again_later_page(view));
        }
        if (outcome.status == storage::SubmitStatus::rejected) {
            impl_->submissions.inc({{"outcome", "rejected"}});
            observability::log_warn("journey_submit_rejected", {{"reason", outcome.message}});
            pages::ClosedView view{survey, link.distribution.area, {}, true};
            return http::Response::html(403, pages::render_closed_page(view));
        }
        const bool first_time = outcome.status == storage::SubmitStatus::stored;
        impl_->submissions.inc({{"outcome", first_time ? "stored" : "already_stored"}});
        if (first_time && assessment.flag()) {
            impl_->triage_flags.inc(
                {{"severity", std::string(triage::to_string(assessment.severity))}});
        }
        response_id = outcome.response_id;
        // The saved copy is no longer needed; a failure here only leaves it to
        // the 7-day expiry.
        if (!draft.resume_code.empty()) (void)impl_->deps.store.take_draft(draft.resume_code);
    }
    const nlohmann::json receipt = {
        {"ref", receipt_reference(response_id)}, {"p", draft.perspective}, {"u", urgent_help}};
    const std::string sealed = impl_->sealer.seal_json(receipt, receipt_binding(link.distribution),
                                                       impl_->now() + kReceiptLifetime);
    return http::Response::redirect_see_other(link.urls.done(sealed));
}

http::Response RespondentJourney::done(const http::Request& request) const {
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    const auto token = request.query_value("r");
    const OpenedText opened = impl_->sealer.open_json(
        token.value_or(""), receipt_binding(link.distribution), impl_->now());
    if (!opened.text) {
        // Not a receipt we made (or a day old): say nothing about any response.
        return http::Response::html(404, pages::render_unknown_link_page());
    }
    const auto receipt = nlohmann::json::parse(*opened.text, nullptr, false);
    pages::ConfirmationView view{*link.survey, link.distribution.token,
                                 receipt.value("ref", std::string()),
                                 receipt.value("p", std::string()), receipt.value("u", false)};
    return http::Response::html(200, pages::render_confirmation_page(view));
}

}  // namespace safesurvey::journey
