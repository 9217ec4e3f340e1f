#include "server/journey/date_validation.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <optional>

#include "server/pages/form_fields.hpp"

namespace safesurvey::journey {
namespace {

using pages::DatePart;
using pages::FieldError;

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

struct TypedPart {
    DatePart part;
    const char* name;  // as a message says it: "must include a month"
    std::string text;
};

std::optional<int> parse_part(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

std::string part_text(const defs::Answers& typed, const std::string& field) {
    const auto found = typed.find(field);
    return found == typed.end() || found->second.empty() ? std::string() : found->second.front();
}

std::string iso_date(int year, int month, int day) {
    // Callers pass a checked date (year 0-9999), so the width is exact.
    const auto two_digits = [](int n) {
        return std::string(n < 10 ? "0" : "") + std::to_string(n);
    };
    std::string y = std::to_string(year);
    return std::string(4 - std::min<std::size_t>(4, y.size()), '0') + y + "-" + two_digits(month) +
           "-" + two_digits(day);
}

std::string named(const defs::Question& question) {
    const std::string& title = question.title.text();
    return title.empty() ? std::string("The date") : "The date for “" + title + "”";
}

// Earliest and latest are inclusive; ISO dates compare correctly as text.
std::optional<std::string> range_problem(const defs::Question& question, const std::string& iso) {
    if (question.earliest && iso < *question.earliest) {
        return " must be the same as or after " + date_for_people(*question.earliest);
    }
    if (question.latest && iso > *question.latest) {
        return " must be the same as or before " + date_for_people(*question.latest);
    }
    return std::nullopt;
}

}  // namespace

void validate_date(const defs::Question& question, const defs::Answers& typed,
                   defs::Answers& accepted, std::vector<FieldError>& errors) {
    std::array<TypedPart, 3> parts = {TypedPart{DatePart::day, "a day", {}},
                                      TypedPart{DatePart::month, "a month", {}},
                                      TypedPart{DatePart::year, "a year", {}}};
    bool any = false;
    for (auto& part : parts) {
        part.text = part_text(typed, pages::date_field_name(question.id, part.part));
        any = any || !part.text.empty();
    }
    if (!any) {
        if (question.required) {
            errors.push_back(
                {question.id, "Enter the date for " + (question.title.empty()
                                                           ? std::string("this question")
                                                           : "“" + question.title.text() + "”")});
        }
        return;
    }
    for (const auto& part : parts) {
        if (!part.text.empty()) continue;
        errors.push_back({pages::date_field_name(question.id, part.part),
                          named(question) + " must include " + part.name});
        return;
    }
    const auto day = parse_part(parts[0].text);
    const auto month = parse_part(parts[1].text);
    const auto year = parse_part(parts[2].text);
    // A year must be written in full: "25" is more likely 2025 than year 25,
    // and guessing would store a date the respondent never saw.
    const bool readable =
        day && month && year && parts[2].text.size() == 4 && *day <= 31 && *month <= 12;
    if (!readable || !std::chrono::year_month_day{std::chrono::year{*year},
                                                  std::chrono::month{static_cast<unsigned>(*month)},
                                                  std::chrono::day{static_cast<unsigned>(*day)}}
                          .ok()) {
        errors.push_back({question.id, named(question) + " must be a real date"});
        return;
    }
    const std::string iso = iso_date(*year, *month, *day);
    if (const auto problem = range_problem(question, iso)) {
        errors.push_back({question.id, named(question) + *problem});
        return;
    }
    accepted[question.id] = {iso};
}

std::string date_for_people(std::string_view iso) {
    if (iso.size() != 10) return std::string(iso);
    const auto year = parse_part(std::string(iso.substr(0, 4)));
    const auto month = parse_part(std::string(iso.substr(5, 2)));
    const auto day = parse_part(std::string(iso.substr(8, 2)));
    if (!year || !month || !day || *month < 1 || *month > 12) return std::string(iso);
    return std::to_string(*day) + " " + kMonths[*month - 1] + " " + std::to_string(*year);
}

}  // namespace safesurvey::journey
