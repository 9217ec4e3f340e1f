// Runs the retention job inside the service: once at start, then every
// `interval` (config: retention_interval_seconds). Each run's outcome goes to
// `log` as counts, survey ids and key ids — never content.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/records.hpp"
#include "storage/result.hpp"

namespace safesurvey::storage {

class Store;

// One line per action of a purge, for logs and the purge command.
std::vector<std::string> describe_purge(const PurgeReport& report);

class RetentionTimer {
  public:
    using Log = std::function<void(const std::string&)>;
    RetentionTimer(Store& store, RetentionPolicy policy, std::chrono::seconds interval, Log log);
    ~RetentionTimer();  // stops; waits for a run in progress to finish
    RetentionTimer(const RetentionTimer&) = delete;
    RetentionTimer& operator=(const RetentionTimer&) = delete;

    // Runs the job now, on the caller's thread (also what the timer does).
    void run_once();

  private:
    void loop();

    Store& store_;
    const RetentionPolicy policy_;
    const std::chrono::seconds interval_;
    Log log_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace safesurvey::storage
