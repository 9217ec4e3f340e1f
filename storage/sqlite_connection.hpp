// One SQLite connection and its prepared statements. Thin on purpose: it owns
// the handles, turns SQLite result codes into storage Errors, and caches the
// statements the hot paths run thousands of times a second. A connection is
// used by one thread at a time; the store gives the writer its own and lends
// read connections from a pool.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "storage/result.hpp"

namespace safesurvey::storage {

// Maps an SQLite result code to the kind of failure a caller must handle:
// SQLITE_FULL / IOERR / READONLY / CANTOPEN / BUSY become `unavailable` (try
// again shortly), CORRUPT / NOTADB become `corrupt`.
Error sqlite_error(int rc, std::string_view what, sqlite3* db = nullptr);

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);  // throws std::logic_error on bad SQL
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding is by 1-based position. Texts and blobs are copied by SQLite.
    Statement& bind(int index, std::string_view text);
    Statement& bind_blob(int index, std::span<const unsigned char> bytes);
    Statement& bind(int index, std::int64_t number);
    Statement& bind_null(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Steps to completion; an Error if SQLite reported one.
    Status run(std::string_view what);
    void reset();

    std::string text(int column) const;
    std::string blob(int column) const;
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Connection {
  public:
    enum class Mode { read_write_create, read_write, read_only };

    static Result<std::unique_ptr<Connection>> open(const std::filesystem::path& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements that return no rows we need.
    Status exec(std::string_view sql, std::string_view what);
    // A single-value query such as `PRAGMA user_version`.
    Result<std::string> scalar(std::string_view sql, std::string_view what);

    // A statement prepared once per connection and reset before each use.
    Statement& cached(const std::string& sql);

    sqlite3* handle() const { return db_; }
    int changes() const { return sqlite3_changes(db_); }
    bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

  private:
    explicit Connection(sqlite3* db) : db_(db) {}
    sqlite3* db_;
    std::map<std::string, std::unique_ptr<Statement>> cache_;
};

// Puts a read-write connection into the settings every write relies on, and
// checks that SQLite really applied them: WAL journal, synchronous=FULL (a
// commit is on disk before COMMIT returns, even across power loss),
// secure_delete (deleted content is overwritten with zeros), foreign keys, a
// cap on the WAL's size after checkpoints (96 MiB: above the ~66 MB the
// Checkpointer lets the WAL reach, so the file is not cut and regrown, with
// the block allocation that costs, on every cycle).
Status make_durable(Connection& db);

// The single writer's page cache, 64 MiB instead of SQLite's 2 MB. Random
// response ids put every insert on a random leaf of each b-tree; with the
// default cache those pages were evicted between batches and read back with
// pread, about a fifth of the writer thread's time in the first profile.
Status tune_for_writing(Connection& db);

}  // namespace safesurvey::storage
