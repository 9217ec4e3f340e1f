// Short text, number and long text (character count), after govuk-frontend's
// input, textarea and character-count templates.
#include "server/pages/govuk_parts.hpp"
#include "server/pages/question_fields.hpp"

namespace safesurvey::pages {

namespace {

struct FieldIds {
    std::string hint;
    std::string error;
};

FieldIds field_ids(const QuestionFieldView& view, const FieldError* error) {
    const auto& id = view.question.id;
    return {view.question.hint.empty() ? "" : id + "-hint", error ? id + "-error" : ""};
}

// Label (the page heading when the question is the page), hint, error.
Html label_hint_error(const QuestionFieldView& view, const FieldIds& ids, const FieldError* error,
                      const Html& label_text) {
    Html parts =
        govuk_label(view.question.id, label_text,
                    view.is_page_heading ? HeadingSize::l : HeadingSize::m, view.is_page_heading);
    if (!ids.hint.empty()) parts += govuk_hint(ids.hint, view.question.hint.in(view.language));
    if (error) parts += govuk_error_message(ids.error, error->message);
    return parts;
}

}  // namespace

Html render_text_field(const QuestionFieldView& view) {
    const defs::Question& question = view.question;
    const bool is_number = question.type == defs::QuestionType::number;
    const FieldError* error = find_error(view.errors, question.id);
    const FieldIds ids = field_ids(view, error);
    const std::string suffix = is_number ? question.suffix.in(view.language) : "";

    // The suffix is drawn beside the box and hidden from screen readers (as
    // govuk-frontend does), so the label carries it for them.
    Html label_text = Html::text(question.title.in(view.language));
    if (!suffix.empty()) {
        label_text +=
            Element("span").attr("class", "govuk-visually-hidden").text(" (" + suffix + ")");
    }
    std::string input_class = is_number ? "govuk-input govuk-input--width-5" : "govuk-input";
    if (error) input_class += " govuk-input--error";
    const Html input = Element("input")
                           .attr("class", input_class)
                           .attr("id", question.id)
                           .attr("name", question.id)
                           .attr("type", "text")
                           .attr_if(is_number, "inputmode", "numeric")
                           .attr_if(is_number, "spellcheck", "false")
                           .attr("autocomplete", "off")
                           .attr_if(!ids.hint.empty() || error, "aria-describedby",
                                    join_ids({ids.hint, ids.error}))
                           .attr("value", first_value(view.values, question.id));

    Html content = label_hint_error(view, ids, error, label_text);
    if (suffix.empty()) {
        content += input;
    } else {
        content += Element("div")
                       .attr("class", "govuk-input__wrapper")
                       .child(input)
                       .child(Element("div")
                                  .attr("class", "govuk-input__suffix")
                                  .attr("aria-hidden", "true")
                                  .text(suffix));
    }
    return govuk_form_group(error != nullptr, content);
}

Html render_long_text_field(const QuestionFieldView& view) {
    const defs::Question& question = view.question;
    const FieldError* error = find_error(view.errors, question.id);
    const FieldIds ids = field_ids(view, error);
    const std::string info_id = question.id + "-info";
    const std::string limit = std::to_string(question.max_length);

    Html content = label_hint_error(view, ids, error, Html::text(question.title.in(view.language)));
    content +=
        Element("textarea")
            .attr("class", error ? "govuk-textarea govuk-textarea--error govuk-js-character-count"
                                 : "govuk-textarea govuk-js-character-count")
            .attr("id", question.id)
            .attr("name", question.id)
            .attr("rows", "5")
            .attr("aria-describedby", join_ids({info_id, ids.hint, ids.error}))
            .text(first_value(view.values, question.id));
    // Without JavaScript this message is all there is, so it states the limit;
    // govuk-frontend's script replaces it with a live count.
    content += govuk_hint(info_id, "You can enter up to " + limit + " characters",
                          "govuk-character-count__message");
    return Element("div")
        .attr("class", error ? "govuk-form-group govuk-form-group--error govuk-character-count"
                             : "govuk-form-group govuk-character-count")
        .attr("data-module", "govuk-character-count")
        .attr("data-maxlength", limit)
        .child(content);
}

}  // namespace safesurvey::pages
