// Calendar dates and UTC instants as the database stores them: ISO 8601 text
// ("2026-03-31", "2026-03-31T09:00:00Z"), which sorts and compares correctly
// as plain strings in SQL.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::storage {

using Date = std::chrono::sys_days;
using Instant = std::chrono::sys_seconds;

std::string format_date(Date day);
// Accepts exactly YYYY-MM-DD naming a real day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

std::string format_instant(Instant t);
// Accepts YYYY-MM-DDTHH:MM:SSZ or a bare YYYY-MM-DD (midnight UTC).
std::optional<Instant> parse_instant(std::string_view text);

// The same day `years` later; 29 February becomes 28 February in a common
// year, so a rule never extends by a day because of a leap year.
Date add_years(Date day, int years);

}  // namespace safesurvey::storage
