// The question pages: start, begin, a page shown and posted, check answers,
// and the paper copy.
#include <algorithm>

#include "server/access/london_time.hpp"
#include "server/http/error_page.hpp"
#include "server/http/form.hpp"
#include "server/journey/journey_impl.hpp"
#include "server/journey/page_input.hpp"
#include "server/journey/page_validation.hpp"
#include "server/pages/check_answers_page.hpp"
#include "server/pages/form_fields.hpp"
#include "server/pages/print_page.hpp"
#include "server/pages/question_page.hpp"
#include "server/pages/start_page.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::journey {
namespace {

// Where a respondent whose draft does not reach `page` should be sent: the
// first page still needing answers, or check answers ("" ) when none does.
std::string next_needed_page(const defs::Survey& survey, const defs::Answers& answers) {
    const defs::Page* incomplete = first_incomplete_page(survey, answers);
    return incomplete == nullptr ? std::string() : incomplete->id;
}

// 1-based position of `page` among the visible pages, and how many there are.
std::pair<int, int> progress(const defs::Survey& survey, const defs::Page& page,
                             const defs::Answers& answers) {
    const auto pages = defs::visible_pages(survey, answers);
    const auto at = std::find(pages.begin(), pages.end(), &page);
    const int step = at == pages.end() ? 1 : static_cast<int>(at - pages.begin()) + 1;
    return {step, std::max(step, static_cast<int>(pages.size()))};
}

std::string back_href(const Link& link, const defs::Page& page, const defs::Answers& answers,
                      const std::string& token, bool returning_to_check) {
    if (returning_to_check) return link.urls.check(token);
    const defs::Page* previous = defs::previous_page(*link.survey, page.id, answers);
    return previous == nullptr ? link.urls.start() : link.urls.question(previous->id, token);
}

// What the page shows after a failed Continue: the draft's other answers
// (they decide which questions are visible) with this page's as typed.
defs::Answers typed_over(const defs::Page& page, const defs::Answers& before,
                         const defs::Answers& typed) {
    defs::Answers merged = before;
    for (const auto& question : page.questions) {
        merged.erase(question.id);
        for (const auto& option : question.options) {
            if (option.follow_up) merged.erase(option.follow_up->id);
        }
    }
    for (const auto& [id, values] : typed) merged[id] = values;
    return merged;
}

std::string perspective_of(const defs::Survey& survey, const defs::Answers& answers) {
    if (survey.perspective_question.empty()) return {};
    const auto found = answers.find(survey.perspective_question);
    return found == answers.end() || found->second.empty() ? std::string() : found->second.front();
}

}  // namespace

http::Response RespondentJourney::start(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto closed = impl_->outside_window(link, false)) return std::move(*closed);
    pages::StartPageView view{
        *link.survey, link.distribution.token, link.distribution.area,
        "It closes at " + access::format_london_time_for_people(link.distribution.closes_at) + "."};
    return http::Response::html(200, pages::render_start_page(view));
}

http::Response RespondentJourney::begin(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto closed = impl_->outside_window(link, false)) return std::move(*closed);
    const Draft draft = new_draft();
    const defs::Page* first = defs::first_page(*link.survey, draft.answers);
    return impl_->redirect_to(link, draft, first == nullptr ? "" : first->id, false);
}

http::Response RespondentJourney::show_page(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto closed = impl_->outside_window(link, false)) return std::move(*closed);
    const auto token = request.query_value("d");
    if (!token) return http::Response::redirect_found(link.urls.start());
    auto opened = impl_->open_draft(link, *token);
    if (auto* response = std::get_if<http::Response>(&opened)) return std::move(*response);
    Draft& draft = std::get<Draft>(opened);
    const defs::Survey& survey = *link.survey;
    const defs::Page* page = survey.find_page(request.param("page"));
    if (page == nullptr || !defs::is_page_visible(survey, *page, draft.answers)) {
        return impl_->redirect_to(link, draft, next_needed_page(survey, draft.answers), false);
    }
    draft.current_page = page->id;
    const std::string sealed = impl_->seal(link, draft);
    const bool returning = request.query_value(pages::kReturnField) == pages::kReturnToCheck;
    const auto [step, total] = progress(survey, *page, draft.answers);
    pages::QuestionPageView view{survey,
                                 *page,
                                 defs::visible_questions(survey, *page, draft.answers),
                                 draft.answers,
                                 {},
                                 link.distribution.token,
                                 sealed,
                                 back_href(link, *page, draft.answers, sealed, returning),
                                 step,
                                 total,
                                 returning};
    return http::Response::html(200, pages::render_question_page(view));
}

http::Response RespondentJourney::post_page(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    const auto form = http::parse_form(request.body);
    if (!form) return http::error_page(400);
    auto opened = impl_->open_draft(link, form_value(*form, pages::kDraftField));
    if (auto* response = std::get_if<http::Response>(&opened)) return std::move(*response);
    if (auto closed = impl_->outside_window(link, true)) return std::move(*closed);
    Draft& draft = std::get<Draft>(opened);
    const defs::Survey& survey = *link.survey;
    const defs::Page* page = survey.find_page(request.param("page"));
    if (page == nullptr || !defs::is_page_visible(survey, *page, draft.answers)) {
        return impl_->redirect_to(link, draft, next_needed_page(survey, draft.answers), false);
    }
    draft.current_page = page->id;
    if (!form_value(*form, pages::kHoneypotField).empty()) draft.honeypot = true;
    const bool returning = form_value(*form, pages::kReturnField) == pages::kReturnToCheck;
    const defs::Answers typed = read_page_input(*page, *form);
    PageOutcome outcome = validate_page(survey, *page, typed, draft.answers);
    if (!outcome.ok()) {
        // Shown again with what was typed; the draft keeps its last good answers.
        const defs::Answers shown = typed_over(*page, draft.answers, typed);
        const std::string sealed = impl_->seal(link, draft);
        const auto [step, total] = progress(survey, *page, draft.answers);
        pages::QuestionPageView view{survey,
                                     *page,
                                     defs::visible_questions(survey, *page, shown),
                                     shown,
                                     std::move(outcome.errors),
                                     link.distribution.token,
                                     sealed,
                                     back_href(link, *page, draft.answers, sealed, returning),
                                     step,
                                     total,
                                     returning};
        return http::Response::html(200, pages::render_question_page(view));
    }
    const auto shown_before = defs::visible_pages(survey, draft.answers);
    draft.answers = std::move(outcome.answers);
    draft.perspective = perspective_of(survey, draft.answers);
    const defs::Page* next = defs::next_page(survey, page->id, draft.answers);
    if (returning) {
        // Back to check answers, unless the change revealed the next page
        // (answering "Yes" opens "tell us more") or left one incomplete.
        const bool revealed = next != nullptr && std::find(shown_before.begin(), shown_before.end(),
                                                           next) == shown_before.end();
        if (revealed) return impl_->redirect_to(link, draft, next->id, true);
        const std::string needed = next_needed_page(survey, draft.answers);
        return impl_->redirect_to(link, draft, needed, !needed.empty());
    }
    return impl_->redirect_to(link, draft, next == nullptr ? "" : next->id, false);
}

http::Response RespondentJourney::check_answers(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    if (auto closed = impl_->outside_window(link, false)) return std::move(*closed);
    const auto token = request.query_value("d");
    if (!token) return http::Response::redirect_found(link.urls.start());
    auto opened = impl_->open_draft(link, *token);
    if (auto* response = std::get_if<http::Response>(&opened)) return std::move(*response);
    const Draft& draft = std::get<Draft>(opened);
    const std::string needed = next_needed_page(*link.survey, draft.answers);
    if (!needed.empty()) return impl_->redirect_to(link, draft, needed, false);
    const std::string sealed = impl_->seal(link, draft);
    const auto visible = defs::visible_pages(*link.survey, draft.answers);
    pages::CheckAnswersView view{
        *link.survey, draft.answers, link.distribution.token, sealed,
        visible.empty() ? link.urls.start() : link.urls.question(visible.back()->id, sealed)};
    return http::Response::html(200, pages::render_check_answers_page(view));
}

http::Response RespondentJourney::print(const http::Request& request) const {
    if (auto limited = impl_->rate_limited(request, access::Budget::page_view, nullptr)) {
        return std::move(*limited);
    }
    auto resolved = impl_->resolve_link(request);
    if (auto* response = std::get_if<http::Response>(&resolved)) return std::move(*response);
    const Link& link = std::get<Link>(resolved);
    pages::PrintPageView view{*link.survey, link.distribution.token, link.distribution.area};
    return http::Response::html(200, pages::render_print_page(view));
}

}  // namespace safesurvey::journey
