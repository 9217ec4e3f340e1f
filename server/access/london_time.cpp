#include "server/access/london_time.hpp"

#include <array>
#include <cstdio>

namespace safesurvey::access {
namespace {

using namespace std::chrono;

constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdayNames{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

// 01:00 UTC on the last Sunday of `m` in `y`: when UK clocks change.
Instant clock_change(year y, month m) {
    const sys_days last_sunday{year_month_weekday_last{y, m, weekday_last{Sunday}}};
    return Instant{last_sunday} + hours{1};
}

// Reads exactly `width` ASCII digits at `pos`; false when any is not a digit.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
    out = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

LondonTimeParse parse_error(std::string_view text, const std::string& why) {
    return {std::nullopt, "'" + std::string(text) + "' " + why};
}

}  // namespace

bool is_british_summer_time(Instant instant) {
    const year y = year_month_day{floor<days>(instant)}.year();
    return instant >= clock_change(y, March) && instant < clock_change(y, October);
}

local_seconds to_london_wall_clock(Instant instant) {
    const seconds offset = is_british_summer_time(instant) ? hours{1} : hours{0};
    return local_seconds{instant.time_since_epoch() + offset};
}

std::optional<Instant> from_london_wall_clock(local_seconds wall_clock) {
    // A wall-clock reading W is the instant W-1h if that instant is in BST, or
    // W if that instant is in GMT. In the spring gap neither holds; in the
    // autumn overlap both do and the BST (earlier) one is taken.
    const Instant as_bst{wall_clock.time_since_epoch() - hours{1}};
    if (is_british_summer_time(as_bst)) return as_bst;
    const Instant as_gmt{wall_clock.time_since_epoch()};
    if (!is_british_summer_time(as_gmt)) return as_gmt;
    return std::nullopt;
}

LondonTimeParse parse_london_time(std::string_view text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    const bool shaped = text.size() == 16 && text[4] == '-' && text[7] == '-' && text[10] == ' ' &&
                        text[13] == ':' && read_digits(text, 0, 4, y) &&
                        read_digits(text, 5, 2, mo) && read_digits(text, 8, 2, d) &&
                        read_digits(text, 11, 2, h) && read_digits(text, 14, 2, mi);
    if (!shaped) {
        return parse_error(text,
                           "is not a date and time like \"2025-03-14 17:00\" "
                           "(YYYY-MM-DD HH:MM, 24-hour clock, London time)");
    }
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                              day{static_cast<unsigned>(d)}};
    if (!date.ok()) return parse_error(text, "is not a real date");
    if (y < 2000 || y > 2200) return parse_error(text, "has a year outside 2000-2200");
    if (h > 23 || mi > 59) return parse_error(text, "is not a real time of day (00:00 to 23:59)");
    const local_seconds wall{local_days{date} + hours{h} + minutes{mi}};
    auto instant = from_london_wall_clock(wall);
    if (!instant) {
        return parse_error(text,
                           "does not exist in London: clocks go forward from 01:00 to "
                           "02:00 that night; choose 02:00 or later");
    }
    return {instant, {}};
}

std::string format_london_time_iso(Instant instant) {
    const local_seconds wall = to_london_wall_clock(instant);
    const local_days date_part = floor<days>(wall);
    const year_month_day date{date_part};
    const hh_mm_ss<seconds> time{wall - date_part};
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02d:%02d", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
    return out;
}

std::string format_london_time_for_people(Instant instant) {
    const local_seconds wall = to_london_wall_clock(instant);
    const local_days date_part = floor<days>(wall);
    const year_month_day date{date_part};
    const hh_mm_ss<seconds> time{wall - date_part};
    const int hour = static_cast<int>(time.hours().count());
    const int minute = static_cast<int>(time.minutes().count());

    std::string clock;
    if (hour == 0 && minute == 0) {
        clock = "midnight";
    } else if (hour == 12 && minute == 0) {
        clock = "midday";
    } else {
        const int twelve_hour = hour % 12 == 0 ? 12 : hour % 12;
        clock = std::to_string(twelve_hour);
        if (minute != 0) {
            char mm[4];
            std::snprintf(mm, sizeof mm, "%02d", minute);
            clock += std::string(":") + mm;
        }
        clock += hour < 12 ? "am" : "pm";
    }
    const weekday wd{date_part};
    return clock + " on " + kWeekdayNames[wd.c_encoding()] + " " +
           std::to_string(static_cast<unsigned>(date.day())) + " " +
           kMonthNames[static_cast<unsigned>(date.month()) - 1] + " " +
           std::to_string(static_cast<int>(date.year()));
}

}  // namespace safesurvey::access
