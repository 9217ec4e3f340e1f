// Error pages (400, 404, 405, 413, 415, 429, 431, 500, 503) as small, complete
// GOV.UK-styled pages. They never echo anything from the request: the only
// variable text is our own request id, shown so a person can quote it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/http/response.hpp"

namespace safesurvey::http {

// A no-store HTML page for `status`. `request_id`, when given, is shown as the
// reference to quote.
Response error_page(int status, std::string_view request_id = {});

// 405 with the Allow header listing `allowed` (e.g. {"GET", "HEAD"}).
Response method_not_allowed_page(const std::vector<std::string>& allowed,
                                 std::string_view request_id = {});

}  // namespace safesurvey::http
