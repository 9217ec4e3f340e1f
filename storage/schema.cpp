#include "storage/schema.hpp"

#include <string>

#include "storage/random_id.hpp"

namespace safesurvey::storage {

namespace {

// Plain columns are only what must be filtered or counted without decrypting.
// Tables are keyed by random ids, so storage order reveals nothing about
// arrival order (small tables WITHOUT ROWID, responses by a random rowid: see
// version 4).
constexpr const char* kMigrations[] = {
    // 1: surveys, their local-area links, and sealed responses.
    R"sql(
CREATE TABLE surveys (
    id              TEXT PRIMARY KEY,
    retention_years INTEGER NOT NULL DEFAULT 3,
    report_date     TEXT            -- national report's publication, set by an admin
) WITHOUT ROWID;
CREATE TABLE distributions (
    id        TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    area      TEXT NOT NULL,
    token     TEXT NOT NULL UNIQUE,  -- the link's secret part (links are sent round openly)
    opens_at  TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    closed    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE responses (
    id                  TEXT PRIMARY KEY,
    submission_key_hash TEXT NOT NULL UNIQUE,
    survey_id           TEXT NOT NULL REFERENCES surveys(id),
    distribution_id     TEXT NOT NULL REFERENCES distributions(id),
    perspective         TEXT NOT NULL,
    submitted_on        TEXT NOT NULL,   -- a day, never a time
    definition_version  INTEGER NOT NULL,
    key_id              TEXT NOT NULL,
    answers             BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX responses_by_distribution ON responses (survey_id, distribution_id);
)sql",
    // 2: triage results and review state; retention cohorts; resume drafts.
    R"sql(
ALTER TABLE responses ADD COLUMN cohort TEXT NOT NULL DEFAULT 'standard';
ALTER TABLE responses ADD COLUMN triage BLOB;
ALTER TABLE responses ADD COLUMN triage_severity TEXT NOT NULL DEFAULT 'none';
ALTER TABLE responses ADD COLUMN review_status TEXT NOT NULL DEFAULT 'not_needed';
CREATE INDEX responses_by_cohort ON responses (survey_id, cohort);
CREATE TABLE resume_drafts (
    code_hash  TEXT PRIMARY KEY,
    survey_id  TEXT NOT NULL REFERENCES surveys(id),
    key_id     TEXT NOT NULL,
    draft      BLOB NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX resume_drafts_by_expiry ON resume_drafts (expires_at);
CREATE INDEX resume_drafts_by_survey ON resume_drafts (survey_id);
)sql",
    // 3: deletion records, which outlive the data they describe.
    R"sql(
CREATE TABLE deletion_records (
    id                INTEGER PRIMARY KEY,
    deleted_at        TEXT NOT NULL,
    survey_id         TEXT NOT NULL,
    cohort            TEXT NOT NULL,
    rule              TEXT NOT NULL,
    key_id            TEXT NOT NULL,
    responses_deleted INTEGER NOT NULL,
    drafts_deleted    INTEGER NOT NULL
);
)sql",
    // 4: responses in a rowid table keyed by the random id's first 64 bits.
    // WITHOUT ROWID stores a row inside its key's b-tree, where SQLite keeps
    // at most ~1,000 bytes of a 4 KB page's row: every ~1.2 KB response spilled
    // into an overflow page of its own, allocated at the end of the file, so
    // page numbers ordered the responses by arrival (Spearman 1.0 measured
    // with 2,000 rows) and each row cost ~5 KB of file. A rowid table keeps
    // the row in its leaf; the random rowid doubles as the id index. The two
    // survey indexes go: each cost a random leaf write per submission (a WAL
    // frame per row each, ~17% of the WAL), and nothing that runs often used
    // them — only the retention job and counts, which now scan the table
    // (~0.15 s per 100,000 responses). Add an index when a query needs one.
    // Ids are unchanged, so sealed values still open: `id` is computed from
    // the two halves.
    R"sql(
CREATE TABLE responses_v4 (
    id_high             INTEGER PRIMARY KEY,  -- the id's first 16 hex digits
    id_low              INTEGER NOT NULL,     -- its last 16
    id                  TEXT GENERATED ALWAYS AS (printf('%016x%016x', id_high, id_low)) VIRTUAL,
    submission_key_hash TEXT NOT NULL UNIQUE,
    survey_id           TEXT NOT NULL REFERENCES surveys(id),
    distribution_id     TEXT NOT NULL REFERENCES distributions(id),
    perspective         TEXT NOT NULL,
    submitted_on        TEXT NOT NULL,   -- a day, never a time
    definition_version  INTEGER NOT NULL,
    key_id              TEXT NOT NULL,
    answers             BLOB NOT NULL,
    cohort              TEXT NOT NULL DEFAULT 'standard',
    triage              BLOB,
    triage_severity     TEXT NOT NULL DEFAULT 'none',
    review_status       TEXT NOT NULL DEFAULT 'not_needed'
);
INSERT INTO responses_v4 (id_high, id_low, submission_key_hash, survey_id, distribution_id,
    perspective, submitted_on, definition_version, key_id, answers, cohort, triage,
    triage_severity, review_status)
SELECT safesurvey_hex64(substr(id, 1, 16)), safesurvey_hex64(substr(id, 17)),
    submission_key_hash, survey_id, distribution_id, perspective, submitted_on,
    definition_version, key_id, answers, cohort, triage, triage_severity, review_status
FROM responses;
DROP TABLE responses;
ALTER TABLE responses_v4 RENAME TO responses;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

// safesurvey_hex64(text): 16 lowercase hex digits as a 64-bit integer, NULL
// for anything else, so that an id version 4 cannot represent fails the
// migration (NOT NULL) instead of being changed.
void hex64(sqlite3_context* context, int, sqlite3_value** args) {
    const auto* text = sqlite3_value_text(args[0]);
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
    auto value =
        text == nullptr ? std::nullopt : parse_hex64({reinterpret_cast<const char*>(text), size});
    if (value)
        sqlite3_result_int64(context, *value);
    else
        sqlite3_result_null(context);
}

Status register_functions(Connection& db) {
    const int rc = sqlite3_create_function_v2(db.handle(), "safesurvey_hex64", 1,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, hex64,
                                              nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(rc, "preparing migrations", db.handle());
    return ok_status();
}

}  // namespace

Result<int> schema_version(Connection& db) {
    auto version = db.scalar("PRAGMA user_version", "reading the schema version");
    if (!version) return version.error();
    return std::stoi(*version);
}

Status migrate(Connection& db, int target) {
    auto found = schema_version(db);
    if (!found) return found.error();
    if (*found > kSchemaVersion)
        return Error{ErrorKind::newer_schema,
                     "the database has schema version " + std::to_string(*found) +
                         " but this safesurvey knows only up to " + std::to_string(kSchemaVersion) +
                         "; run the newer safesurvey that wrote it, or restore a backup made "
                         "by this version"};
    if (auto s = register_functions(db); !s) return s;
    for (int version = *found + 1; version <= target; ++version) {
        const std::string step = std::string("BEGIN IMMEDIATE;") + kMigrations[version - 1] +
                                 "PRAGMA user_version = " + std::to_string(version) + ";COMMIT;";
        if (auto s = db.exec(step, "migrating to schema version " + std::to_string(version)); !s) {
            (void)db.exec("ROLLBACK", "abandoning a migration");
            return s;
        }
    }
    return ok_status();
}

}  // namespace safesurvey::storage
