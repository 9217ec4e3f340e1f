// The store: everything safesurvey keeps, encrypted, durable and deleted on
// time. One Store per process, opened at start:
//
//   auto store = Store::open({.data_dir = cfg.data_dir,
//                             .key_file = resolve_key_file(cfg.key_file, cfg.data_dir)});
//   if (!store) { print store.error().message; exit 2; }
//
// Opening creates the data folder and a key file at first run, refuses key
// files with loose permissions or the wrong key, runs integrity_check, applies
// schema migrations and refuses databases from newer versions. Every failure
// is an Error whose message says what to do.
//
// Thread safety: every member may be called from any thread. Writes go through
// one writer thread with group commit; reads use pooled read connections and
// never wait for it. Calls that wait (everything except the callback form of
// submit) must not run on network threads.
#pragma once

#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/clock.hpp"
#include "storage/data_dir_lock.hpp"
#include "storage/key_store.hpp"
#include "storage/reader_pool.hpp"
#include "storage/records.hpp"
#include "storage/result.hpp"
#include "storage/write_queue.hpp"

namespace safesurvey::storage {

struct StoreOptions {
    std::filesystem::path data_dir;
    std::filesystem::path key_file;  // see resolve_key_file(); default DATA_DIR/kek.key
    const Clock* clock = nullptr;    // default: the system clock
    // Hold the data-folder lock. The service and commands that destroy keys
    // (purge, keys rotate) need it; admin commands that only add rows do not.
    bool exclusive = true;
    bool check_integrity = true;  // PRAGMA integrity_check at open
    // Upper bound on submissions per transaction; 1 = one transaction each.
    std::size_t max_batch = 4096;
};

class Store {
  public:
    static Result<std::unique_ptr<Store>> open(StoreOptions options);
    ~Store();  // finishes queued writes first

    // --- surveys ---------------------------------------------------------
    // Records a survey (or updates its rule) from its definition; idempotent.
    Status register_survey(const std::string& survey_id, RetentionRule rule);
    // The national report's publication date, from which retention counts.
    // Registers the survey with the default rule if it is not known yet.
    Status set_report_date(const std::string& survey_id, Date report_date);
    Result<std::vector<SurveyRecord>> surveys();

    // --- distributions (local-area links) ---------------------------------
    Result<Distribution> add_distribution(const NewDistribution& distribution);
    Result<std::vector<Distribution>> distributions(const std::string& survey_id = "");
    Status close_distribution(const std::string& distribution_id);
    Result<Distribution> find_distribution_by_token(const std::string& token);

    // --- responses ---------------------------------------------------------
    // Seals and stores a response. Sealing happens on the calling thread
    // (a few microseconds; it never waits for the disk). `on_durable` runs on
    // the writer thread once the transaction holding it is on disk (or has
    // failed); it must not block (post to your executor). Never throws;
    // outcomes are values.
    void submit(Submission submission, std::function<void(SubmitOutcome)> on_durable);
    std::future<SubmitOutcome> submit(Submission submission);

    Result<StoredResponse> read_response(const std::string& response_id);
    Result<std::vector<ResponseSummary>> list_responses(const std::string& survey_id);
    Result<std::int64_t> count_responses(const std::string& survey_id);
    // Moves a response referred to a local authority into the survey's
    // "referred" cohort: re-sealed under that cohort's key, kept longer.
    Status refer_response(const std::string& response_id);
    Status set_review_status(const std::string& response_id, const std::string& status);

    // --- resume drafts ("save and come back later") ------------------------
    // Only a hash of `resume_code` is stored; the draft is sealed.
    Status save_draft(const std::string& resume_code, const std::string& survey_id,
                      const std::string& draft, Instant expires_at);
    // Returns the draft and deletes it; not_found for unknown or expired codes.
    Result<std::string> take_draft(const std::string& resume_code);
    Result<std::int64_t> purge_expired_drafts();

    // --- retention -----------------------------------------------------------
    // Deletes every cohort whose retention has ended, then destroys its data
    // key; writes a deletion record for each. Needs an exclusive store unless
    // `dry_run`, which only counts.
    Result<PurgeReport> purge(const RetentionPolicy& policy, bool dry_run);
    Result<std::vector<DeletionRecord>> deletion_records();

    // --- backups ---------------------------------------------------------------
    // A consistent copy of the response database (VACUUM INTO) while writes go
    // on. Holds sealed data only: no key, not even a wrapped one. `path` must
    // not exist; it is created with mode 0600 and synced.
    Status backup_to(const std::filesystem::path& path);

    KeyStore& keys() { return *keys_; }
    const Clock& clock() const { return *clock_; }
    std::size_t commits() const { return writer_->commits(); }
    const std::filesystem::path& database_path() const { return db_path_; }

  private:
    Store() = default;
    Result<PurgeAction> purge_cohort(const SurveyRecord& survey, Cohort cohort, int years,
                                     bool dry_run);
    Status checkpoint();

    std::optional<DataDirLock> lock_;
    std::filesystem::path db_path_;
    const Clock* clock_ = nullptr;
    std::unique_ptr<SystemClock> system_clock_;
    std::unique_ptr<KeyStore> keys_;
    std::unique_ptr<ReaderPool> readers_;
    std::unique_ptr<WriteQueue> writer_;
};

}  // namespace safesurvey::storage
