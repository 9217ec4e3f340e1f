// The small govuk-frontend building blocks every component shares: label,
// hint, error message, legend, form group, button, back link, error summary.
// Markup follows govuk-frontend 6's Nunjucks templates so its CSS and
// JavaScript apply unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/pages/html.hpp"

namespace safesurvey::pages {

// How big a label or legend is: page headings are large, a question among
// several on a page is medium.
enum class HeadingSize { none, m, l };

// <label class="govuk-label ..." for="...">, wrapped in
// <h1 class="govuk-label-wrapper"> when it is the page heading.
Html govuk_label(std::string_view for_id, const Html& text, HeadingSize size, bool is_page_heading,
                 std::string_view extra_class = "");
// <div id="{id}" class="govuk-hint">; no id when `id` is empty
Html govuk_hint(std::string_view id, std::string_view text, std::string_view extra_class = "");
// <p id="{id}" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ...
Html govuk_error_message(std::string_view id, std::string_view text);
// <fieldset class="govuk-fieldset" aria-describedby=...><legend ...>
Html govuk_fieldset(std::string_view described_by, std::string_view legend, HeadingSize size,
                    bool is_page_heading, const Html& content, bool role_group = false);
// <div class="govuk-form-group[ govuk-form-group--error]">
Html govuk_form_group(bool has_error, const Html& content, std::string_view extra_class = "");

// A submit button; `formaction` posts the same form elsewhere ("" for none).
Html govuk_button(std::string_view text, std::string_view extra_class = "",
                  std::string_view formaction = "");
// A link styled as a button (e.g. "Start now" with the start arrow).
Html govuk_link_button(std::string_view text, std::string_view href, bool is_start_button);
Html govuk_back_link(std::string_view href);

struct ErrorSummaryItem {
    std::string href;  // "#field-id"
    std::string text;
};
Html govuk_error_summary(const std::vector<ErrorSummaryItem>& items);

// <p class="govuk-body">text</p>
Html govuk_paragraph(std::string_view text, std::string_view extra_class = "");
// <a class="govuk-link" href="...">text</a>
Html govuk_link(std::string_view text, std::string_view href);

// <h1 class="govuk-heading-l">; "xl" for a start page.
Html govuk_h1(std::string_view text, bool extra_large = false);
// <h2 class="govuk-heading-m">
Html govuk_h2(std::string_view text);
// The GOV.UK content column: a grid row with a two-thirds column.
Html two_thirds_column(const Html& content);

// Space-joined non-empty ids for aria-describedby.
std::string join_ids(std::initializer_list<std::string_view> ids);

}  // namespace safesurvey::pages
