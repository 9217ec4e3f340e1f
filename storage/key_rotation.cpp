// `safesurvey keys rotate`: replace the KEK, re-wrapping every live data key.
// Responses are untouched: they are sealed under data keys, which do not change.
#include <cstdio>
#include <system_error>

#include "storage/key_store.hpp"
#include "storage/key_store_internal.hpp"

namespace safesurvey::storage {

using namespace key_store_internal;

namespace {

// A pending KEY_FILE.new that already wraps every live key means an earlier
// run re-wrapped and then stopped before the rename: finish it.
Result<bool> finish_earlier_rotation(const std::filesystem::path& key_file, const KekUsage& usage) {
    const auto pending_path = pending_key_file(key_file);
    std::error_code ec;
    if (!std::filesystem::exists(pending_path, ec)) return false;
    auto pending = read_key_file(pending_path);
    bool all_pending = pending && !usage.kek_ids.empty();
    for (const auto& id : usage.kek_ids) all_pending = all_pending && pending && id == pending->id;
    if (!all_pending) {
        // An earlier run stopped before re-wrapping anything: its new key was never used.
        std::filesystem::remove(pending_path, ec);
        return false;
    }
    if (std::rename(pending_path.c_str(), key_file.c_str()) != 0)
        return Error{ErrorKind::unavailable,
                     "cannot rename " + pending_path.string() + " to " + key_file.string()};
    if (auto s = sync_directory(key_file.parent_path()); !s) return s.error();
    return true;
}

Result<int> rewrap_all(Connection& db, const KeyEncryptionKey& from, const KeyEncryptionKey& to) {
    if (auto s = db.exec("BEGIN IMMEDIATE", "starting the key rotation"); !s) return s.error();
    auto& rows = db.cached(
        "SELECT key_id, survey_id, cohort, kek_id, wrapped FROM data_keys WHERE wrapped IS NOT "
        "NULL");
    struct Rewrapped {
        std::string key_id, wrapped;
    };
    std::vector<Rewrapped> updates;
    while (rows.step() == SQLITE_ROW) {
        const std::string id = rows.text(0), survey = rows.text(1), cohort = rows.text(2);
        auto key = open_sealed_key(from.key, rows.blob(4), wrap_place(id, survey, cohort, from.id));
        if (!key) {
            rows.reset();
            (void)db.exec("ROLLBACK", "abandoning the key rotation");
            return key.error();
        }
        updates.push_back({id, seal_key(to.key, *key, wrap_place(id, survey, cohort, to.id))});
    }
    rows.reset();
    auto& update = db.cached("UPDATE data_keys SET wrapped = ?, kek_id = ? WHERE key_id = ?");
    for (const auto& u : updates) {
        update.bind_blob(
            1, {reinterpret_cast<const unsigned char*>(u.wrapped.data()), u.wrapped.size()});
        update.bind(2, to.id).bind(3, u.key_id);
        if (auto s = update.run("re-wrapping a data key"); !s) {
            (void)db.exec("ROLLBACK", "abandoning the key rotation");
            return s.error();
        }
    }
    if (auto s = db.exec("COMMIT", "committing the key rotation"); !s) {
        (void)db.exec("ROLLBACK", "abandoning the key rotation");
        return s.error();
    }
    return static_cast<int>(updates.size());
}

}  // namespace

Result<KeyStore::Rotation> KeyStore::rotate(const std::filesystem::path& db_path,
                                            const std::filesystem::path& key_file, const Clock&) {
    auto db = open_key_database(db_path);
    if (!db) return db.error();
    const KekUsage usage = kek_usage(**db);
    Rotation report;
    auto finished = finish_earlier_rotation(key_file, usage);
    if (!finished) return finished.error();
    auto current = read_key_file(key_file);
    if (!current) return current.error();
    if (*finished) {
        report.completed_earlier_run = true;
        report.new_kek_id = current->id;
        return report;
    }
    if (auto s = check_kek_matches(*current, usage, key_file); !s) return s.error();

    KeyEncryptionKey next = generate_kek();
    const auto pending_path = pending_key_file(key_file);
    if (auto s = create_key_file(pending_path, next.key); !s) return s.error();
    auto count = rewrap_all(**db, *current, next);
    if (!count) {
        std::error_code ec;
        std::filesystem::remove(pending_path, ec);
        return count.error();
    }
    if (std::rename(pending_path.c_str(), key_file.c_str()) != 0)
        return Error{ErrorKind::unavailable,
                     "the data keys are re-wrapped but " + pending_path.string() +
                         " could not be renamed; run 'safesurvey keys rotate' again"};
    if (auto s = sync_directory(key_file.has_parent_path() ? key_file.parent_path() : "."); !s)
        return s.error();
    // Old wrapped copies must not linger in the WAL.
    (void)(*db)->exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing the key store");
    report.old_kek_id = current->id;
    report.new_kek_id = next.id;
    report.rewrapped = *count;
    return report;
}

}  // namespace safesurvey::storage
