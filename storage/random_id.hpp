// Random identifiers. Response, distribution and data-key ids are 128 bits
// from the operating system's CSPRNG, written as 32 lowercase hex digits:
// unguessable, and (unlike a rowid) they say nothing about arrival order.
#pragma once

#include <cstdint>
#include <optional>
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

// A response id: 128 random bits, shown as 32 lowercase hex digits like the
// other ids, stored as two integers. `high` (the first 16 digits) is the
// responses table's rowid, so the table is ordered by a random key and needs
// no separate index on the id (schema version 4).
struct ResponseId {
    std::int64_t high = 0;
    std::int64_t low = 0;
    std::string hex() const;
};
ResponseId random_response_id();
// The id written as 32 lowercase hex digits, or nothing for anything else.
std::optional<ResponseId> parse_response_id(std::string_view hex);
// Exactly 16 lowercase hex digits as the 64-bit integer they spell (two's
// complement), or nothing.
std::optional<std::int64_t> parse_hex64(std::string_view hex);

}  // namespace safesurvey::storage
