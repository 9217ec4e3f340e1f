#include "server/pages/check_answers_page.hpp"

#include "server/pages/answer_text.hpp"
#include "server/pages/form_fields.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/survey_urls.hpp"
#include "survey_defs/routing.hpp"

namespace safesurvey::pages {

namespace {

constexpr std::string_view kHeading = "Check your answers before sending them";

// One summary-list row: the question, the answer in words, and a Change link
// whose hidden text names the question for screen reader users.
Html answer_row(const defs::Question& question, const defs::Page& page,
                const CheckAnswersView& view, const SurveyUrls& urls) {
    const Html change =
        Element("a")
            .attr("class", "govuk-link")
            .url("href", urls.question(page.id, view.draft, /*return_to_check=*/true))
            .text("Change")
            .child(Element("span")
                       .attr("class", "govuk-visually-hidden")
                       .text(" " + question.title.in(view.language)));
    return Element("div")
        .attr("class", "govuk-summary-list__row")
        .child(Element("dt")
                   .attr("class", "govuk-summary-list__key")
                   .text(question.title.in(view.language)))
        .child(Element("dd")
                   .attr("class", "govuk-summary-list__value")
                   .child(render_answer(question, view.answers, view.language)))
        .child(Element("dd").attr("class", "govuk-summary-list__actions").child(change));
}

Html summary_list(const CheckAnswersView& view, const SurveyUrls& urls) {
    Element list("dl");
    list.attr("class", "govuk-summary-list");
    for (const auto* page : defs::visible_pages(view.survey, view.answers)) {
        for (const auto* question : defs::visible_questions(view.survey, *page, view.answers)) {
            list.child(answer_row(*question, *page, view, urls));
        }
    }
    return list;
}

Html send_form(const CheckAnswersView& view, const SurveyUrls& urls) {
    return Element("form")
        .attr("method", "post")
        .url("action", urls.submit())
        .flag("novalidate")
        .child(Element("input")
                   .attr("type", "hidden")
                   .attr("name", kDraftField)
                   .attr("value", view.draft))
        .child(Element("div")
                   .attr("class", "govuk-button-group")
                   .child(govuk_button("Send answers"))
                   .child(govuk_button("Save and come back later", "govuk-button--secondary",
                                       urls.save())));
}

}  // namespace

std::string render_check_answers_page(const CheckAnswersView& view) {
    const SurveyUrls urls(view.link_token);
    Html content = govuk_h1(kHeading);
    content += summary_list(view, urls);
    content += govuk_h2("Now send your answers");
    content += govuk_paragraph(
        "When you send your answers they are stored securely without your name or anything "
        "that identifies your device. You will not be able to change them afterwards.");
    content += send_form(view, urls);

    return render_layout(
        {.heading = kHeading,
         .service_name = view.survey.title.in(view.language),
         .language = view.language,
         .before_content = view.back_href.empty() ? Html() : govuk_back_link(view.back_href),
         .main = two_thirds_column(content)});
}

}  // namespace safesurvey::pages
