// Europe/London wall-clock time <-> UTC instants, for survey link windows.
//
// Inspectors say "live from the notification day until 5pm on the last on-site
// day" in London time; the server stores and compares UTC instants. libstdc++
// 12 has no std::chrono::locate_zone, and the UK rule has been fixed since
// 1996, so it is written out here: British Summer Time (UTC+1) runs from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October;
// the rest of the year is Greenwich Mean Time (UTC+0).
//
// Two wall-clock hours are special each year:
//  * spring gap: on the last Sunday of March clocks jump from 01:00 to 02:00,
//    so 01:00-01:59 never happens. Parsing such a time is an error a person
//    can fix ("choose 02:00 or later") rather than a silent guess.
//  * autumn overlap: on the last Sunday of October 01:00-01:59 happens twice.
//    Parsing resolves to the first (earlier, still BST) instant: a link that
//    closes "at 01:30" then closes at the first 01:30, never later than anyone
//    reading the clock could expect.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::access {

using Instant = std::chrono::sys_seconds;  // a UTC instant, to the second

// True when `instant` falls in British Summer Time.
bool is_british_summer_time(Instant instant);

// The London wall-clock reading at `instant` (UTC plus 0 or 1 hour).
std::chrono::local_seconds to_london_wall_clock(Instant instant);

// A London wall-clock time turned into an instant, or why it could not be.
struct LondonTimeParse {
    std::optional<Instant> instant;
    std::string error;  // set when instant is empty; names the value and what to change
};

// Parses "YYYY-MM-DD HH:MM" (24-hour clock) as Europe/London wall-clock time.
LondonTimeParse parse_london_time(std::string_view text);

// The UTC instant of a London wall-clock time. Empty in the spring gap; the
// earlier instant in the autumn overlap (see above).
std::optional<Instant> from_london_wall_clock(std::chrono::local_seconds wall_clock);

// "2025-03-14 17:00": London time in the form parse_london_time reads back.
std::string format_london_time_iso(Instant instant);

// "5pm on Friday 14 March 2025", "9:30am on ...", "midday on ...",
// "midnight on ..." (GOV.UK style for times and dates), in London time.
std::string format_london_time_for_people(Instant instant);

}  // namespace safesurvey::access
