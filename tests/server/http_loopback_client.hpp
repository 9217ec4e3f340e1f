// Test support for the loopback tests: a real HttpServer on 127.0.0.1 with a
// free port, run on its own thread, and a plain Beast client whose every
// operation has a deadline, so that no test can hang.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/http/server.hpp"
#include "server/observability/json_log.hpp"
#include "server/observability/metrics.hpp"

namespace safesurvey::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using namespace std::chrono_literals;

// Small limits and short deadlines so the limit tests run in seconds.
inline ServiceConfig loopback_config() {
    ServiceConfig config;
    config.listen_address = "127.0.0.1";
    config.listen_port = 0;
    config.threads = 2;
    config.max_connections = 64;
    config.header_limit_bytes = 4096;
    config.body_limit_bytes = 64 * 1024;
    config.read_timeout = 2s;
    config.write_timeout = 2s;
    config.idle_timeout = 2s;
    config.shutdown_grace = 10s;
    return config;
}

class RunningServer {
  public:
    RunningServer(http::Router router, ServiceConfig config = loopback_config())
        : router_(std::move(router)), config_(std::move(config)) {
        server_ = std::make_unique<http::HttpServer>(config_, router_, metrics_);
        if (auto error = server_->listen()) throw std::runtime_error(*error);
        thread_ = std::thread([this] { server_->run(false); });
    }
    ~RunningServer() { stop(); }

    void stop() {
        if (!thread_.joinable()) return;
        server_->stop();
        thread_.join();
    }
    std::uint16_t port() const { return server_->port(); }
    observability::Metrics& metrics() { return metrics_; }
    http::HttpServer& server() { return *server_; }

  private:
    http::Router router_;
    ServiceConfig config_;
    observability::Metrics metrics_;
    std::unique_ptr<http::HttpServer> server_;
    std::thread thread_;
};

using ClientResponse = beast_http::response<beast_http::string_body>;

// One connection. Each call runs the io_context until its operation finishes
// or the deadline passes (then the error is beast::error::timeout).
class LoopbackClient {
  public:
    explicit LoopbackClient(std::uint16_t port) : stream_(ioc_) {
        stream_.expires_after(5s);
        stream_.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    }

    beast::error_code send_raw(const std::string& bytes, std::chrono::milliseconds limit = 5000ms) {
        beast::error_code result;
        stream_.expires_after(limit);
        net::async_write(stream_, net::buffer(bytes),
                         [&](beast::error_code ec, std::size_t) { result = ec; });
        run();
        return result;
    }

    // Reads one response; nullopt on error or timeout (error() says which).
    std::optional<ClientResponse> read(std::chrono::milliseconds limit = 5000ms,
                                       bool head = false) {
        beast_http::response_parser<beast_http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        parser.skip(head);
        stream_.expires_after(limit);
        beast_http::async_read(stream_, buffer_, parser,
                               [&](beast::error_code ec, std::size_t) { error_ = ec; });
        run();
        if (error_) return std::nullopt;
        return parser.release();
    }

    std::optional<ClientResponse> get(
        const std::string& target,
        std::initializer_list<std::pair<std::string, std::string>> headers = {}) {
        std::string raw = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n";
        for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
        raw += "\r\n";
        if (send_raw(raw)) return std::nullopt;
        return read();
    }

    // Waits for the server to close; returns how long that took, or nullopt
    // if the connection was still open (or sent data) after `limit`.
    std::optional<std::chrono::milliseconds> wait_for_close(std::chrono::milliseconds limit) {
        const auto start = std::chrono::steady_clock::now();
        char byte;
        stream_.expires_after(limit);
        beast::error_code result;
        stream_.async_read_some(net::buffer(&byte, 1),
                                [&](beast::error_code ec, std::size_t) { result = ec; });
        run();
        if (!result || result == beast::error::timeout) return std::nullopt;
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
    }

    beast::error_code error() const { return error_; }
    beast::tcp_stream& stream() { return stream_; }
    net::io_context& context() { return ioc_; }
    void run() {
        ioc_.restart();
        ioc_.run();
    }

  private:
    net::io_context ioc_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    beast::error_code error_;
};

}  // namespace safesurvey::testing
