// What the listener and every session share: the configuration, the router,
// the metrics, the worker pool for blocking routes, the connection count and
// the list of live sessions that a graceful shutdown has to reach.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "server/config.hpp"
#include "server/http/client_key.hpp"
#include "server/http/router.hpp"
#include "server/observability/metrics.hpp"

namespace safesurvey::http {

class HttpSession;

// Sessions register themselves while they live, so that stop() can tell each
// one to finish its current request and close.
class SessionRegistry {
  public:
    // Returns true when shutdown has already begun: the new session must stop
    // after at most one request.
    bool add(HttpSession* session, std::weak_ptr<HttpSession> handle);
    void remove(HttpSession* session);
    // Marks shutdown as begun and returns every live session.
    std::vector<std::shared_ptr<HttpSession>> begin_shutdown();
    bool shutting_down() const;

  private:
    mutable std::mutex mutex_;
    bool shutting_down_ = false;
    std::unordered_map<HttpSession*, std::weak_ptr<HttpSession>> sessions_;
};

struct ServerContext {
    ServerContext(const ServiceConfig& config, const Router& router,
                  observability::Metrics& metrics);

    const ServiceConfig config;
    const Router& router;
    observability::Metrics& metrics;
    observability::Gauge& open_connections_gauge;
    observability::Counter& rejected_connections;
    observability::Counter& timeouts;
    ClientKeyHasher client_keys;
    SessionRegistry sessions;
    std::atomic<std::size_t> open_connections{0};
    boost::asio::thread_pool workers;
};

}  // namespace safesurvey::http
