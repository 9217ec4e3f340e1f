// Random identifiers. Response, distribution and data-key ids are 128 bits
// from the operating system's CSPRNG, written as 32 lowercase hex digits:
// unguessable, and (unlike a rowid) they say nothing about arrival order.
#pragma once

#include <string>
#include <string_view>

namespace safesurvey::storage {

// `bytes` random bytes as lowercase hex (default 16 bytes = 128 bits).
std::string random_hex_id(std::size_t bytes = 16);

// A URL-safe random token for links (base64url without padding, 160 bits).
std::string random_link_token();

// BLAKE2b-256 of `text`, keyed by a purpose label so hashes of one kind of
// secret cannot be mistaken for another. Used for resume codes and submission
// keys, which are stored only as hashes.
std::string labelled_hash(std::string_view label, std::string_view text);

// Lowercase hex of raw bytes.
std::string to_hex(std::string_view bytes);

}  // namespace safesurvey::storage
