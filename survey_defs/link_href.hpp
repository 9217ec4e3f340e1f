// Which link targets a definition may put on a page. A survey is trusted
// content, but it is edited by hand and rendered into pages people trust, so
// only the kinds of link a survey needs are allowed: https: pages, mailto:
// addresses, tel: numbers and paths on this site. Not javascript:, data:,
// plain http:, or protocol-relative "//host" links.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::defs {

// nullopt when `href` is allowed; otherwise why it is not.
std::optional<std::string> href_problem(std::string_view href);

}  // namespace safesurvey::defs
