// The server key that seals drafts (and receipts), kept in its own
// file in the data folder (created with mode 0600 on first run) so that a draft
// in someone's open tab still opens after a restart or a deploy.
//
// Why not derive it from the storage key-encryption key: `safesurvey keys
// rotate` replaces that key, and every draft and resume code in flight would
// then stop working for a reason no respondent could understand. Losing or
// replacing this file costs only unsent drafts, never stored responses.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "server/journey/draft_sealer.hpp"

namespace safesurvey::journey {

struct DraftKeys {
    DraftKey sealing;  // XChaCha20-Poly1305 key for draft and receipt tokens
};

struct DraftKeysLoad {
    std::optional<DraftKeys> keys;
    std::string error;  // set when keys is empty: names the file and the fix
};

// Reads `path`, or creates it when it does not exist. Refuses a file that group
// or others may read, or that is not exactly what this function writes.
DraftKeysLoad load_or_create_draft_keys(const std::filesystem::path& path);

}  // namespace safesurvey::journey
