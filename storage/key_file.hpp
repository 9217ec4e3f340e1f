// The key-encryption key (KEK) and the file that holds it.
//
// The KEK never enters the database or a backup. It lives in a file of its own
// ("safesurvey-kek-v1:" + 64 hex digits), owned by the service's user with mode
// 0600; a file that group or others could read is refused rather than used. In
// memory it sits in locked SecretBytes, and reading it turns core dumps off so
// that a crash cannot write it to disk.
#pragma once

#include <filesystem>
#include <string>

#include "storage/result.hpp"
#include "storage/secret_bytes.hpp"

namespace safesurvey::storage {

struct KeyEncryptionKey {
    SecretBytes key;
    // A short public fingerprint (BLAKE2b of the key, 64 bits in hex) that is
    // stored beside every wrapped data key, so a wrong key file is recognised
    // by name at start instead of producing failed decryptions later.
    std::string id;
};

// The environment variable that names the key file when the configuration
// does not. It carries a path, not the key: environments leak into /proc,
// child processes and crash reports.
inline constexpr const char* kKeyFileEnvironmentVariable = "SAFESURVEY_KEY_FILE";

// The configured key file if set, else $SAFESURVEY_KEY_FILE, else DATA_DIR/kek.key.
std::filesystem::path resolve_key_file(const std::filesystem::path& configured,
                                       const std::filesystem::path& data_dir);

KeyEncryptionKey generate_kek();
std::string kek_id_of(const SecretBytes& key);

// Reads and checks a key file: it must exist, belong to this user, have no
// group or other permissions, and hold a well-formed key. Errors are
// `key_problem` with the command that fixes them.
Result<KeyEncryptionKey> read_key_file(const std::filesystem::path& path);

// Creates `path` (which must not exist) with mode 0600 and the key, and makes
// it durable (fsync of the file and its folder) before returning.
Status create_key_file(const std::filesystem::path& path, const SecretBytes& key);

// Stops this process from writing core dumps and from being ptrace-attached by
// other processes of the same user. Called whenever a KEK is loaded.
void disable_core_dumps();

// fsync of a folder, so that a rename or a new file in it survives power loss.
Status sync_directory(const std::filesystem::path& dir);

}  // namespace safesurvey::storage
