#include "survey_defs/iso_date.hpp"

#include <chrono>

namespace safesurvey::defs {
namespace {

int digits_value(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    const std::chrono::year_month_day date{
        std::chrono::year{digits_value(text.substr(0, 4))},
        std::chrono::month{static_cast<unsigned>(digits_value(text.substr(5, 2)))},
        std::chrono::day{static_cast<unsigned>(digits_value(text.substr(8, 2)))}};
    return date.ok() && digits_value(text.substr(0, 4)) >= 1900;
}

}  // namespace safesurvey::defs
