// Radios and checkboxes, after govuk-frontend's radios/checkboxes templates.
#include <algorithm>

#include "server/pages/govuk_parts.hpp"
#include "server/pages/question_fields.hpp"

namespace safesurvey::pages {

namespace {

// The class prefix of each kind of choice: everything else is the same.
struct ChoiceKind {
    bool checkboxes = false;
    std::string_view root() const { return checkboxes ? "govuk-checkboxes" : "govuk-radios"; }
    std::string cls(std::string_view suffix) const { return std::string(root()).append(suffix); }
};

bool is_chosen(const defs::Answers& values, std::string_view question_id,
               std::string_view option_id) {
    const auto found = values.find(question_id);
    if (found == values.end()) return false;
    return std::find(found->second.begin(), found->second.end(), option_id) != found->second.end();
}

std::string item_id(std::string_view question_id, std::size_t index) {
    std::string id(question_id);
    if (index > 1) id += "-" + std::to_string(index);
    return id;
}

// The "please specify" input inside a conditional reveal.
Html follow_up_field(const defs::FollowUp& follow_up, const QuestionFieldView& view) {
    const FieldError* error = find_error(view.errors, follow_up.id);
    const std::string error_id = error ? follow_up.id + "-error" : "";
    Html content = govuk_label(follow_up.id, Html::text(follow_up.label.in(view.language)),
                               HeadingSize::none, false);
    if (error) content += govuk_error_message(error_id, error->message);
    content += Element("input")
                   .attr("class", error ? "govuk-input govuk-input--error" : "govuk-input")
                   .attr("id", follow_up.id)
                   .attr("name", follow_up.id)
                   .attr("type", "text")
                   .attr("autocomplete", "off")
                   .attr_if(error != nullptr, "aria-describedby", error_id)
                   .attr("value", first_value(view.values, follow_up.id));
    return govuk_form_group(error != nullptr, content);
}

Html choice_item(const ChoiceKind& kind, const defs::Option& option, std::size_t index,
                 const QuestionFieldView& view) {
    const std::string id = item_id(view.question.id, index);
    const std::string hint_id = option.hint.empty() ? "" : id + "-item-hint";
    const std::string conditional_id = "conditional-" + id;
    const bool chosen = is_chosen(view.values, view.question.id, option.id);
    Html item_content =
        Element("input")
            .attr("class", kind.cls("__input"))
            .attr("id", id)
            .attr("name", view.question.id)
            .attr("type", kind.checkboxes ? "checkbox" : "radio")
            .attr("value", option.id)
            .flag_if(chosen, "checked")
            .attr_if(kind.checkboxes && option.follow_up.has_value(), "data-aria-controls",
                     conditional_id)
            .attr_if(kind.checkboxes && option.exclusive, "data-behaviour", "exclusive")
            .attr_if(!hint_id.empty(), "aria-describedby", hint_id);
    item_content += govuk_label(id, Html::text(option.label.in(view.language)), HeadingSize::none,
                                false, kind.cls("__label"));
    if (!hint_id.empty()) {
        item_content += govuk_hint(hint_id, option.hint.in(view.language), kind.cls("__hint"));
    }
    Html item = Element("div").attr("class", kind.cls("__item")).child(item_content);
    if (!option.follow_up) return item;
    // For radios the "please specify" input is always shown, with or without
    // JavaScript: govuk-frontend's script would put aria-expanded on the radio,
    // which ARIA does not allow there (axe reports it as critical; see
    // govuk-frontend issue #979). Checkboxes may carry aria-expanded, so they
    // keep the reveal.
    const bool hidden = kind.checkboxes && !chosen;
    const std::string conditional_class =
        hidden ? kind.cls("__conditional") + " " + kind.cls("__conditional--hidden")
               : kind.cls("__conditional");
    item += Element("div")
                .attr("class", conditional_class)
                .attr("id", conditional_id)
                .child(follow_up_field(*option.follow_up, view));
    return item;
}

Html choice_items(const ChoiceKind& kind, const QuestionFieldView& view) {
    Html items;
    std::size_t index = 0;
    for (const auto& option : view.question.options) {
        ++index;
        if (kind.checkboxes && option.exclusive && index > 1) {
            items += Element("div").attr("class", kind.cls("__divider")).text("or");
        }
        items += choice_item(kind, option, index, view);
    }
    return items;
}

}  // namespace

Html render_choice_field(const QuestionFieldView& view) {
    const defs::Question& question = view.question;
    const ChoiceKind kind{question.type == defs::QuestionType::multiple_choice};
    const FieldError* error = find_error(view.errors, question.id);
    const std::string hint_id = question.hint.empty() ? "" : question.id + "-hint";
    const std::string error_id = error ? question.id + "-error" : "";

    Html inner;
    if (!hint_id.empty()) inner += govuk_hint(hint_id, question.hint.in(view.language));
    if (error) inner += govuk_error_message(error_id, error->message);
    std::string list_class(kind.root());
    // Inline radios only for a short Yes/No: the design system forbids inline
    // radios with conditional reveals.
    const bool has_follow_up = std::any_of(question.options.begin(), question.options.end(),
                                           [](const auto& option) { return option.follow_up; });
    if (question.type == defs::QuestionType::yes_no && !has_follow_up) {
        list_class += " govuk-radios--inline";
    }
    inner += Element("div")
                 .attr("class", list_class)
                 .attr("data-module", kind.checkboxes ? "govuk-checkboxes" : "govuk-radios")
                 .child(choice_items(kind, view));

    const HeadingSize size = view.is_page_heading ? HeadingSize::l : HeadingSize::m;
    return govuk_form_group(error != nullptr, govuk_fieldset(join_ids({hint_id, error_id}),
                                                             question.title.in(view.language), size,
                                                             view.is_page_heading, inner));
}

}  // namespace safesurvey::pages
