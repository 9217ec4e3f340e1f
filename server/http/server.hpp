// The HTTP server: a listener and async sessions on strands (after Boost.Beast's
// advanced_server), a fixed pool of network threads, and a separate worker pool
// for routes marked blocking. Limits, deadlines and the connection cap come from
// ServiceConfig. SIGTERM/SIGINT stop accepting, let in-flight requests finish
// (up to shutdown_grace) and then return from run().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "server/config.hpp"
#include "server/http/router.hpp"

namespace safesurvey::observability {
class Metrics;
}

namespace safesurvey::http {

class HttpServer {
  public:
    HttpServer(const ServiceConfig& config, const Router& router, observability::Metrics& metrics);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds the listening socket. Returns a message a person can act on
    // ("127.0.0.1:8080 is already in use") on failure. Port 0 picks a free port.
    std::optional<std::string> listen();
    std::uint16_t port() const;

    // Serves until stop() or SIGTERM/SIGINT (when handle_signals), then drains.
    void run(bool handle_signals = true);
    // Thread-safe: begins a graceful shutdown.
    void stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace safesurvey::http
