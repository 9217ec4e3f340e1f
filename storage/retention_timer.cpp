#include "storage/retention_timer.hpp"

#include "storage/store.hpp"

namespace safesurvey::storage {

std::vector<std::string> describe_purge(const PurgeReport& report) {
    std::vector<std::string> lines;
    const std::string verb = report.dry_run ? "would delete " : "deleted ";
    for (const auto& a : report.actions) {
        std::string line = "retention: survey " + a.survey_id + " (" + a.cohort + "): " + verb +
                           std::to_string(a.responses) + " responses and " +
                           std::to_string(a.drafts) + " drafts";
        if (!a.key_id.empty())
            line += report.dry_run ? ", would destroy data key " + a.key_id
                                   : ", destroyed data key " + a.key_id;
        lines.push_back(line + "; rule: " + a.rule);
    }
    if (report.expired_drafts > 0)
        lines.push_back("retention: deleted " + std::to_string(report.expired_drafts) +
                        " resume drafts older than their expiry");
    if (lines.empty()) lines.push_back("retention: nothing has reached the end of its retention");
    return lines;
}

RetentionTimer::RetentionTimer(Store& store, RetentionPolicy policy, std::chrono::seconds interval,
                               Log log)
    : store_(store), policy_(policy), interval_(interval), log_(std::move(log)) {
    thread_ = std::thread([this] { loop(); });
}

RetentionTimer::~RetentionTimer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void RetentionTimer::run_once() {
    auto report = store_.purge(policy_, /*dry_run=*/false);
    if (!report) {
        // Logged and retried at the next interval; a full disk must not stop the service.
        log_("retention: the job failed and will run again: " + report.error().message);
        return;
    }
    for (const auto& line : describe_purge(*report)) log_(line);
}

void RetentionTimer::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        run_once();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace safesurvey::storage
