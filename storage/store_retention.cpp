// Store: the retention job. A survey's responses are kept until N years after
// the national report's publication (its definition's rule); those referred to
// a local authority a configured number of years longer. When a cohort's time
// is up its rows are deleted (secure_delete overwrites them), a deletion
// record is written, the cohort's data key is destroyed — which makes every
// copy of its responses in earlier backups unreadable — and the WAL is
// checkpointed and truncated so no old page lingers in it.
#include "storage/store.hpp"

namespace safesurvey::storage {

namespace {

std::string rule_text(const SurveyRecord& survey, Cohort cohort, int extra, Date expired_on) {
    std::string text = std::to_string(survey.rule.years_after_report) +
                       " years after the national report (" + format_date(*survey.report_date) +
                       ")";
    if (cohort == Cohort::referred)
        text +=
            " + " + std::to_string(extra) + " years for responses referred to a local authority";
    return text + "; ended " + format_date(expired_on);
}

Result<std::int64_t> count_where(ReaderPool& readers, const std::string& sql,
                                 const std::string& survey_id, const char* cohort) {
    auto db = readers.acquire();
    if (!db) return db.error();
    auto& row = (*db)->cached(sql);
    row.bind(1, survey_id);
    if (cohort != nullptr) row.bind(2, cohort);
    const int rc = row.step();
    const std::int64_t n = rc == SQLITE_ROW ? row.integer(0) : 0;
    row.reset();
    if (rc != SQLITE_ROW) return sqlite_error(rc, "counting expired rows", (*db)->handle());
    return n;
}

// Deletes the cohort's rows and records the deletion, in one transaction.
Status delete_cohort(Connection& db, const std::string& now, PurgeAction& action) {
    auto& responses = db.cached("DELETE FROM responses WHERE survey_id = ? AND cohort = ?");
    responses.bind(1, action.survey_id).bind(2, action.cohort);
    if (auto s = responses.run("deleting expired responses"); !s) return s;
    action.responses = db.changes();
    if (action.cohort == "standard") {
        // Drafts are sealed under the standard key; they go with it.
        auto& drafts = db.cached("DELETE FROM resume_drafts WHERE survey_id = ?");
        drafts.bind(1, action.survey_id);
        if (auto s = drafts.run("deleting drafts of an expired survey"); !s) return s;
        action.drafts = db.changes();
    }
    if (action.responses == 0 && action.drafts == 0 && action.key_id.empty()) return ok_status();
    auto& record = db.cached(
        "INSERT INTO deletion_records (deleted_at, survey_id, cohort, rule, key_id,"
        " responses_deleted, drafts_deleted) VALUES (?, ?, ?, ?, ?, ?, ?)");
    record.bind(1, now).bind(2, action.survey_id).bind(3, action.cohort).bind(4, action.rule);
    record.bind(5, action.key_id).bind(6, action.responses).bind(7, action.drafts);
    return record.run("writing a deletion record");
}

}  // namespace

Result<PurgeAction> Store::purge_cohort(const SurveyRecord& survey, Cohort cohort, int extra,
                                        bool dry_run) {
    const int years = survey.rule.years_after_report + (cohort == Cohort::referred ? extra : 0);
    const Date expired_on = add_years(*survey.report_date, years);
    PurgeAction action{
        survey.id, cohort_name(cohort), rule_text(survey, cohort, extra, expired_on), {}, 0, 0};
    auto key_id = keys_->live_key_id(survey.id, cohort);
    if (!key_id) return key_id.error();
    action.key_id = *key_id;
    if (dry_run) {
        auto n = count_where(*readers_,
                             "SELECT count(*) FROM responses WHERE survey_id = ? AND cohort = ?",
                             survey.id, action.cohort.c_str());
        if (!n) return n.error();
        action.responses = *n;
        if (cohort == Cohort::standard) {
            auto d =
                count_where(*readers_, "SELECT count(*) FROM resume_drafts WHERE survey_id = ?",
                            survey.id, nullptr);
            if (!d) return d.error();
            action.drafts = *d;
        }
        return action;
    }
    const std::string now = format_instant(std::chrono::floor<std::chrono::seconds>(clock_->now()));
    if (auto s = writer_->run([&](Connection& db) { return delete_cohort(db, now, action); }); !s)
        return s.error();
    // Only after the rows are durably gone is the key destroyed. A crash in
    // between leaves a live key for rows that no longer exist; the next run
    // finds the cohort still expired and destroys it then.
    if (auto destroyed = keys_->destroy(survey.id, cohort); !destroyed) return destroyed.error();
    return action;
}

Result<PurgeReport> Store::purge(const RetentionPolicy& policy, bool dry_run) {
    if (!dry_run && !lock_)
        return Error{ErrorKind::invalid_input,
                     "purging needs the store opened exclusively (the service, or "
                     "'safesurvey purge' while the service is stopped)"};
    auto list = surveys();
    if (!list) return list.error();
    PurgeReport report;
    report.dry_run = dry_run;
    const Date today = clock_->today();
    for (const auto& survey : *list) {
        if (!survey.report_date) continue;  // retention has not started counting
        for (Cohort cohort : {Cohort::standard, Cohort::referred}) {
            const int years = survey.rule.years_after_report +
                              (cohort == Cohort::referred ? policy.referred_extra_years : 0);
            if (today < add_years(*survey.report_date, years)) continue;
            auto action = purge_cohort(survey, cohort, policy.referred_extra_years, dry_run);
            if (!action) return action.error();
            if (action->responses > 0 || action->drafts > 0 || !action->key_id.empty())
                report.actions.push_back(std::move(*action));
        }
    }
    if (!dry_run) {
        auto drafts = purge_expired_drafts();
        if (!drafts) return drafts.error();
        report.expired_drafts = *drafts;
        if (auto s = checkpoint(); !s) return s.error();
    }
    return report;
}

Result<std::vector<DeletionRecord>> Store::deletion_records() {
    auto db = readers_->acquire();
    if (!db) return db.error();
    auto& rows = (*db)->cached(
        "SELECT deleted_at, survey_id, cohort, rule, key_id, responses_deleted, drafts_deleted "
        "FROM deletion_records ORDER BY id");
    std::vector<DeletionRecord> out;
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW)
        out.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4),
                       rows.integer(5), rows.integer(6)});
    rows.reset();
    if (rc != SQLITE_DONE) return sqlite_error(rc, "listing deletion records", (*db)->handle());
    return out;
}

}  // namespace safesurvey::storage
