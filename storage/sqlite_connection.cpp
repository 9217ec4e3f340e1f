#include "storage/sqlite_connection.hpp"

#include <stdexcept>

namespace safesurvey::storage {

Error sqlite_error(int rc, std::string_view what, sqlite3* db) {
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string message = std::string(what) + ": " + detail;
    switch (rc & 0xff) {
        case SQLITE_FULL:
            return {ErrorKind::unavailable, message + " (the disk is full)"};
        case SQLITE_READONLY:
            return {ErrorKind::unavailable, message + " (the database is read-only)"};
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_NOMEM:
            return {ErrorKind::unavailable, message};
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return {ErrorKind::corrupt, message};
        case SQLITE_CONSTRAINT:
        case SQLITE_MISMATCH:
        case SQLITE_RANGE:
            return {ErrorKind::invalid_input, message};
        default:
            return {ErrorKind::unavailable, message};
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        // Our SQL is constant and the schema is migrated before use, so this is a bug
        // (or a database changed under us): exceptional, not an expected failure.
        throw std::logic_error("cannot prepare '" + std::string(sql) + "': " + sqlite3_errmsg(db));
    }
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
    sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t number) {
    sqlite3_bind_int64(stmt_, index, number);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

int Statement::step() {
    return sqlite3_step(stmt_);
}

Status Statement::run(std::string_view what) {
    int rc;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt_);
    if (rc != SQLITE_DONE) return sqlite_error(rc, what, db_);
    return ok_status();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (p == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    if (p == nullptr) return {};
    return std::string(static_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
        case Mode::read_write_create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
        case Mode::read_write:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case Mode::read_only:
            flags |= SQLITE_OPEN_READONLY;
            break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqlite_error(rc, "cannot open " + path.string(), db);
        sqlite3_close_v2(db);
        return error;
    }
    // Waits instead of failing when another connection briefly holds a lock
    // (WAL recovery, a checkpoint, the CLI running beside the server).
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
    cache_.clear();  // statements must be finalized before the connection closes
    sqlite3_close_v2(db_);
}

Status Connection::exec(std::string_view sql, std::string_view what) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(rc, what, db_);
    return ok_status();
}

Result<std::string> Connection::scalar(std::string_view sql, std::string_view what) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqlite_error(rc, what, db_);
        sqlite3_finalize(stmt);
        return error;
    }
    rc = sqlite3_step(stmt);
    std::string value;
    if (rc == SQLITE_ROW) {
        const auto* p = sqlite3_column_text(stmt, 0);
        if (p != nullptr) value = reinterpret_cast<const char*>(p);
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) return sqlite_error(rc, what, db_);
    return value;
}

Statement& Connection::cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        it = cache_.emplace(sql, std::make_unique<Statement>(db_, sql)).first;
    } else {
        it->second->reset();
    }
    return *it->second;
}

}  // namespace safesurvey::storage

namespace safesurvey::storage {

Status make_durable(Connection& db) {
    auto mode = db.scalar("PRAGMA journal_mode=WAL", "setting the WAL journal");
    if (!mode) return mode.error();
    if (*mode != "wal")
        return Error{ErrorKind::unavailable,
                     "the database refused WAL mode (journal_mode is '" + *mode +
                         "'); it must be on a local file system that supports shared memory"};
    if (auto s = db.exec("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
                         "PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=100663296;",
                         "configuring the database");
        !s)
        return s;
    auto sync = db.scalar("PRAGMA synchronous", "checking synchronous");
    if (!sync) return sync.error();
    if (*sync != "2")
        return Error{ErrorKind::unavailable,
                     "SQLite did not accept synchronous=FULL (it reports " + *sync +
                         "); refusing to acknowledge answers that could be lost"};
    auto secure = db.scalar("PRAGMA secure_delete", "checking secure_delete");
    if (!secure) return secure.error();
    if (*secure != "1")
        return Error{ErrorKind::unavailable, "SQLite did not accept secure_delete=ON"};
    return ok_status();
}

}  // namespace safesurvey::storage

namespace safesurvey::storage {

Status tune_for_writing(Connection& db) {
    return db.exec("PRAGMA cache_size=-65536", "sizing the writer's page cache");
}

}  // namespace safesurvey::storage
