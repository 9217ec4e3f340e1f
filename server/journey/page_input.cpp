#include "server/journey/page_input.hpp"

#include <string>

#include "server/pages/form_fields.hpp"

namespace safesurvey::journey {
namespace {

using pages::DatePart;

constexpr std::string_view kSpace = " \t\r\n\f\v";

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(kSpace);
    return std::string(text.substr(first, last - first + 1));
}

// "\r\n" and lone "\r" become "\n", so a line break counts as one character,
// as govuk-frontend's character count shows it.
std::string with_plain_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
        } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
            out.push_back('\n');
        }
    }
    return out;
}

void copy_field(const http::FormFields& form, const std::string& name, defs::Answers& typed) {
    const auto [first, last] = form.equal_range(name);
    std::vector<std::string> values;
    for (auto it = first; it != last; ++it) {
        std::string value = trimmed(with_plain_newlines(it->second));
        if (!value.empty()) values.push_back(std::move(value));
    }
    if (!values.empty()) typed[name] = std::move(values);
}

std::string without_leading_zero(std::string part) {
    if (part.size() > 1 && part.front() == '0') part.erase(0, 1);
    return part;
}

constexpr DatePart kDateParts[] = {DatePart::day, DatePart::month, DatePart::year};

}  // namespace

defs::Answers read_page_input(const defs::Page& page, const http::FormFields& form) {
    defs::Answers typed;
    for (const auto& question : page.questions) {
        if (question.type == defs::QuestionType::date) {
            for (const auto part : kDateParts) {
                copy_field(form, pages::date_field_name(question.id, part), typed);
            }
        } else {
            copy_field(form, question.id, typed);
        }
        for (const auto& option : question.options) {
            if (option.follow_up) copy_field(form, option.follow_up->id, typed);
        }
    }
    return typed;
}

defs::Answers typed_from_stored(const defs::Page& page, const defs::Answers& stored) {
    defs::Answers typed;
    const auto copy = [&](const std::string& id) {
        const auto found = stored.find(id);
        if (found != stored.end() && !found->second.empty()) typed[id] = found->second;
    };
    for (const auto& question : page.questions) {
        const auto found = stored.find(question.id);
        if (question.type == defs::QuestionType::date) {
            // Stored as "YYYY-MM-DD"; shown as the three numbers without padding.
            if (found == stored.end() || found->second.empty()) continue;
            const std::string& iso = found->second.front();
            if (iso.size() != 10) continue;
            typed[pages::date_field_name(question.id, DatePart::year)] = {iso.substr(0, 4)};
            typed[pages::date_field_name(question.id, DatePart::month)] = {
                without_leading_zero(iso.substr(5, 2))};
            typed[pages::date_field_name(question.id, DatePart::day)] = {
                without_leading_zero(iso.substr(8, 2))};
        } else {
            copy(question.id);
        }
        for (const auto& option : question.options) {
            if (option.follow_up) copy(option.follow_up->id);
        }
    }
    return typed;
}

}  // namespace safesurvey::journey
