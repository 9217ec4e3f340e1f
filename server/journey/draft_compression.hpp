// Deflate for draft tokens. A draft travels in a URL (the redirect after each
// page), and a respondent who fills every text box of the real survey writes
// over 10,000 characters: uncompressed and base64-encoded that nears the 16 KB
// request-header limit. Prose deflates to well under half.
//
// Compressing before encrypting leaks the compressed length. That matters when
// an attacker can mix chosen text with a secret in one message and watch the
// length (CRIME); a draft holds only what its own respondent typed, so there is
// nothing for an attacker to mix in.
//
// Uses Boost.Beast's zlib port (raw deflate), so no new dependency.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::journey {

std::string deflate_text(std::string_view text);

// nullopt when `data` is not what deflate_text made, or would inflate beyond
// `max_size` bytes.
std::optional<std::string> inflate_text(std::string_view data, std::size_t max_size);

}  // namespace safesurvey::journey
