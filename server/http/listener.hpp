// Accepts connections and hands each to a session on its own strand. Beyond
// max_connections a connection is answered 503 and closed, so a flood of
// clients cannot exhaust file descriptors or memory.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>
#include <memory>
#include <optional>
#include <string>

#include "server/http/server_context.hpp"

namespace safesurvey::http {

class Listener : public std::enable_shared_from_this<Listener> {
  public:
    Listener(boost::asio::io_context& ioc, ServerContext& context);

    // Opens, binds and listens. Returns a message naming the address on failure.
    std::optional<std::string> open(const std::string& address, std::uint16_t port);
    std::uint16_t port() const { return port_; }

    void start();
    // Stops accepting; thread-safe.
    void close();

  private:
    void accept();
    void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);
    // Starts a session, or a 503 for a connection over max_connections.
    void admit(boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& ioc_;
    ServerContext& context_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_timer_;
    std::uint16_t port_ = 0;
};

}  // namespace safesurvey::http
