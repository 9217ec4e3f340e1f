// The data keys (DEKs): one per survey and retention cohort, kept only
// wrapped (sealed) by the key-encryption key, in their own small database
// `keys.db` beside the response database.
//
// Why a separate file: a backup of the response database then carries no key
// material at all, not even wrapped keys. When the retention job destroys a
// cohort's data key here, every earlier backup of that cohort's responses
// becomes unreadable (crypto-shredding), because the only wrapped copy of the
// key was in this file, overwritten with secure_delete and checkpointed away.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/clock.hpp"
#include "storage/key_file.hpp"
#include "storage/result.hpp"
#include "storage/secret_bytes.hpp"
#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage {

// Responses whose retention is extended (referred to a local authority) are
// sealed under a different key from the rest of their survey, so each group
// can be shredded on its own date.
enum class Cohort { standard, referred };
const char* cohort_name(Cohort cohort);

struct DataKey {
    std::string id;  // 128-bit random hex; stored beside every ciphertext
    std::string survey_id;
    Cohort cohort;
    SecretBytes key;
};

// What `keys list` and the retention log show: ids and dates, never key bytes.
struct DataKeyRecord {
    std::string id;
    std::string survey_id;
    std::string cohort;
    std::string kek_id;  // empty once destroyed
    std::string created_on;
    std::string destroyed_on;  // empty while live
};

class KeyStore {
  public:
    // Opens (creating when new) keys.db and checks the KEK against it. When the
    // key store has never held a key and `key_file` does not exist, a new KEK is
    // created there (mode 0600). Any other mismatch is a `key_problem` Error
    // naming the file and what to do.
    static Result<std::unique_ptr<KeyStore>> open(const std::filesystem::path& db_path,
                                                  const std::filesystem::path& key_file,
                                                  const Clock& clock);

    // The live key of a survey cohort, created on first use. A cohort whose key
    // was destroyed by the retention job gets a `retention_ended` Error.
    Result<std::shared_ptr<const DataKey>> key_for(const std::string& survey_id, Cohort cohort);
    // The live key of a survey cohort if it is already unwrapped in memory,
    // else null. Never touches the database or waits for a disk, so callers
    // that must not block (a network thread sealing a submission) can use it.
    std::shared_ptr<const DataKey> cached_key_for(const std::string& survey_id, Cohort cohort);
    // The key that sealed a stored value; `retention_ended` if it was destroyed.
    Result<std::shared_ptr<const DataKey>> key_by_id(const std::string& key_id);

    // The live key id of a cohort, or empty when it has none (never created, or destroyed).
    Result<std::string> live_key_id(const std::string& survey_id, Cohort cohort);
    // Overwrites the wrapped key and forgets it; afterwards nothing sealed under
    // it can be opened, in this database or any backup. Returns the destroyed key id
    // (empty when there was no live key).
    Result<std::string> destroy(const std::string& survey_id, Cohort cohort);

    Result<std::vector<DataKeyRecord>> list();
    const std::string& kek_id() const { return kek_.id; }

    // Re-wraps every live data key under a freshly generated KEK and replaces
    // the key file, without touching responses. Crash-safe and safe to repeat:
    // the new key is written to KEY_FILE.new first, the keys are re-wrapped in
    // one transaction, then the file is renamed over the old one; a run that
    // finds a finished re-wrap with a pending .new file completes the rename.
    struct Rotation {
        std::string old_kek_id, new_kek_id;
        int rewrapped = 0;
        bool completed_earlier_run = false;
    };
    static Result<Rotation> rotate(const std::filesystem::path& db_path,
                                   const std::filesystem::path& key_file, const Clock& clock);

    // Checkpoints keys.db's WAL into the file and truncates it, so destroyed
    // keys do not linger in the log.
    Status checkpoint();

  private:
    KeyStore(std::unique_ptr<Connection> db, KeyEncryptionKey kek, const Clock& clock)
        : db_(std::move(db)), kek_(std::move(kek)), clock_(clock) {}
    Result<std::shared_ptr<const DataKey>> unwrap_row(Statement& row);

    std::mutex mutex_;  // guards db_ and cache_
    std::unique_ptr<Connection> db_;
    KeyEncryptionKey kek_;
    const Clock& clock_;
    std::unordered_map<std::string, std::shared_ptr<const DataKey>> cache_;  // by key id
};

}  // namespace safesurvey::storage
