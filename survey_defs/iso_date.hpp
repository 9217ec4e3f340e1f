// Dates in definitions and in answers are ISO 8601 calendar dates,
// "YYYY-MM-DD", which also sort and compare correctly as strings.
#pragma once

#include <string_view>

namespace safesurvey::defs {

// True for a real calendar date such as "2025-02-28" (not "2025-02-30").
bool is_iso_date(std::string_view text);

}  // namespace safesurvey::defs
