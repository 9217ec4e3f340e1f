#include "storage/calendar.hpp"

#include <cstdio>

namespace safesurvey::storage {

using namespace std::chrono;

namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

}  // namespace

std::string format_date(Date day) {
    const year_month_day ymd(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    const year_month_day ymd{year(number(y)), month(static_cast<unsigned>(number(m))),
                             day(static_cast<unsigned>(number(d)))};
    if (!ymd.ok()) return std::nullopt;
    return sys_days(ymd);
}

std::string format_instant(Instant t) {
    const auto day = floor<days>(t);
    const hh_mm_ss hms(t - day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(day).c_str(),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::optional<Instant> parse_instant(std::string_view text) {
    auto day = parse_date(text.substr(0, 10));
    if (!day) return std::nullopt;
    if (text.size() == 10) return Instant(*day);
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return std::nullopt;
    const auto h = text.substr(11, 2), mi = text.substr(14, 2), s = text.substr(17, 2);
    if (!all_digits(h) || !all_digits(mi) || !all_digits(s)) return std::nullopt;
    if (number(h) > 23 || number(mi) > 59 || number(s) > 59) return std::nullopt;
    return Instant(*day) + hours(number(h)) + minutes(number(mi)) + seconds(number(s));
}

Date add_years(Date day, int count) {
    year_month_day ymd(day);
    ymd += years(count);
    if (!ymd.ok()) ymd = year_month_day_last(ymd.year(), month_day_last(ymd.month()));
    return sys_days(ymd);
}

}  // namespace safesurvey::storage
