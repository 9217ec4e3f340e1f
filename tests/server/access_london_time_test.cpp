// Link windows are set in London time by inspectors and compared in UTC by the
// server; a mistake here opens or closes a survey an hour early or late.
#include <catch2/catch.hpp>

#include "server/access/london_time.hpp"

using namespace std::chrono;
using safesurvey::access::format_london_time_for_people;
using safesurvey::access::format_london_time_iso;
using safesurvey::access::Instant;
using safesurvey::access::is_british_summer_time;
using safesurvey::access::parse_london_time;

namespace {

Instant utc(int y, unsigned m, unsigned d, int h, int mi = 0) {
    return Instant{sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{mi}};
}

Instant parsed(const char* text) {
    auto result = parse_london_time(text);
    INFO(result.error);
    REQUIRE(result.instant.has_value());
    return *result.instant;
}

}  // namespace

TEST_CASE("winter London time is UTC, summer London time is an hour ahead") {
    CHECK(parsed("2025-01-15 17:00") == utc(2025, 1, 15, 17));
    CHECK(parsed("2025-07-04 17:00") == utc(2025, 7, 4, 16));
    CHECK(parsed("2025-12-31 23:59") == utc(2025, 12, 31, 23, 59));
}

TEST_CASE("British Summer Time starts at 01:00 UTC on the last Sunday of March") {
    // 2025: Sunday 30 March. 2026: Sunday 29 March.
    CHECK_FALSE(is_british_summer_time(utc(2025, 3, 30, 0, 59)));
    CHECK(is_british_summer_time(utc(2025, 3, 30, 1, 0)));
    CHECK_FALSE(is_british_summer_time(utc(2026, 3, 29, 0, 59)));
    CHECK(is_british_summer_time(utc(2026, 3, 29, 1)));
    CHECK(parsed("2025-03-30 00:59") == utc(2025, 3, 30, 0, 59));
    CHECK(parsed("2025-03-30 02:00") == utc(2025, 3, 30, 1, 0));
    CHECK(parsed("2025-03-31 17:00") == utc(2025, 3, 31, 16));
}

TEST_CASE("a time in the spring gap is refused with a message saying what to choose") {
    for (const char* missing : {"2025-03-30 01:00", "2025-03-30 01:30", "2025-03-30 01:59"}) {
        auto result = parse_london_time(missing);
        CHECK_FALSE(result.instant.has_value());
        CHECK_THAT(result.error, Catch::Contains("does not exist in London") &&
                                     Catch::Contains("02:00 or later"));
    }
}

TEST_CASE("British Summer Time ends at 01:00 UTC on the last Sunday of October") {
    // 2025: Sunday 26 October.
    CHECK(is_british_summer_time(utc(2025, 10, 26, 0, 59)));
    CHECK_FALSE(is_british_summer_time(utc(2025, 10, 26, 1)));
    CHECK(parsed("2025-10-26 00:30") == utc(2025, 10, 25, 23, 30));
    CHECK(parsed("2025-10-26 02:00") == utc(2025, 10, 26, 2));
    CHECK(parsed("2025-10-24 17:00") == utc(2025, 10, 24, 16));
    CHECK(parsed("2025-10-27 17:00") == utc(2025, 10, 27, 17));
}

TEST_CASE("a time in the autumn overlap resolves to the first, earlier instant") {
    // 01:30 happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
    CHECK(parsed("2025-10-26 01:30") == utc(2025, 10, 26, 0, 30));
    CHECK(parsed("2025-10-26 01:00") == utc(2025, 10, 26, 0, 0));
}

TEST_CASE("badly written dates and times are refused with the expected form") {
    for (const char* bad : {"", "2025-03-14", "14/03/2025 17:00", "2025-3-14 17:00",
                            "2025-03-14T17:00", "2025-03-14 5pm", "2025-03-14 17:00 "}) {
        auto result = parse_london_time(bad);
        CHECK_FALSE(result.instant.has_value());
        CHECK_THAT(result.error, Catch::Contains("YYYY-MM-DD HH:MM"));
    }
    CHECK_THAT(parse_london_time("2025-02-29 10:00").error, Catch::Contains("not a real date"));
    CHECK_THAT(parse_london_time("2025-13-01 10:00").error, Catch::Contains("not a real date"));
    CHECK_THAT(parse_london_time("2025-03-14 24:00").error, Catch::Contains("time of day"));
    CHECK_THAT(parse_london_time("2025-03-14 10:60").error, Catch::Contains("time of day"));
    CHECK(parse_london_time("2024-02-29 10:00").instant.has_value());
}

TEST_CASE("instants are shown to people in London time, GOV.UK style") {
    CHECK(format_london_time_for_people(utc(2025, 3, 14, 17)) == "5pm on Friday 14 March 2025");
    CHECK(format_london_time_for_people(utc(2025, 7, 4, 16)) == "5pm on Friday 4 July 2025");
    CHECK(format_london_time_for_people(utc(2025, 7, 4, 8, 30)) == "9:30am on Friday 4 July 2025");
    CHECK(format_london_time_for_people(utc(2025, 1, 6, 12)) == "midday on Monday 6 January 2025");
    CHECK(format_london_time_for_people(utc(2025, 6, 30, 23)) == "midnight on Tuesday 1 July 2025");
    CHECK(format_london_time_for_people(utc(2025, 10, 26, 0, 5)) ==
          "1:05am on Sunday 26 October 2025");
    CHECK(format_london_time_for_people(utc(2025, 10, 26, 1, 5)) ==
          "1:05am on Sunday 26 October 2025");
}

TEST_CASE("the machine-readable form reads back to the same instant on both sides of a change") {
    for (Instant instant : {utc(2025, 3, 30, 0, 59), utc(2025, 3, 30, 1), utc(2025, 6, 1, 12),
                            utc(2025, 10, 26, 0, 59), utc(2025, 10, 26, 2), utc(2025, 12, 25, 9)}) {
        CHECK(parsed(format_london_time_iso(instant).c_str()) == instant);
    }
    CHECK(format_london_time_iso(utc(2025, 7, 4, 16)) == "2025-07-04 17:00");
}
