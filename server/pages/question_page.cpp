#include "server/pages/question_page.hpp"

#include "server/pages/form_fields.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/question_fields.hpp"
#include "server/pages/survey_urls.hpp"

namespace safesurvey::pages {

namespace {

// GOV.UK's one-question-per-page pattern: the question is the page heading
// when the page has nothing else to say.
bool question_is_heading(const QuestionPageView& view) {
    return view.questions.size() == 1 && view.page.title.empty() && view.page.paragraphs.empty();
}

std::string heading_text(const QuestionPageView& view) {
    if (question_is_heading(view)) return view.questions.front()->title.in(view.language);
    if (!view.page.title.empty()) return view.page.title.in(view.language);
    if (!view.page.section.empty()) return view.page.section.in(view.language);
    return view.survey.title.in(view.language);
}

std::string progress_caption(const QuestionPageView& view) {
    std::string caption =
        "Step " + std::to_string(view.step) + " of " + std::to_string(view.total_steps);
    if (view.page.section.empty()) return caption;
    return view.page.section.in(view.language) + " \u2013 " + caption;
}

Html error_summary(const QuestionPageView& view) {
    std::vector<ErrorSummaryItem> items;
    items.reserve(view.errors.size());
    for (const auto& error : view.errors) {
        items.push_back({"#" + error_target_id(view.page, error), error.message});
    }
    return govuk_error_summary(items);
}

// Hidden from people by app.css (display: none, so also from screen readers
// and the tab order); a bot filling every field fills this one too.
Html honeypot() {
    return Element("div")
        .attr("class", "app-honeypot")
        .child(Html::literal("<label for=\"website\">Leave this field empty</label>"))
        .child(Element("input")
                   .attr("id", kHoneypotField)
                   .attr("name", kHoneypotField)
                   .attr("type", "text")
                   .attr("tabindex", "-1")
                   .attr("autocomplete", "off"));
}

Html form_fields(const QuestionPageView& view) {
    Html fields =
        Element("input").attr("type", "hidden").attr("name", kDraftField).attr("value", view.draft);
    if (view.returning_to_check) {
        fields += Element("input")
                      .attr("type", "hidden")
                      .attr("name", kReturnField)
                      .attr("value", kReturnToCheck);
    }
    fields += honeypot();
    const bool is_heading = question_is_heading(view);
    for (const auto* question : view.questions) {
        fields += render_question_field({.question = *question,
                                         .values = view.values,
                                         .errors = view.errors,
                                         .language = view.language,
                                         .is_page_heading = is_heading});
    }
    return fields;
}

Html buttons(const SurveyUrls& urls) {
    return Element("div")
        .attr("class", "govuk-button-group")
        .child(govuk_button("Continue"))
        .child(govuk_button("Save and come back later", "govuk-button--secondary", urls.save()));
}

}  // namespace

std::string render_question_page(const QuestionPageView& view) {
    const SurveyUrls urls(view.link_token);
    const std::string heading = heading_text(view);

    Html content;
    if (!view.errors.empty()) content += error_summary(view);
    content += Element("span").attr("class", "govuk-caption-l").text(progress_caption(view));
    if (!question_is_heading(view)) {
        content += govuk_h1(heading);
        for (const auto& paragraph : view.page.paragraphs) {
            content += govuk_paragraph(paragraph.in(view.language));
        }
    }
    content += Element("form")
                   .attr("method", "post")
                   .url("action", urls.question_action(view.page.id))
                   .flag("novalidate")
                   .child(form_fields(view))
                   .child(buttons(urls));

    return render_layout(
        {.heading = heading,
         .service_name = view.survey.title.in(view.language),
         .has_errors = !view.errors.empty(),
         .language = view.language,
         .before_content = view.back_href.empty() ? Html() : govuk_back_link(view.back_href),
         .main = two_thirds_column(content)});
}

}  // namespace safesurvey::pages
