#include "server/pages/start_page.hpp"

#include "server/pages/content_blocks.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

std::string time_to_complete(const defs::EstimatedMinutes& minutes) {
    if (minutes.min <= 0) return "";
    if (minutes.max > minutes.min) {
        return "It takes about " + std::to_string(minutes.min) + " to " +
               std::to_string(minutes.max) + " minutes.";
    }
    return "It takes about " + std::to_string(minutes.min) + " minutes.";
}

// The ways to take part other than starting now: finish a saved survey, or
// ask for it on paper.
Html other_ways(const SurveyUrls& urls) {
    Html html = govuk_h2("Other ways to take part");
    html += Element("p")
                .attr("class", "govuk-body")
                .text("If you saved your answers before, ")
                .child(govuk_link("continue with a resume code", resume_url()))
                .text(".");
    html += Element("p")
                .attr("class", "govuk-body")
                .text("If you would rather answer on paper, ")
                .child(govuk_link("print a paper copy of the survey", urls.print()))
                .text(".");
    return html;
}

Html privacy_notice() {
    return govuk_h2("Your privacy") +
           govuk_paragraph(
               "You do not need to give your name. We do not store your IP address or use "
               "tracking cookies, and nothing you type is kept until you send your answers.") +
           govuk_paragraph(
               "If what you tell us makes us worried that a child may be at risk of harm, a "
               "member of staff will read it. We cannot contact you, so if you need help, use "
               "the helplines on this page.");
}

}  // namespace

std::string render_start_page(const StartPageView& view) {
    const defs::Survey& survey = view.survey;
    const SurveyUrls urls(view.link_token);
    const std::string& title = survey.start_page.title.empty()
                                   ? survey.title.in(view.language)
                                   : survey.start_page.title.in(view.language);

    Html content = govuk_h1(title, /*extra_large=*/true);
    if (!view.area_name.empty()) {
        content += govuk_paragraph("This survey is for the " + view.area_name + " local area.",
                                   "govuk-body-l");
    }
    const std::string timing = time_to_complete(survey.estimated_minutes);
    if (!timing.empty() || !view.closes_text.empty()) {
        content += govuk_paragraph(
            timing + (timing.empty() || view.closes_text.empty() ? "" : " ") + view.closes_text);
    }
    bool panel_placed = false;
    content += render_content_blocks(survey.start_page.content, survey.safeguarding, view.language,
                                     panel_placed);
    if (!panel_placed) content += render_safeguarding_panel(survey.safeguarding, view.language);
    const std::string button = survey.start_page.start_button.empty()
                                   ? std::string("Start now")
                                   : survey.start_page.start_button.in(view.language);
    content += govuk_link_button(button, urls.begin(), /*is_start_button=*/true);
    content += other_ways(urls);
    content += privacy_notice();

    return render_layout({.heading = title,
                          .service_name = survey.title.in(view.language),
                          .language = view.language,
                          .main = two_thirds_column(content)});
}

}  // namespace safesurvey::pages
