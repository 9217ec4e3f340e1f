// The headers every response carries, whatever produced it: a strict Content
// Security Policy (no inline script or style, no framing, no plugins), no MIME
// sniffing, no Referer leaving the service (survey links carry tokens), and no
// powerful browser features. Dynamic pages are never stored by any cache:
// answers may be on them and the device may be shared.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace safesurvey::http {

using HeaderField = std::pair<std::string_view, std::string_view>;

// Added to every response; they replace any same-named header a handler set.
const std::vector<HeaderField>& security_headers();

inline constexpr std::string_view kNoStore = "no-store";
// Static assets: named by content (ETag), safe to keep for a year.
inline constexpr std::string_view kStaticCacheControl = "public, max-age=31536000, immutable";

}  // namespace safesurvey::http
