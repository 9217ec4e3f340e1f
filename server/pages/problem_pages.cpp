#include "server/pages/problem_pages.hpp"

#include "server/pages/content_blocks.hpp"
#include "server/pages/form_fields.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

std::string service_name_of(const defs::Survey* survey, std::string_view language) {
    return survey == nullptr ? std::string(kServiceName) : survey->title.in(language);
}

std::string render_problem_page(const defs::Survey* survey, std::string_view language,
                                std::string_view heading, const Html& explanation) {
    Html content = govuk_h1(heading) + explanation;
    // Whatever went wrong, someone who came to tell us about a child can
    // still get help today.
    if (survey != nullptr) content += render_safeguarding_panel(survey->safeguarding, language);
    const std::string name = service_name_of(survey, language);
    return render_layout({.heading = heading,
                          .service_name = name,
                          .language = language,
                          .main = two_thirds_column(content)});
}

}  // namespace

std::string render_unknown_link_page() {
    // Says nothing about which links exist: the same words for a mistyped
    // link, a withdrawn one and one that never was.
    const Html explanation =
        govuk_paragraph("If you typed the web address, check it is correct.") +
        govuk_paragraph("If you pasted the web address, check you copied the entire address.") +
        govuk_paragraph(
            "If you were sent a link to a survey, ask the organisation that sent it for the "
            "link again.");
    return render_problem_page(nullptr, "en", "Page not found", explanation);
}

std::string render_draft_problem_page(const DraftProblemView& view) {
    const bool expired = view.reason == DraftProblemView::Reason::expired;
    Html explanation;
    if (expired) {
        explanation += govuk_paragraph(
            "To keep your answers private, we only hold them for a limited time unless you send "
            "them or save them with a resume code. That time has passed, so your answers were "
            "not kept.");
    } else {
        explanation += govuk_paragraph(
            "We could not read the answers from the page you came from. This can happen if the "
            "web address was changed or only part of it was copied. Your answers were not kept.");
    }
    explanation += govuk_paragraph("We are sorry for the trouble. You can start the survey again.");
    if (!view.link_token.empty()) {
        explanation += govuk_link_button("Start again", SurveyUrls(view.link_token).start(), false);
    }
    const std::string_view heading =
        expired ? "Your answers have timed out" : "Sorry, we could not continue your survey";
    return render_problem_page(view.survey, view.language, heading, explanation);
}

std::string render_try_again_later_page(const TryAgainLaterView& view) {
    Html explanation = govuk_paragraph(
        "We could not store your answers just now. Nothing is lost: your answers have not been "
        "sent yet and you can send them again.");
    explanation += govuk_paragraph("Try again in a few minutes.");
    if (!view.retry_action.empty()) {
        explanation += Element("form")
                           .attr("method", "post")
                           .url("action", view.retry_action)
                           .flag("novalidate")
                           .child(Element("input")
                                      .attr("type", "hidden")
                                      .attr("name", kDraftField)
                                      .attr("value", view.draft))
                           .child(govuk_button("Try again"));
    }
    if (!view.back_href.empty()) {
        explanation += Element("p")
                           .attr("class", "govuk-body")
                           .child(govuk_link("Go back to your answers", view.back_href));
    }
    return render_problem_page(view.survey, view.language,
                               "Sorry, there is a problem with the service", explanation);
}

std::string render_too_many_requests_page(const TooManyRequestsView& view) {
    const int minutes = view.retry_after_minutes > 0 ? view.retry_after_minutes : 1;
    const Html explanation =
        govuk_paragraph("We have had too many requests from your connection in a short time.") +
        govuk_paragraph("Wait " + std::to_string(minutes) +
                        (minutes == 1 ? " minute" : " minutes") +
                        ", then go back and try again. If you were part way through the survey, "
                        "your browser's Back button returns you to the page you were on.");
    return render_problem_page(view.survey, view.language, "Sorry, too many requests", explanation);
}

}  // namespace safesurvey::pages
