#include "storage/store.hpp"

#include <system_error>

#include "storage/random_id.hpp"
#include "storage/schema.hpp"

namespace safesurvey::storage {

namespace {

constexpr auto kPrivateFile =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;

Status prepare_data_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::create_directories(dir, ec))
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (ec || !std::filesystem::is_directory(dir))
        return Error{ErrorKind::unavailable, "cannot create the data folder " + dir.string() +
                                                 (ec ? ": " + ec.message() : "")};
    return ok_status();
}

Error damaged(const std::filesystem::path& path, const std::string& detail) {
    return {ErrorKind::corrupt,
            "the database " + path.string() + " is damaged (" + detail +
                "). Stop the service, keep the damaged file for investigation, and restore the "
                "latest backup as docs/security.md (Restoring a backup) describes"};
}

Result<std::unique_ptr<Connection>> open_writer(const std::filesystem::path& path,
                                                bool check_integrity) {
    auto db = Connection::open(path, Connection::Mode::read_write_create);
    if (!db) return db.error();
    if (auto s = make_durable(**db); !s) {
        if (s.error().kind == ErrorKind::corrupt) return damaged(path, s.error().message);
        return s.error();
    }
    if (check_integrity) {
        auto verdict = (*db)->scalar("PRAGMA integrity_check", "checking the database");
        if (!verdict) return damaged(path, verdict.error().message);
        if (*verdict != "ok") return damaged(path, "integrity_check: " + *verdict);
    }
    if (auto s = migrate(**db); !s) return s.error();
    if (auto s = tune_for_writing(**db); !s) return s.error();
    return std::move(*db);
}

// The checkpointer's own connection (checkpointer.hpp). synchronous=FULL
// matters here too: a checkpoint syncs the database file before the WAL it
// copied may be overwritten.
Result<std::unique_ptr<Connection>> open_checkpointer(const std::filesystem::path& path) {
    auto db = Connection::open(path, Connection::Mode::read_write);
    if (!db) return db.error();
    if (auto s = make_durable(**db); !s) return s.error();
    return std::move(*db);
}

Result<bool> has_responses(Connection& db) {
    auto count = db.scalar("SELECT count(*) FROM responses", "counting responses");
    if (!count) return count.error();
    return *count != "0";
}

Distribution distribution_from(Statement& row) {
    Distribution d;
    d.id = row.text(0);
    d.survey_id = row.text(1);
    d.area = row.text(2);
    d.token = row.text(3);
    d.opens_at = parse_instant(row.text(4)).value_or(Instant{});
    d.closes_at = parse_instant(row.text(5)).value_or(Instant{});
    d.closed = row.integer(6) != 0;
    return d;
}

constexpr const char* kDistributionColumns =
    "SELECT id, survey_id, area, token, opens_at, closes_at, closed FROM distributions ";

}  // namespace

Result<std::unique_ptr<Store>> Store::open(StoreOptions options) {
    if (auto s = prepare_data_dir(options.data_dir); !s) return s.error();
    std::unique_ptr<Store> store(new Store());
    if (options.exclusive) {
        auto lock = DataDirLock::acquire(options.data_dir);
        if (!lock) return lock.error();
        store->lock_.emplace(std::move(*lock));
    }
    if (options.clock == nullptr) {
        store->system_clock_ = std::make_unique<SystemClock>();
        options.clock = store->system_clock_.get();
    }
    store->clock_ = options.clock;
    store->db_path_ = options.data_dir / "safesurvey.db";
    const auto keys_path = options.data_dir / "keys.db";
    std::error_code ec;
    const bool had_key_store = std::filesystem::exists(keys_path, ec);

    auto writer = open_writer(store->db_path_, options.check_integrity);
    if (!writer) return writer.error();
    // Metadata is plain, so the files are the service user's alone (SQLite
    // gives its -wal and -shm files the database file's mode).
    std::filesystem::permissions(store->db_path_, kPrivateFile, ec);
    auto populated = has_responses(**writer);
    if (!populated) return populated.error();
    if (*populated && !had_key_store)
        return Error{ErrorKind::key_problem,
                     "the key store " + keys_path.string() +
                         " is missing but the database holds responses; restore keys.db to the "
                         "data folder (without it no response can be read)"};
    const auto key_file =
        options.key_file.empty() ? resolve_key_file({}, options.data_dir) : options.key_file;
    auto keys = KeyStore::open(keys_path, key_file, *store->clock_);
    if (!keys) return keys.error();
    std::filesystem::permissions(keys_path, kPrivateFile, ec);
    store->keys_ = std::move(*keys);
    store->readers_ = std::make_unique<ReaderPool>(store->db_path_);
    auto checkpointer = open_checkpointer(store->db_path_);
    if (!checkpointer) return checkpointer.error();
    store->writer_ = std::make_unique<WriteQueue>(std::move(*writer), std::move(*checkpointer),
                                                  options.max_batch);
    return store;
}

Store::~Store() {
    writer_.reset();  // drains the queue before the key store goes away
}

Status Store::register_survey(const std::string& survey_id, RetentionRule rule) {
    if (survey_id.empty()) return Error{ErrorKind::invalid_input, "the survey id is empty"};
    if (rule.years_after_report < 0 || rule.years_after_report > 100)
        return Error{ErrorKind::invalid_input, "retention must be between 0 and 100 years"};
    return writer_->run([&](Connection& db) {
        auto& upsert = db.cached(
            "INSERT INTO surveys (id, retention_years) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET retention_years = excluded.retention_years");
        upsert.bind(1, survey_id).bind(2, std::int64_t{rule.years_after_report});
        return upsert.run("recording a survey");
    });
}

Status Store::set_report_date(const std::string& survey_id, Date report_date) {
    if (survey_id.empty()) return Error{ErrorKind::invalid_input, "the survey id is empty"};
    return writer_->run([&](Connection& db) {
        auto& upsert = db.cached(
            "INSERT INTO surveys (id, report_date) VALUES (?, ?) "
            "ON CONFLICT (id) DO UPDATE SET report_date = excluded.report_date");
        upsert.bind(1, survey_id).bind(2, format_date(report_date));
        return upsert.run("recording the report date");
    });
}

Result<std::vector<SurveyRecord>> Store::surveys() {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& rows = (*db)->cached(
        "SELECT id, retention_years, ifnull(report_date, '') FROM surveys ORDER BY id");
    std::vector<SurveyRecord> out;
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW)
        out.push_back(
            {rows.text(0), {static_cast<int>(rows.integer(1))}, parse_date(rows.text(2))});
    rows.reset();
    if (rc != SQLITE_DONE) return sqlite_error(rc, "listing surveys", (*db)->handle());
    return out;
}

Result<Distribution> Store::add_distribution(const NewDistribution& d) {
    if (d.area.empty()) return Error{ErrorKind::invalid_input, "the area name is empty"};
    if (d.closes_at <= d.opens_at)
        return Error{ErrorKind::invalid_input, "the closing time must be after the opening time"};
    Distribution out{random_hex_id(), d.survey_id, d.area, random_link_token(),
                     d.opens_at,      d.closes_at, false};
    auto status = writer_->run([&](Connection& db) {
        auto& insert = db.cached(
            "INSERT INTO distributions (id, survey_id, area, token, opens_at, closes_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(1, out.id).bind(2, out.survey_id).bind(3, out.area).bind(4, out.token);
        insert.bind(5, format_instant(out.opens_at)).bind(6, format_instant(out.closes_at));
        return insert.run("adding a distribution");
    });
    if (!status) {
        if (status.error().kind == ErrorKind::invalid_input)
            return Error{ErrorKind::invalid_input,
                         "unknown survey '" + d.survey_id + "' (register it first)"};
        return status.error();
    }
    return out;
}

Result<std::vector<Distribution>> Store::distributions(const std::string& survey_id) {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& rows = (*db)->cached(std::string(kDistributionColumns) +
                               "WHERE ?1 = '' OR survey_id = ?1 ORDER BY survey_id, area, id");
    rows.bind(1, survey_id);
    std::vector<Distribution> out;
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) out.push_back(distribution_from(rows));
    rows.reset();
    if (rc != SQLITE_DONE) return sqlite_error(rc, "listing distributions", (*db)->handle());
    return out;
}

Status Store::close_distribution(const std::string& distribution_id) {
    bool found = false;
    auto status = writer_->run([&](Connection& db) {
        auto& close = db.cached("UPDATE distributions SET closed = 1 WHERE id = ?");
        close.bind(1, distribution_id);
        auto s = close.run("closing a distribution");
        found = db.changes() > 0;
        return s;
    });
    if (status && !found)
        return Error{ErrorKind::not_found, "no distribution has id '" + distribution_id + "'"};
    return status;
}

Result<Distribution> Store::find_distribution_by_token(const std::string& token) {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& row = (*db)->cached(std::string(kDistributionColumns) + "WHERE token = ?");
    row.bind(1, token);
    const int rc = row.step();
    if (rc == SQLITE_ROW) {
        Distribution d = distribution_from(row);
        row.reset();
        return d;
    }
    row.reset();
    if (rc != SQLITE_DONE) return sqlite_error(rc, "finding a distribution", (*db)->handle());
    return Error{ErrorKind::not_found, "no survey link matches"};
}

Status Store::checkpoint() {
    auto main = writer_->run_alone([](Connection& db) {
        return db.exec("PRAGMA wal_checkpoint(TRUNCATE)", "checkpointing the database");
    });
    if (!main) return main;
    return keys_->checkpoint();
}

}  // namespace safesurvey::storage
