// Authenticated encryption of one stored value (answers, a triage result, a
// draft, a wrapped data key) with XChaCha20-Poly1305-IETF.
//
// Layout: 1 format byte | 24-byte random nonce | ciphertext + 16-byte tag.
// Nonces are random for every seal: 192 bits make a collision negligible even
// for billions of values under one key, which a counter cannot promise across
// processes and restores.
//
// The associated data names where the value belongs (survey, record id, field,
// schema version, key id). It is not stored in the blob but rebuilt from the
// row when opening, so a ciphertext copied into another row, field or key id
// fails to open instead of returning someone else's answers.
#pragma once

#include <string>
#include <string_view>

#include "storage/result.hpp"
#include "storage/secret_bytes.hpp"

namespace safesurvey::storage {

inline constexpr std::size_t kDataKeyBytes = 32;

struct SealedPlace {
    std::string_view survey_id;
    std::string_view record_id;  // response id, draft code hash, data-key id...
    std::string_view field;      // "answers", "triage", "draft", "dek"
    long schema_version;         // the survey definition's version (0 where none)
    std::string_view key_id;     // id of the key that sealed it
};

std::string associated_data(const SealedPlace& place);

// Returns the sealed blob. `key` must hold kDataKeyBytes bytes.
std::string seal(const SecretBytes& key, std::string_view plaintext, const SealedPlace& place);

// The plaintext, or a `corrupt` Error when the blob was altered, moved to
// another place or sealed under another key. Never partial or wrong data.
Result<std::string> open_sealed(const SecretBytes& key, std::string_view sealed,
                                const SealedPlace& place);

// Variants for key material: the plaintext lands in locked memory.
std::string seal_key(const SecretBytes& kek, const SecretBytes& key, const SealedPlace& place);
Result<SecretBytes> open_sealed_key(const SecretBytes& kek, std::string_view sealed,
                                    const SealedPlace& place);

}  // namespace safesurvey::storage
