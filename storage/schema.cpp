#include "storage/schema.hpp"

#include <string>

namespace safesurvey::storage {

namespace {

// Plain columns are only what must be filtered or counted without decrypting.
// Tables keyed by random ids are WITHOUT ROWID, so storage order reveals
// nothing about arrival order.
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
};
static_assert(std::size(kMigrations) == kSchemaVersion);

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
