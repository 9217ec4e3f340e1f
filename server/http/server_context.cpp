#include "server/http/server_context.hpp"

#include <algorithm>

namespace safesurvey::http {

bool SessionRegistry::add(HttpSession* session, std::weak_ptr<HttpSession> handle) {
    std::lock_guard lock(mutex_);
    sessions_.emplace(session, std::move(handle));
    return shutting_down_;
}

void SessionRegistry::remove(HttpSession* session) {
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
}

std::vector<std::shared_ptr<HttpSession>> SessionRegistry::begin_shutdown() {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    std::vector<std::shared_ptr<HttpSession>> live;
    for (const auto& [_, handle] : sessions_) {
        if (auto session = handle.lock()) live.push_back(std::move(session));
    }
    return live;
}

bool SessionRegistry::shutting_down() const {
    std::lock_guard lock(mutex_);
    return shutting_down_;
}

namespace {

// Blocking routes do SQLite and crypto work, but a submission spends most of
// its time waiting for the writer's fsync. Submissions that wait together
// share one commit (group commit), so the pool must let many wait at once:
// with only 2 per core, 4 submissions per commit capped the service far
// below what the store sustains. Waiting threads cost no CPU.
std::size_t worker_count(const ServiceConfig& config) {
    return std::max<std::size_t>(8, static_cast<std::size_t>(config.threads) * 8);
}

}  // namespace

ServerContext::ServerContext(const ServiceConfig& config, const Router& router,
                             observability::Metrics& metrics)
    : config(config),
      router(router),
      metrics(metrics),
      open_connections_gauge(
          metrics.gauge("safesurvey_http_open_connections", "Connections open now.")),
      rejected_connections(metrics.counter(
          "safesurvey_http_connections_rejected_total",
          "Connections answered 503 and closed because max_connections were open.")),
      timeouts(metrics.counter("safesurvey_http_timeouts_total",
                               "Connections closed because a read or write deadline passed.")),
      workers(worker_count(config)) {}

}  // namespace safesurvey::http
