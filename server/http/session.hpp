// One client connection, after Boost.Beast's advanced_server: every operation
// runs on the connection's strand, every read and write has a deadline, and
// the request parser enforces the header and body limits. A session reads a
// request, answers it (on the worker pool when the route is blocking) and,
// with keep-alive, waits for the next one until idle_timeout.
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "server/http/server_context.hpp"
#include "server/http/wire_message.hpp"

namespace safesurvey::http {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
  public:
    // `counted`: the session holds one of max_connections' slots.
    HttpSession(boost::asio::ip::tcp::socket&& socket, ServerContext& context, bool counted);
    ~HttpSession();

    // Serves requests until the client leaves, a deadline passes or shutdown.
    void start();
    // For a connection over max_connections: answer 503 and close.
    void reject_over_capacity();
    // Finish the request in hand, if any, then close. Thread-safe.
    void begin_shutdown();

  private:
    enum class State { waiting, reading, handling, writing, closing };

    void wait_for_request(bool first);
    void on_first_bytes(bool first, boost::beast::error_code ec, std::size_t bytes);
    void on_header(boost::beast::error_code ec, std::size_t bytes);
    void read_body();
    void on_body(boost::beast::error_code ec, std::size_t bytes);
    // A failed read or write: answer what can be answered (413, 431, 400), else close.
    void on_io_error(boost::beast::error_code ec);
    void handle_request();
    void respond(Response response);
    void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
    // Answers an unreadable request with an error page, then closes.
    void refuse(int status);
    // Half-closes and discards what the client still sends, briefly, so that
    // its TCP stack does not reset the connection before it reads our answer.
    void linger_then_close();
    void drain();
    void shutdown_on_strand();

    boost::beast::tcp_stream stream_;
    ServerContext& context_;
    const bool counted_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<void> in_flight_message_;  // keeps a message alive during its write
    std::string drain_buffer_;
    State state_ = State::waiting;
    bool stopping_ = false;

    // About the request being answered; nothing that identifies the client.
    std::chrono::steady_clock::time_point started_;
    std::string request_id_;
    std::string route_;
    std::string method_;
    unsigned version_ = 11;
    bool head_ = false;
    bool client_keep_alive_ = false;
};

}  // namespace safesurvey::http
