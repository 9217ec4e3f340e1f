// A date question as govuk-frontend's date input: three inputs in a fieldset
// with role="group" (so screen readers announce the hint), named
// "{id}-day", "{id}-month", "{id}-year".

#include "server/pages/form_fields.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/question_fields.hpp"

namespace safesurvey::pages {

namespace {

struct DateParts {
    std::string day;
    std::string month;
    std::string year;
};

std::string without_leading_zero(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    return std::string(digits);
}

// What to show: the typed parts after a failed Continue, else the saved
// "YYYY-MM-DD" answer split into parts as a person would type them.
DateParts parts_to_show(const QuestionFieldView& view) {
    const auto& id = view.question.id;
    const std::string& day = first_value(view.values, date_field_name(id, DatePart::day));
    const std::string& month = first_value(view.values, date_field_name(id, DatePart::month));
    const std::string& year = first_value(view.values, date_field_name(id, DatePart::year));
    if (!day.empty() || !month.empty() || !year.empty()) return {day, month, year};
    const std::string& iso = first_value(view.values, id);
    if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
        return {without_leading_zero(std::string_view(iso).substr(8, 2)),
                without_leading_zero(std::string_view(iso).substr(5, 2)), iso.substr(0, 4)};
    }
    return {};
}

Html date_item(std::string_view label, const std::string& id, const std::string& value,
               bool has_error, bool is_year) {
    std::string input_class = "govuk-input govuk-date-input__input";
    if (has_error) input_class += " govuk-input--error";
    input_class += is_year ? " govuk-input--width-4" : " govuk-input--width-2";
    const Html group = govuk_form_group(false, govuk_label(id, Html::text(label), HeadingSize::none,
                                                           false, "govuk-date-input__label") +
                                                   Element("input")
                                                       .attr("class", input_class)
                                                       .attr("id", id)
                                                       .attr("name", id)
                                                       .attr("type", "text")
                                                       .attr("inputmode", "numeric")
                                                       .attr("autocomplete", "off")
                                                       .attr("value", value));
    return Element("div").attr("class", "govuk-date-input__item").child(group);
}

// The error about this date: about one part, or about the whole date.
const FieldError* date_error(const QuestionFieldView& view, const FieldError*& part_error) {
    part_error = nullptr;
    for (const auto part : {DatePart::day, DatePart::month, DatePart::year}) {
        if (const auto* error = find_error(view.errors, date_field_name(view.question.id, part))) {
            part_error = error;
            return error;
        }
    }
    return find_error(view.errors, view.question.id);
}

}  // namespace

Html render_date_field(const QuestionFieldView& view) {
    const defs::Question& question = view.question;
    const FieldError* part_error = nullptr;
    const FieldError* error = date_error(view, part_error);
    const std::string hint_id = question.hint.empty() ? "" : question.id + "-hint";
    const std::string error_id = error ? question.id + "-error" : "";
    const DateParts shown = parts_to_show(view);

    // An error about one part marks only that input; one about the date marks all three.
    const auto marked = [&](DatePart part) {
        if (!error) return false;
        return part_error == nullptr || part_error->field == date_field_name(question.id, part);
    };
    Html inputs = date_item("Day", date_field_name(question.id, DatePart::day), shown.day,
                            marked(DatePart::day), false);
    inputs += date_item("Month", date_field_name(question.id, DatePart::month), shown.month,
                        marked(DatePart::month), false);
    inputs += date_item("Year", date_field_name(question.id, DatePart::year), shown.year,
                        marked(DatePart::year), true);

    Html inner;
    if (!hint_id.empty()) inner += govuk_hint(hint_id, question.hint.in(view.language));
    if (error) inner += govuk_error_message(error_id, error->message);
    inner += Element("div").attr("class", "govuk-date-input").attr("id", question.id).child(inputs);

    const HeadingSize size = view.is_page_heading ? HeadingSize::l : HeadingSize::m;
    return govuk_form_group(
        error != nullptr,
        govuk_fieldset(join_ids({hint_id, error_id}), question.title.in(view.language), size,
                       view.is_page_heading, inner, /*role_group=*/true));
}

}  // namespace safesurvey::pages
