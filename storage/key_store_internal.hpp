// Pieces of key_store.cpp that key_rotation.cpp shares. Not for other areas.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/key_file.hpp"
#include "storage/sealed_box.hpp"
#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage::key_store_internal {

struct KekUsage {
    std::vector<std::string> kek_ids;  // distinct KEK ids of live keys
    bool ever_used = false;            // the store has held at least one key
};

Result<std::unique_ptr<Connection>> open_key_database(const std::filesystem::path& path);
KekUsage kek_usage(Connection& db);
std::filesystem::path pending_key_file(const std::filesystem::path& key_file);
SealedPlace wrap_place(const std::string& key_id, const std::string& survey_id,
                       const std::string& cohort, const std::string& kek_id);
Status check_kek_matches(const KeyEncryptionKey& kek, const KekUsage& usage,
                         const std::filesystem::path& key_file);

}  // namespace safesurvey::storage::key_store_internal
