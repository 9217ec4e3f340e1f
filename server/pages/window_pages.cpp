#include "server/pages/window_pages.hpp"

#include "server/pages/content_blocks.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"

namespace safesurvey::pages {

namespace {

std::string for_area(const std::string& area_name) {
    return area_name.empty() ? "" : " for the " + area_name + " local area";
}

std::string render_window_page(const defs::Survey& survey, std::string_view language,
                               const std::string& heading, const Html& explanation) {
    Html content = govuk_h1(heading) + explanation;
    content += render_safeguarding_panel(survey.safeguarding, language);
    return render_layout({.heading = heading,
                          .service_name = survey.title.in(language),
                          .language = language,
                          .main = two_thirds_column(content)});
}

}  // namespace

std::string render_not_yet_open_page(const NotYetOpenView& view) {
    Html explanation =
        govuk_paragraph("This survey" + for_area(view.area_name) + " is not open yet.");
    if (!view.opens_text.empty()) {
        explanation += govuk_paragraph("It opens at " + view.opens_text +
                                       ". Come back then and use the same link.");
    } else {
        explanation += govuk_paragraph("Come back later and use the same link.");
    }
    return render_window_page(view.survey, view.language, "This survey is not open yet",
                              explanation);
}

std::string render_closed_page(const ClosedView& view) {
    const std::string closed_at = view.closed_text.empty() ? "" : " at " + view.closed_text;
    Html explanation;
    if (view.answers_refused) {
        explanation += govuk_paragraph(
            "We are sorry: this survey" + for_area(view.area_name) + " closed" + closed_at +
            ", before your answers reached us, so they were not sent and we could not keep them.");
        explanation += govuk_paragraph(
            "Thank you for taking the time to answer. What you wanted to tell us still matters: "
            "if it is about a child's safety, please use the helplines below.");
    } else {
        explanation +=
            govuk_paragraph("This survey" + for_area(view.area_name) + " closed" + closed_at + ".");
        explanation +=
            govuk_paragraph("Thank you for your interest. You can no longer send answers.");
    }
    const std::string heading =
        view.answers_refused ? "Your answers were not sent" : "This survey has closed";
    return render_window_page(view.survey, view.language, heading, explanation);
}

}  // namespace safesurvey::pages
