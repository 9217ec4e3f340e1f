#include "storage/key_store.hpp"

#include <cstdio>
#include <system_error>

#include "storage/calendar.hpp"
#include "storage/key_store_internal.hpp"
#include "storage/random_id.hpp"
#include "storage/sealed_box.hpp"

namespace safesurvey::storage {

namespace key_store_internal {

constexpr int kKeyStoreVersion = 1;

constexpr const char* kCreateV1 = R"sql(
CREATE TABLE IF NOT EXISTS data_keys (
    key_id       TEXT PRIMARY KEY,
    survey_id    TEXT NOT NULL,
    cohort       TEXT NOT NULL,
    kek_id       TEXT,          -- NULL once destroyed
    wrapped      BLOB,          -- NULL once destroyed
    created_on   TEXT NOT NULL,
    destroyed_on TEXT,
    UNIQUE (survey_id, cohort)
) WITHOUT ROWID;
PRAGMA user_version = 1;
)sql";

constexpr const char* kSelectColumns =
    "SELECT key_id, survey_id, cohort, kek_id, wrapped FROM data_keys ";

}  // namespace key_store_internal

namespace {
std::string cache_name(const std::string& survey_id, Cohort cohort) {
    return survey_id + '\n' + cohort_name(cohort);
}

}  // namespace

namespace key_store_internal {

SealedPlace wrap_place(const std::string& key_id, const std::string& survey_id,
                       const std::string& cohort, const std::string& kek_id) {
    return {survey_id, key_id, cohort, 0, kek_id};
}

Result<std::unique_ptr<Connection>> open_key_database(const std::filesystem::path& path) {
    auto db = Connection::open(path, Connection::Mode::read_write_create);
    if (!db) return db.error();
    if (auto s = make_durable(**db); !s) return s.error();
    auto version = (*db)->scalar("PRAGMA user_version", "reading the key store version");
    if (!version) return version.error();
    const int found = std::stoi(*version);
    if (found > kKeyStoreVersion)
        return Error{ErrorKind::newer_schema,
                     "key store " + path.string() +
                         " was written by a newer safesurvey "
                         "(version " +
                         *version + "); run that version or restore a matching backup"};
    if (found < 1) {
        if (auto s = (*db)->exec(kCreateV1, "creating the key store"); !s) return s.error();
    }
    return std::move(*db);
}

KekUsage kek_usage(Connection& db) {
    KekUsage usage;
    auto& any = db.cached("SELECT count(*) FROM data_keys");
    if (any.step() == SQLITE_ROW) usage.ever_used = any.integer(0) > 0;
    any.reset();
    auto& ids = db.cached("SELECT DISTINCT kek_id FROM data_keys WHERE kek_id IS NOT NULL");
    while (ids.step() == SQLITE_ROW) usage.kek_ids.push_back(ids.text(0));
    ids.reset();
    return usage;
}

std::filesystem::path pending_key_file(const std::filesystem::path& key_file) {
    return key_file.string() + ".new";
}

}  // namespace key_store_internal

using namespace key_store_internal;

namespace {

Result<KeyEncryptionKey> load_or_create_kek(const std::filesystem::path& key_file,
                                            const KekUsage& usage) {
    std::error_code ec;
    if (!std::filesystem::exists(key_file, ec) && !usage.ever_used) {
        KeyEncryptionKey kek = generate_kek();
        if (auto s = create_key_file(key_file, kek.key); !s) return s.error();
        return kek;
    }
    return read_key_file(key_file);
}

}  // namespace

Status key_store_internal::check_kek_matches(const KeyEncryptionKey& kek, const KekUsage& usage,
                                             const std::filesystem::path& key_file) {
    for (const auto& id : usage.kek_ids) {
        if (id == kek.id) continue;
        auto pending = read_key_file(pending_key_file(key_file));
        if (pending && pending->id == id)
            return Error{ErrorKind::key_problem,
                         "a key rotation was interrupted after re-wrapping the data keys; run "
                         "'safesurvey keys rotate' again to finish it"};
        return Error{ErrorKind::key_problem,
                     "key file " + key_file.string() + " holds key " + kek.id +
                         ", but the data keys were wrapped by key " + id +
                         "; restore the key file that belongs to this data folder"};
    }
    return ok_status();
}

const char* cohort_name(Cohort cohort) {
    return cohort == Cohort::referred ? "referred" : "standard";
}

Result<std::unique_ptr<KeyStore>> KeyStore::open(const std::filesystem::path& db_path,
                                                 const std::filesystem::path& key_file,
                                                 const Clock& clock) {
    auto db = open_key_database(db_path);
    if (!db) return db.error();
    const KekUsage usage = kek_usage(**db);
    auto kek = load_or_create_kek(key_file, usage);
    if (!kek) return kek.error();
    if (auto s = check_kek_matches(*kek, usage, key_file); !s) return s.error();
    std::unique_ptr<KeyStore> store(new KeyStore(std::move(*db), std::move(*kek), clock));
    // Unwrap one live key now: a key file whose id matches but whose bytes do
    // not (tampering) must fail at start, not at the first read.
    auto& first =
        store->db_->cached(std::string(kSelectColumns) + "WHERE wrapped IS NOT NULL LIMIT 1");
    if (first.step() == SQLITE_ROW) {
        auto key = store->unwrap_row(first);
        first.reset();
        if (!key) return key.error();
    }
    first.reset();
    return store;
}

Result<std::shared_ptr<const DataKey>> KeyStore::unwrap_row(Statement& row) {
    const std::string key_id = row.text(0), survey = row.text(1), cohort = row.text(2);
    if (row.is_null(4))
        return Error{ErrorKind::retention_ended, "the data key " + key_id + " of survey " + survey +
                                                     " was destroyed when its retention ended"};
    auto key =
        open_sealed_key(kek_.key, row.blob(4), wrap_place(key_id, survey, cohort, row.text(3)));
    if (!key) return key.error();
    auto dek = std::make_shared<DataKey>(
        DataKey{key_id, survey, cohort == "referred" ? Cohort::referred : Cohort::standard,
                std::move(*key)});
    cache_[key_id] = dek;
    cache_[cache_name(survey, dek->cohort)] = dek;
    return std::shared_ptr<const DataKey>(dek);
}

Result<std::shared_ptr<const DataKey>> KeyStore::key_for(const std::string& survey_id,
                                                         Cohort cohort) {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(cache_name(survey_id, cohort)); it != cache_.end()) return it->second;
    auto& find = db_->cached(std::string(kSelectColumns) + "WHERE survey_id = ? AND cohort = ?");
    find.bind(1, survey_id).bind(2, cohort_name(cohort));
    if (find.step() == SQLITE_ROW) {
        auto key = unwrap_row(find);
        find.reset();
        return key;
    }
    find.reset();
    // First use: a fresh random key, wrapped, committed (durably) before any
    // value is sealed under it.
    const std::string key_id = random_hex_id();
    SecretBytes key = SecretBytes::random(kDataKeyBytes);
    const std::string wrapped =
        seal_key(kek_.key, key, wrap_place(key_id, survey_id, cohort_name(cohort), kek_.id));
    auto& insert = db_->cached(
        "INSERT INTO data_keys (key_id, survey_id, cohort, kek_id, wrapped, created_on) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, key_id).bind(2, survey_id).bind(3, cohort_name(cohort)).bind(4, kek_.id);
    insert.bind_blob(5, {reinterpret_cast<const unsigned char*>(wrapped.data()), wrapped.size()});
    insert.bind(6, format_date(clock_.today()));
    if (auto s = insert.run("storing a new data key"); !s) return s.error();
    // New keys are rare; moving them into keys.db's main file at once means a
    // copy of that one file (an operator's replica) always holds every key.
    (void)db_->exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing the key store");
    auto dek = std::make_shared<DataKey>(DataKey{key_id, survey_id, cohort, std::move(key)});
    cache_[key_id] = dek;
    cache_[cache_name(survey_id, cohort)] = dek;
    return std::shared_ptr<const DataKey>(dek);
}

std::shared_ptr<const DataKey> KeyStore::cached_key_for(const std::string& survey_id,
                                                        Cohort cohort) {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(cache_name(survey_id, cohort));
    return it == cache_.end() ? nullptr : it->second;
}

Result<std::shared_ptr<const DataKey>> KeyStore::key_by_id(const std::string& key_id) {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key_id); it != cache_.end()) return it->second;
    auto& find = db_->cached(std::string(kSelectColumns) + "WHERE key_id = ?");
    find.bind(1, key_id);
    if (find.step() != SQLITE_ROW) {
        find.reset();
        return Error{ErrorKind::key_problem,
                     "data key " + key_id + " is not in the key store; was keys.db replaced?"};
    }
    auto key = unwrap_row(find);
    find.reset();
    return key;
}

Result<std::string> KeyStore::live_key_id(const std::string& survey_id, Cohort cohort) {
    std::lock_guard lock(mutex_);
    auto& find = db_->cached(
        "SELECT key_id FROM data_keys WHERE survey_id = ? AND cohort = ? AND wrapped IS NOT NULL");
    find.bind(1, survey_id).bind(2, cohort_name(cohort));
    std::string id = find.step() == SQLITE_ROW ? find.text(0) : std::string();
    find.reset();
    return id;
}

Result<std::string> KeyStore::destroy(const std::string& survey_id, Cohort cohort) {
    std::lock_guard lock(mutex_);
    auto& find = db_->cached(
        "SELECT key_id FROM data_keys WHERE survey_id = ? AND cohort = ? AND wrapped IS NOT NULL");
    find.bind(1, survey_id).bind(2, cohort_name(cohort));
    const std::string id = find.step() == SQLITE_ROW ? find.text(0) : std::string();
    find.reset();
    if (!id.empty()) {
        auto& wipe = db_->cached(
            "UPDATE data_keys SET wrapped = NULL, kek_id = NULL, destroyed_on = ? WHERE key_id = "
            "?");
        wipe.bind(1, format_date(clock_.today())).bind(2, id);
        if (auto s = wipe.run("destroying a data key"); !s) return s.error();
    } else {
        // Record a destroyed cohort that never had a key, so none is created later.
        auto& mark = db_->cached(
            "INSERT OR IGNORE INTO data_keys (key_id, survey_id, cohort, created_on, destroyed_on) "
            "VALUES (?, ?, ?, ?, ?)");
        const std::string today = format_date(clock_.today());
        mark.bind(1, random_hex_id()).bind(2, survey_id).bind(3, cohort_name(cohort));
        mark.bind(4, today).bind(5, today);
        if (auto s = mark.run("recording a destroyed cohort"); !s) return s.error();
    }
    // Forget the unwrapped copy too (SecretBytes wipes it when the last user lets go).
    for (auto it = cache_.begin(); it != cache_.end();) {
        if (it->second->survey_id == survey_id && it->second->cohort == cohort)
            it = cache_.erase(it);
        else
            ++it;
    }
    return id;
}

Result<std::vector<DataKeyRecord>> KeyStore::list() {
    std::lock_guard lock(mutex_);
    auto& rows = db_->cached(
        "SELECT key_id, survey_id, cohort, ifnull(kek_id, ''), created_on, "
        "ifnull(destroyed_on, '') FROM data_keys ORDER BY survey_id, cohort");
    std::vector<DataKeyRecord> out;
    while (rows.step() == SQLITE_ROW)
        out.push_back(
            {rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5)});
    rows.reset();
    return out;
}

Status KeyStore::checkpoint() {
    std::lock_guard lock(mutex_);
    return db_->exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing the key store");
}

}  // namespace safesurvey::storage
