// Store: resume drafts ("save and come back later"). Only a keyed BLAKE2b hash
// of the resume code is stored, so the database cannot hand out working
// codes; the draft itself is sealed under the survey's data key, bound to the
// code's hash.
#include <optional>

#include "storage/random_id.hpp"
#include "storage/sealed_box.hpp"
#include "storage/store.hpp"

namespace safesurvey::storage {

namespace {

constexpr const char* kResumeCodeLabel = "safesurvey resume code";

SealedPlace draft_place(const std::string& survey_id, const std::string& code_hash,
                        const std::string& key_id) {
    return {survey_id, code_hash, "draft", 0, key_id};
}

}  // namespace

Status Store::save_draft(const std::string& resume_code, const std::string& survey_id,
                         const std::string& draft, Instant expires_at) {
    if (resume_code.size() < 8)
        return Error{ErrorKind::invalid_input, "the resume code is missing or too short"};
    const std::string code_hash = labelled_hash(kResumeCodeLabel, resume_code);
    return writer_->run([&](Connection& db) -> Status {
        auto key = keys_->key_for(survey_id, Cohort::standard);
        if (!key) return key.error();
        const std::string sealed =
            seal((*key)->key, draft, draft_place(survey_id, code_hash, (*key)->id));
        auto& upsert = db.cached(
            "INSERT OR REPLACE INTO resume_drafts (code_hash, survey_id, key_id, draft, expires_at)"
            " VALUES (?, ?, ?, ?, ?)");
        upsert.bind(1, code_hash).bind(2, survey_id).bind(3, (*key)->id);
        upsert.bind_blob(4, {reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size()});
        upsert.bind(5, format_instant(expires_at));
        auto s = upsert.run("saving a draft");
        if (!s && s.error().kind == ErrorKind::invalid_input)
            return Error{ErrorKind::invalid_input, "unknown survey '" + survey_id + "'"};
        return s;
    });
}

Result<std::string> Store::take_draft(const std::string& resume_code) {
    const std::string code_hash = labelled_hash(kResumeCodeLabel, resume_code);
    const std::string now = format_instant(std::chrono::floor<std::chrono::seconds>(clock_->now()));
    std::optional<std::string> draft;
    auto status = writer_->run([&](Connection& db) -> Status {
        auto& row = db.cached(
            "SELECT survey_id, key_id, draft, expires_at FROM resume_drafts WHERE code_hash = ?");
        row.bind(1, code_hash);
        if (row.step() != SQLITE_ROW) {
            row.reset();
            return Error{ErrorKind::not_found, "no saved answers match this code"};
        }
        const std::string survey = row.text(0), key_id = row.text(1), sealed = row.blob(2);
        const bool expired = row.text(3) <= now;
        row.reset();
        auto& remove = db.cached("DELETE FROM resume_drafts WHERE code_hash = ?");
        remove.bind(1, code_hash);
        if (auto s = remove.run("removing a draft"); !s) return s;
        if (expired) return ok_status();  // deleted; reported as not found below
        auto key = keys_->key_by_id(key_id);
        if (!key) return key.error();
        auto opened = open_sealed((*key)->key, sealed, draft_place(survey, code_hash, key_id));
        if (!opened) return opened.error();
        draft.emplace(std::move(*opened));
        return ok_status();
    });
    if (!status) return status.error();
    if (!draft) return Error{ErrorKind::not_found, "the saved answers for this code have expired"};
    return std::move(*draft);
}

Result<std::int64_t> Store::purge_expired_drafts() {
    const std::string now = format_instant(std::chrono::floor<std::chrono::seconds>(clock_->now()));
    std::int64_t removed = 0;
    auto status = writer_->run([&](Connection& db) {
        auto& remove = db.cached("DELETE FROM resume_drafts WHERE expires_at <= ?");
        remove.bind(1, now);
        auto s = remove.run("deleting expired drafts");
        removed = db.changes();
        return s;
    });
    if (!status) return status.error();
    return removed;
}

}  // namespace safesurvey::storage
