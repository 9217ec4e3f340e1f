// application/x-www-form-urlencoded bodies and query strings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::http {

using FormFields = std::multimap<std::string, std::string>;

// Percent-decodes and splits "a=1&b=2&b=3". Returns nullopt for malformed
// encoding (bad %XX) or invalid UTF-8, so handlers can answer 400 clearly.
std::optional<FormFields> parse_form(std::string_view body);
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace safesurvey::http
