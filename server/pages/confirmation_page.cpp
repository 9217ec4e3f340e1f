#include "server/pages/confirmation_page.hpp"

#include "server/pages/content_blocks.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

Html confirmation_panel(const std::string& title, const std::string& receipt) {
    Element body("div");
    body.attr("class", "govuk-panel__body").text("Your reference number");
    if (!receipt.empty()) {
        body.child(Html::literal("<br>")).child(Element("strong").text(receipt));
    }
    return Element("div")
        .attr("class", "govuk-panel govuk-panel--confirmation")
        .child(Element("h1").attr("class", "govuk-panel__title").text(title))
        .child(body);
}

// Shown after a high or urgent triage flag, worded for anyone: it must not
// tell the respondent (or someone reading over their shoulder) that an
// answer was flagged.
Html urgent_help(const defs::Survey& survey, std::string_view language) {
    Html html = govuk_h2("If you are worried about a child");
    html += render_danger_now_warning();
    if (!survey.safeguarding.helplines.empty()) {
        html += govuk_paragraph("You can also talk to someone now:");
        html += render_helplines(survey.safeguarding.helplines, language);
    }
    return html;
}

// A respondent may be both a parent and a professional: offer each other
// perspective the survey asks about.
Html take_again(const ConfirmationView& view, const SurveyUrls& urls) {
    const defs::Question* perspective = view.survey.find_question(view.survey.perspective_question);
    if (perspective == nullptr) return {};
    Element list("ul");
    list.attr("class", "govuk-list");
    bool any = false;
    for (const auto& option : perspective->options) {
        if (option.id == view.answered_perspective) continue;
        list.child(Element("li").child(govuk_link(
            "Take the survey again as: " + option.label.in(view.language), urls.begin())));
        any = true;
    }
    if (!any) return {};
    return govuk_h2("Answering from another point of view") +
           govuk_paragraph(
               "If you also know about this from another point of view, you can take the survey "
               "again and answer from that point of view.") +
           Html(list);
}

}  // namespace

std::string render_confirmation_page(const ConfirmationView& view) {
    const defs::Survey& survey = view.survey;
    const SurveyUrls urls(view.link_token);
    const std::string title = survey.confirmation.title.empty()
                                  ? std::string("Thank you, your answers have been sent")
                                  : survey.confirmation.title.in(view.language);

    Html content = confirmation_panel(title, view.receipt);
    if (view.urgent_help) content += urgent_help(survey, view.language);
    bool panel_placed = false;
    content += render_content_blocks(survey.confirmation.content, survey.safeguarding,
                                     view.language, panel_placed);
    if (!panel_placed) content += render_safeguarding_panel(survey.safeguarding, view.language);
    content += take_again(view, urls);

    return render_layout({.heading = title,
                          .service_name = survey.title.in(view.language),
                          .language = view.language,
                          .main = two_thirds_column(content)});
}

}  // namespace safesurvey::pages
