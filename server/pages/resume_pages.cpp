#include "server/pages/resume_pages.hpp"

#include "server/pages/form_fields.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

constexpr std::string_view kEntryHeading = "Enter your resume code";

Html code_warning() {
    return Html::literal(
        "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
        "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\">"
        "<span class=\"govuk-visually-hidden\">Warning</span>Anyone who has this code can see "
        "your answers so far. Keep it private.</strong></div>");
}

}  // namespace

std::string render_resume_code_page(const ResumeCodeView& view) {
    constexpr std::string_view kHeading = "Your answers have been saved";
    Html content = govuk_h1(kHeading);
    content += govuk_paragraph("Your resume code is:");
    content += Element("p").attr("class", "govuk-body app-resume-code").text(view.code);
    content += govuk_paragraph(
        "Write this code down now or keep it somewhere safe. We will only show it once and "
        "we cannot send it to you.");
    content += code_warning();
    content += govuk_h2("Coming back later");
    if (!view.expires_text.empty()) {
        content += govuk_paragraph("You can use the code until " + view.expires_text +
                                   ". After that your saved answers are deleted.");
    }
    content += Element("p")
                   .attr("class", "govuk-body")
                   .text("To carry on, on this device or another, go to ")
                   .child(govuk_link("continue with a resume code", resume_url()))
                   .text(" or use the link on the survey's start page, and enter the code.");
    content += govuk_paragraph(
        "When you send your answers, the saved copy is deleted and the code stops working.");
    if (!view.continue_href.empty()) {
        content += govuk_link_button("Continue the survey now", view.continue_href, false);
    }
    return render_layout({.heading = kHeading,
                          .service_name = view.survey.title.in(view.language),
                          .language = view.language,
                          .main = two_thirds_column(content)});
}

std::string render_resume_entry_page(const ResumeEntryView& view) {
    const bool has_error = !view.error_message.empty();
    const std::string id(kResumeCodeField);
    Html content;
    if (has_error) content += govuk_error_summary({{"#" + id, view.error_message}});

    Html group = govuk_label(id, Html::text(kEntryHeading), HeadingSize::l, true);
    group += govuk_hint(id + "-hint",
                        "This is the code you were shown when you chose \u2018Save and come back "
                        "later\u2019. Codes last for 7 days.");
    if (has_error) group += govuk_error_message(id + "-error", view.error_message);
    group += Element("input")
                 .attr("class", has_error ? "govuk-input govuk-input--width-20 govuk-input--error"
                                          : "govuk-input govuk-input--width-20")
                 .attr("id", id)
                 .attr("name", id)
                 .attr("type", "text")
                 .attr("spellcheck", "false")
                 .attr("autocapitalize", "characters")
                 .attr("autocomplete", "off")
                 .attr("aria-describedby", has_error ? id + "-hint " + id + "-error" : id + "-hint")
                 .attr("value", view.code);

    content += Element("form")
                   .attr("method", "post")
                   .url("action", resume_url())
                   .flag("novalidate")
                   .child(govuk_form_group(has_error, group))
                   .child(govuk_button("Continue"));
    return render_layout({.heading = kEntryHeading,
                          .service_name = kServiceName,
                          .has_errors = has_error,
                          .main = two_thirds_column(content)});
}

}  // namespace safesurvey::pages
