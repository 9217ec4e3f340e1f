// What the store keeps and hands back: surveys, distributions (local-area
// links), responses, resume drafts and deletion records, in the shapes the
// respondent journey and the administration commands use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/calendar.hpp"

namespace safesurvey::storage {

// --- surveys and retention -------------------------------------------------

// How long a survey's responses are kept, counted from the national report's
// publication date. Comes from the survey definition (3 years for the SEND surveys).
struct RetentionRule {
    int years_after_report = 3;
};

// Settings of the retention job that are configuration, not definition.
struct RetentionPolicy {
    // Responses referred to a local authority keep this many years longer.
    int referred_extra_years = 3;
};

struct SurveyRecord {
    std::string id;
    RetentionRule rule;
    std::optional<Date> report_date;  // unset until an admin records it
};

// --- distributions ---------------------------------------------------------

struct NewDistribution {
    std::string survey_id;
    std::string area;  // the local area's name, e.g. "Leeds"
    Instant opens_at;
    Instant closes_at;
};

struct Distribution {
    std::string id;
    std::string survey_id;
    std::string area;
    std::string token;  // the link's secret part: PUBLIC_BASE_URL/s/TOKEN
    Instant opens_at;
    Instant closes_at;
    bool closed = false;

    // Accepting answers: not closed by hand and within [opens_at, closes_at).
    bool accepting_at(Instant now) const { return !closed && now >= opens_at && now < closes_at; }
};

// --- responses -------------------------------------------------------------

struct Submission {
    // A random id carried by the respondent's draft. Submitting the same key
    // again stores nothing new and reports already_stored (a double click).
    std::string submission_key;
    std::string survey_id;
    std::string distribution_id;
    std::string perspective;                   // "parent_carer", "professional", "young_person"...
    long definition_version = 1;               // the survey definition's version the answers follow
    std::string answers_json;                  // validated answers; sealed before storage
    std::string triage_json;                   // the triage result; sealed; may be empty
    std::string triage_severity = "none";      // plain: reviewers filter on it
    std::string review_status = "not_needed";  // plain: "needs_review", ...
};

enum class SubmitStatus {
    stored,          // durable: acknowledge to the respondent
    already_stored,  // the same submission key was stored before: acknowledge too
    unavailable,     // disk full / read-only / I/O: show "try again shortly" (503)
    rejected,        // the submission itself is wrong (unknown survey, retention ended)
};

struct SubmitOutcome {
    SubmitStatus status;
    std::string response_id;  // set for stored and already_stored
    std::string message;      // for logs and error pages; never contains answers
};

struct ResponseSummary {
    std::string id;
    std::string survey_id;
    std::string distribution_id;
    std::string perspective;
    std::string submitted_on;  // YYYY-MM-DD
    std::string cohort;        // "standard" or "referred"
    std::string triage_severity;
    std::string review_status;
};

struct StoredResponse {
    ResponseSummary summary;
    long definition_version = 0;
    std::string key_id;
    std::string answers_json;  // opened
    std::string triage_json;   // opened; empty if none was stored
};

// --- retention -------------------------------------------------------------

// One cohort of one survey whose retention has ended (or, in a dry run, would be deleted).
struct PurgeAction {
    std::string survey_id;
    std::string cohort;
    std::string rule;    // e.g. "3 years after report 2026-03-31 (expired 2029-03-31)"
    std::string key_id;  // the data key destroyed (empty if it had none)
    std::int64_t responses = 0;
    std::int64_t drafts = 0;
};

struct PurgeReport {
    bool dry_run = false;
    std::vector<PurgeAction> actions;
    std::int64_t expired_drafts = 0;  // resume drafts past their 7 days
};

// Kept after the data is gone: what was deleted, when, under which rule.
struct DeletionRecord {
    std::string deleted_at;  // UTC instant
    std::string survey_id;
    std::string cohort;
    std::string rule;
    std::string key_id;
    std::int64_t responses_deleted = 0;
    std::int64_t drafts_deleted = 0;
};

}  // namespace safesurvey::storage
