#include "server/pages/govuk_parts.hpp"

namespace safesurvey::pages {

namespace {

std::string with_modifier(std::string base, HeadingSize size, std::string_view modifier_root) {
    if (size == HeadingSize::none) return base;
    base += ' ';
    base += modifier_root;
    base += size == HeadingSize::l ? "--l" : "--m";
    return base;
}

std::string classes(std::string_view base, std::string_view extra) {
    std::string joined(base);
    if (!extra.empty()) {
        joined += ' ';
        joined += extra;
    }
    return joined;
}

}  // namespace

std::string join_ids(std::initializer_list<std::string_view> ids) {
    std::string joined;
    for (const auto id : ids) {
        if (id.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += id;
    }
    return joined;
}

Html govuk_label(std::string_view for_id, const Html& text, HeadingSize size, bool is_page_heading,
                 std::string_view extra_class) {
    const std::string label_class =
        classes(with_modifier("govuk-label", size, "govuk-label"), extra_class);
    Html label = Element("label").attr("class", label_class).attr("for", for_id).child(text);
    if (!is_page_heading) return label;
    return Element("h1").attr("class", "govuk-label-wrapper").child(label);
}

Html govuk_hint(std::string_view id, std::string_view text, std::string_view extra_class) {
    return Element("div")
        .attr_if(!id.empty(), "id", id)
        .attr("class", classes("govuk-hint", extra_class))
        .text(text);
}

Html govuk_error_message(std::string_view id, std::string_view text) {
    return Element("p")
        .attr("id", id)
        .attr("class", "govuk-error-message")
        .child(Html::literal("<span class=\"govuk-visually-hidden\">Error:</span> "))
        .text(text);
}

Html govuk_fieldset(std::string_view described_by, std::string_view legend, HeadingSize size,
                    bool is_page_heading, const Html& content, bool role_group) {
    Element legend_element("legend");
    legend_element.attr("class",
                        with_modifier("govuk-fieldset__legend", size, "govuk-fieldset__legend"));
    if (is_page_heading) {
        legend_element.child(Element("h1").attr("class", "govuk-fieldset__heading").text(legend));
    } else {
        legend_element.text(legend);
    }
    return Element("fieldset")
        .attr("class", "govuk-fieldset")
        .attr_if(role_group, "role", "group")
        .attr_if(!described_by.empty(), "aria-describedby", described_by)
        .child(legend_element)
        .child(content);
}

Html govuk_form_group(bool has_error, const Html& content, std::string_view extra_class) {
    std::string group_class =
        has_error ? "govuk-form-group govuk-form-group--error" : "govuk-form-group";
    return Element("div").attr("class", classes(group_class, extra_class)).child(content);
}

Html govuk_button(std::string_view text, std::string_view extra_class,
                  std::string_view formaction) {
    Element button("button");
    button.attr("type", "submit")
        .attr("class", classes("govuk-button", extra_class))
        .attr("data-module", "govuk-button");
    if (!formaction.empty()) button.url("formaction", formaction);
    // Double clicks are ignored by govuk-frontend's JS; the server also
    // stores one response per draft, so a repeat without JS is harmless.
    return button.attr("data-prevent-double-click", "true").text(text);
}

Html govuk_link_button(std::string_view text, std::string_view href, bool is_start_button) {
    Element link("a");
    link.url("href", href)
        .attr("role", "button")
        .attr("draggable", "false")
        .attr("class", is_start_button ? "govuk-button govuk-button--start" : "govuk-button")
        .attr("data-module", "govuk-button")
        .text(text);
    if (is_start_button) {
        link.child(Html::literal(
            "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" "
            "width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" "
            "focusable=\"false\"><path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/>"
            "</svg>"));
    }
    return link;
}

Html govuk_back_link(std::string_view href) {
    return Element("a").url("href", href).attr("class", "govuk-back-link").text("Back");
}

Html govuk_error_summary(const std::vector<ErrorSummaryItem>& items) {
    Element list("ul");
    list.attr("class", "govuk-list govuk-error-summary__list");
    for (const auto& item : items) {
        list.child(Element("li").child(Element("a").url("href", item.href).text(item.text)));
    }
    const Html alert =
        Element("div")
            .attr("role", "alert")
            .child(
                Html::literal("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"))
            .child(Element("div").attr("class", "govuk-error-summary__body").child(list));
    return Element("div")
        .attr("class", "govuk-error-summary")
        .attr("data-module", "govuk-error-summary")
        .child(alert);
}

Html govuk_paragraph(std::string_view text, std::string_view extra_class) {
    return Element("p").attr("class", classes("govuk-body", extra_class)).text(text);
}

Html govuk_link(std::string_view text, std::string_view href) {
    return Element("a").attr("class", "govuk-link").url("href", href).text(text);
}

Html govuk_h1(std::string_view text, bool extra_large) {
    return Element("h1")
        .attr("class", extra_large ? "govuk-heading-xl" : "govuk-heading-l")
        .text(text);
}

Html govuk_h2(std::string_view text) {
    return Element("h2").attr("class", "govuk-heading-m").text(text);
}

Html two_thirds_column(const Html& content) {
    return Element("div")
        .attr("class", "govuk-grid-row")
        .child(Element("div").attr("class", "govuk-grid-column-two-thirds").child(content));
}

}  // namespace safesurvey::pages
