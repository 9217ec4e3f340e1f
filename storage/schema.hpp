// The response database's schema and its migrations. Each version is a step
// from the one before, applied in its own transaction at start; PRAGMA
// user_version records how far a database has come. A database from a newer
// safesurvey is refused rather than guessed at.
#pragma once

#include "storage/result.hpp"
#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage {

inline constexpr int kSchemaVersion = 4;

// Brings `db` up to `target` (default: this build's version). Returns a
// `newer_schema` Error for a database beyond this build.
Status migrate(Connection& db, int target = kSchemaVersion);

// The schema version recorded in `db` (0 for a new, empty database).
Result<int> schema_version(Connection& db);

}  // namespace safesurvey::storage
