#include "server/http/server.hpp"

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <stdexcept>
#include <thread>
#include <vector>

#include "server/http/listener.hpp"
#include "server/http/session.hpp"
#include "server/observability/json_log.hpp"

namespace safesurvey::http {
namespace net = boost::asio;
using boost::beast::error_code;

namespace {
// How often a draining server checks whether its last connection has gone.
constexpr auto kDrainPoll = std::chrono::milliseconds(20);
}  // namespace

class HttpServer::Impl {
  public:
    Impl(const ServiceConfig& config, const Router& router, observability::Metrics& metrics)
        : context_(config, router, metrics),
          listener_(std::make_shared<Listener>(ioc_, context_)),
          drain_timer_(ioc_) {}

    ~Impl() {
        // Blocking handlers still running post back to ioc_; let them finish first.
        context_.workers.join();
    }

    std::optional<std::string> listen() {
        if (listening_) return std::nullopt;
        auto error = listener_->open(context_.config.listen_address, context_.config.listen_port);
        listening_ = !error;
        return error;
    }

    std::uint16_t port() const { return listener_->port(); }

    void run(bool handle_signals) {
        if (!listening_) {
            if (auto error = listen()) throw std::runtime_error(error.value());
        }
        std::optional<net::signal_set> signals;
        if (handle_signals) {
            signals.emplace(ioc_, SIGINT, SIGTERM);
            signals->async_wait([this](error_code ec, int) {
                if (!ec) begin_shutdown();
            });
        }
        signals_ = signals ? &*signals : nullptr;
        listener_->start();
        unsigned count = context_.config.threads;
        if (count == 0) count = std::max(1u, std::thread::hardware_concurrency());
        std::vector<std::thread> threads;
        for (unsigned i = 1; i < count; ++i) threads.emplace_back([this] { ioc_.run(); });
        ioc_.run();
        for (auto& thread : threads) thread.join();
        context_.workers.join();
        signals_ = nullptr;
    }

    void stop() {
        net::post(ioc_, [this] { begin_shutdown(); });
    }

  private:
    // Runs on the io_context: stop accepting, tell every session to finish the
    // request in hand, then wait (up to shutdown_grace) for the last to close.
    void begin_shutdown() {
        if (shutting_down_.exchange(true)) return;
        observability::log_info("http_shutdown_started",
                                {{"open_connections", context_.open_connections.load()}});
        if (signals_) signals_->cancel();
        listener_->close();
        for (auto& session : context_.sessions.begin_shutdown()) session->begin_shutdown();
        drain_deadline_ = std::chrono::steady_clock::now() + context_.config.shutdown_grace;
        wait_for_drain();
    }

    void wait_for_drain() {
        const std::size_t open = context_.open_connections.load();
        if (open == 0) {
            observability::log_info("http_shutdown_finished");
            ioc_.stop();
            return;
        }
        if (std::chrono::steady_clock::now() >= drain_deadline_) {
            observability::log_warn("http_shutdown_grace_expired", {{"open_connections", open}});
            ioc_.stop();
            return;
        }
        drain_timer_.expires_after(kDrainPoll);
        drain_timer_.async_wait([this](error_code ec) {
            if (!ec) wait_for_drain();
        });
    }

    ServerContext context_;  // outlives ioc_: sessions destroyed with ioc_ use it
    net::io_context ioc_;
    std::shared_ptr<Listener> listener_;
    net::steady_timer drain_timer_;
    net::signal_set* signals_ = nullptr;
    bool listening_ = false;
    std::atomic<bool> shutting_down_{false};
    std::chrono::steady_clock::time_point drain_deadline_;
};

HttpServer::HttpServer(const ServiceConfig& config, const Router& router,
                       observability::Metrics& metrics)
    : impl_(std::make_unique<Impl>(config, router, metrics)) {}

HttpServer::~HttpServer() = default;

std::optional<std::string> HttpServer::listen() {
    return impl_->listen();
}

std::uint16_t HttpServer::port() const {
    return impl_->port();
}

void HttpServer::run(bool handle_signals) {
    impl_->run(handle_signals);
}

void HttpServer::stop() {
    impl_->stop();
}

}  // namespace safesurvey::http
