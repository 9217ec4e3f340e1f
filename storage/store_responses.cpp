// Store: sealing, storing and reading responses.
#include <memory>
#include <optional>

#include "storage/random_id.hpp"
#include "storage/sealed_box.hpp"
#include "storage/store.hpp"

namespace safesurvey::storage {

namespace {

constexpr const char* kSubmissionKeyLabel = "safesurvey submission key";

std::span<const unsigned char> as_bytes(const std::string& s) {
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

SealedPlace response_place(const std::string& survey_id, const std::string& response_id,
                           const char* field, long definition_version, const std::string& key_id) {
    return {survey_id, response_id, field, definition_version, key_id};
}

SubmitOutcome outcome_from(const Error& error) {
    switch (error.kind) {
        case ErrorKind::unavailable:
        case ErrorKind::corrupt:
        case ErrorKind::key_problem:
            return {SubmitStatus::unavailable, {}, error.message};
        default:
            return {SubmitStatus::rejected, {}, error.message};
    }
}

std::string check_submission(const Submission& s) {
    if (s.submission_key.size() < 16) return "the submission key is missing or too short";
    if (s.survey_id.empty()) return "the survey id is missing";
    if (s.distribution_id.empty()) return "the distribution id is missing";
    if (s.perspective.empty()) return "the perspective is missing";
    return {};
}

// A response sealed for its id and key, ready to insert.
struct SealedResponse {
    ResponseId id;
    std::string key_id;
    std::string answers;
    std::string triage;  // empty when the submission has none
};

SealedResponse seal_response(const Submission& s, const DataKey& key, const ResponseId& id) {
    const std::string hex = id.hex();
    SealedResponse out{
        id,
        key.id,
        seal(key.key, s.answers_json,
             response_place(s.survey_id, hex, "answers", s.definition_version, key.id)),
        {}};
    if (!s.triage_json.empty())
        out.triage = seal(key.key, s.triage_json,
                          response_place(s.survey_id, hex, "triage", s.definition_version, key.id));
    return out;
}

// One INSERT attempt. DO NOTHING covers both the submission key (stored
// before) and the id's rowid half (taken by another response). A single
// statement: if it fails, SQLite undoes it alone and the batch goes on.
Status try_insert(Connection& db, const Submission& s, const SealedResponse& r,
                  const std::string& key_hash, const std::string& submitted_on) {
    auto& insert = db.cached(
        "INSERT INTO responses (id_high, id_low, submission_key_hash, survey_id, distribution_id,"
        " perspective, submitted_on, definition_version, key_id, answers, cohort, triage,"
        " triage_severity, review_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'standard', ?, ?, "
        "?) ON CONFLICT DO NOTHING");
    insert.bind(1, r.id.high).bind(2, r.id.low).bind(3, key_hash).bind(4, s.survey_id);
    insert.bind(5, s.distribution_id).bind(6, s.perspective).bind(7, submitted_on);
    insert.bind(8, std::int64_t{s.definition_version}).bind(9, r.key_id);
    insert.bind_blob(10, as_bytes(r.answers));
    if (r.triage.empty())
        insert.bind_null(11);
    else
        insert.bind_blob(11, as_bytes(r.triage));
    insert.bind(12, s.triage_severity).bind(13, s.review_status);
    auto st = insert.run("storing a response");
    if (!st && st.error().kind == ErrorKind::invalid_input)
        return Error{ErrorKind::invalid_input, "unknown survey '" + s.survey_id +
                                                   "' or distribution '" + s.distribution_id + "'"};
    return st;
}

// Inserts `sealed` unless the submission key was stored before; fills
// `outcome`. Makes at most one change, so the job needs no savepoint.
Status insert_response(Connection& db, const Submission& s, const DataKey& key,
                       SealedResponse sealed, const std::string& key_hash,
                       const std::string& submitted_on, SubmitOutcome& outcome) {
    // A second attempt needs two responses among 2^64 possible rowids to
    // collide: about once in 10^7 submissions when ten million are stored.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (attempt > 0) sealed = seal_response(s, key, random_response_id());
        if (auto st = try_insert(db, s, sealed, key_hash, submitted_on); !st) return st;
        if (db.changes() > 0) {
            outcome = {SubmitStatus::stored, sealed.id.hex(), "stored"};
            return ok_status();
        }
        auto& existing = db.cached("SELECT id FROM responses WHERE submission_key_hash = ?");
        existing.bind(1, key_hash);
        const bool found = existing.step() == SQLITE_ROW;
        if (found)
            outcome = {SubmitStatus::already_stored, existing.text(0),
                       "this submission was already stored"};
        existing.reset();
        if (found) return ok_status();
    }
    return Error{ErrorKind::unavailable, "could not find a free response id"};
}

StoredResponse stored_from(Statement& row) {
    StoredResponse r;
    r.summary = {row.text(0), row.text(1), row.text(2), row.text(3),
                 row.text(4), row.text(5), row.text(6), row.text(7)};
    r.definition_version = static_cast<long>(row.integer(8));
    r.key_id = row.text(9);
    return r;
}

// Looks a response up by its rowid half; the other half must match too.
constexpr const char* kById = "WHERE id_high = ?1 AND id_low = ?2";

constexpr const char* kResponseColumns =
    "SELECT id, survey_id, distribution_id, perspective, submitted_on, cohort, triage_severity,"
    " review_status, definition_version, key_id, answers, triage FROM responses ";

// Opens the sealed answers and triage of `r` (row columns 10 and 11) with `key`.
Status open_response(Statement& row, const DataKey& key, StoredResponse& r) {
    const auto& s = r.summary;
    auto answers =
        open_sealed(key.key, row.blob(10),
                    response_place(s.survey_id, s.id, "answers", r.definition_version, r.key_id));
    if (!answers) return answers.error();
    r.answers_json = std::move(*answers);
    if (!row.is_null(11)) {
        auto triage = open_sealed(
            key.key, row.blob(11),
            response_place(s.survey_id, s.id, "triage", r.definition_version, r.key_id));
        if (!triage) return triage.error();
        r.triage_json = std::move(*triage);
    }
    return ok_status();
}

}  // namespace

void Store::submit(Submission submission, std::function<void(SubmitOutcome)> on_durable) {
    if (auto problem = check_submission(submission); !problem.empty()) {
        on_durable({SubmitStatus::rejected, {}, problem});
        return;
    }
    // Hash and seal here, on the caller's thread, so that the single writer
    // only binds and steps. Only with a key already in memory: fetching one
    // may mean creating it durably, which the writer does instead.
    std::string key_hash = labelled_hash(kSubmissionKeyLabel, submission.submission_key);
    std::optional<SealedResponse> sealed;
    if (auto key = keys_->cached_key_for(submission.survey_id, Cohort::standard))
        sealed = seal_response(submission, *key, random_response_id());
    auto outcome =
        std::make_shared<SubmitOutcome>(SubmitOutcome{SubmitStatus::unavailable, {}, {}});
    auto job = [this, s = std::move(submission), key_hash = std::move(key_hash),
                sealed = std::move(sealed), outcome](Connection& db) mutable -> Status {
        auto key = keys_->key_for(s.survey_id, Cohort::standard);
        if (!key) return key.error();  // e.g. the cohort's retention ended meanwhile
        if (!sealed || sealed->key_id != (*key)->id)
            sealed = seal_response(s, **key, random_response_id());
        return insert_response(db, s, **key, std::move(*sealed), key_hash,
                               format_date(clock_->today()), *outcome);
    };
    writer_->post(
        std::move(job),
        [outcome, done = std::move(on_durable)](const Status& status) {
            done(status.ok() ? *outcome : outcome_from(status.error()));
        },
        WriteQueue::Undo::by_statement);
}

std::future<SubmitOutcome> Store::submit(Submission submission) {
    auto promise = std::make_shared<std::promise<SubmitOutcome>>();
    auto future = promise->get_future();
    submit(std::move(submission),
           [promise](SubmitOutcome outcome) { promise->set_value(std::move(outcome)); });
    return future;
}

Result<StoredResponse> Store::read_response(const std::string& response_id) {
    const auto id = parse_response_id(response_id);
    if (!id) return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& row = (*db)->cached(std::string(kResponseColumns) + kById);
    row.bind(1, id->high).bind(2, id->low);
    const int rc = row.step();
    if (rc != SQLITE_ROW) {
        row.reset();
        if (rc != SQLITE_DONE) return sqlite_error(rc, "reading a response", (*db)->handle());
        return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
    }
    StoredResponse r = stored_from(row);
    auto key = keys_->key_by_id(r.key_id);
    Status opened = key ? open_response(row, **key, r) : Status(key.error());
    row.reset();
    if (!opened) return opened.error();
    return r;
}

Result<std::vector<ResponseSummary>> Store::list_responses(const std::string& survey_id) {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& rows = (*db)->cached(std::string(kResponseColumns) + "WHERE survey_id = ? ORDER BY id");
    rows.bind(1, survey_id);
    std::vector<ResponseSummary> out;
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) out.push_back(stored_from(rows).summary);
    rows.reset();
    if (rc != SQLITE_DONE) return sqlite_error(rc, "listing responses", (*db)->handle());
    return out;
}

Result<std::int64_t> Store::count_responses(const std::string& survey_id) {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& row = (*db)->cached("SELECT count(*) FROM responses WHERE survey_id = ?");
    row.bind(1, survey_id);
    const int rc = row.step();
    const std::int64_t count = rc == SQLITE_ROW ? row.integer(0) : 0;
    row.reset();
    if (rc != SQLITE_ROW) return sqlite_error(rc, "counting responses", (*db)->handle());
    return count;
}

Status Store::refer_response(const std::string& response_id) {
    const auto id = parse_response_id(response_id);
    if (!id) return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
    return writer_->run([&](Connection& db) -> Status {
        auto& row = db.cached(std::string(kResponseColumns) + kById);
        row.bind(1, id->high).bind(2, id->low);
        if (row.step() != SQLITE_ROW) {
            row.reset();
            return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
        }
        StoredResponse r = stored_from(row);
        if (r.summary.cohort == "referred") return row.reset(), ok_status();
        auto old_key = keys_->key_by_id(r.key_id);
        Status opened = old_key ? open_response(row, **old_key, r) : Status(old_key.error());
        row.reset();
        if (!opened) return opened;
        auto key = keys_->key_for(r.summary.survey_id, Cohort::referred);
        if (!key) return key.error();
        const auto& k = **key;
        const std::string answers = seal(k.key, r.answers_json,
                                         response_place(r.summary.survey_id, r.summary.id,
                                                        "answers", r.definition_version, k.id));
        const std::string triage = r.triage_json.empty()
                                       ? std::string()
                                       : seal(k.key, r.triage_json,
                                              response_place(r.summary.survey_id, r.summary.id,
                                                             "triage", r.definition_version, k.id));
        auto& update = db.cached(
            "UPDATE responses SET cohort = 'referred', key_id = ?1, answers = ?2, triage = ?3 "
            "WHERE id_high = ?4 AND id_low = ?5");
        update.bind(1, k.id).bind_blob(2, as_bytes(answers));
        if (triage.empty())
            update.bind_null(3);
        else
            update.bind_blob(3, as_bytes(triage));
        update.bind(4, id->high).bind(5, id->low);
        return update.run("moving a response to the referred cohort");
    });
}

Status Store::set_review_status(const std::string& response_id, const std::string& status) {
    const auto id = parse_response_id(response_id);
    if (!id) return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
    bool found = false;
    auto s = writer_->run([&](Connection& db) {
        auto& update = db.cached(std::string("UPDATE responses SET review_status = ?3 ") + kById);
        update.bind(1, id->high).bind(2, id->low).bind(3, status);
        auto st = update.run("updating a review status");
        found = db.changes() > 0;
        return st;
    });
    if (s && !found) return Error{ErrorKind::not_found, "no response has id '" + response_id + "'"};
    return s;
}

}  // namespace safesurvey::storage
