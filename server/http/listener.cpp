#include "server/http/listener.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>

#include "server/http/session.hpp"
#include "server/observability/json_log.hpp"

namespace safesurvey::http {
namespace net = boost::asio;
using boost::beast::error_code;
using net::ip::tcp;

Listener::Listener(net::io_context& ioc, ServerContext& context)
    : ioc_(ioc),
      context_(context),
      acceptor_(net::make_strand(ioc)),
      retry_timer_(acceptor_.get_executor()) {}

std::optional<std::string> Listener::open(const std::string& address, std::uint16_t port) {
    const std::string where = address + ":" + std::to_string(port);
    error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) return "setting 'listen': " + address + " is not an IP address";
    const tcp::endpoint endpoint(ip, port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (ec == net::error::address_in_use) return where + " is already in use";
    if (ec == net::error::access_denied) return "not allowed to listen on " + where;
    if (ec == boost::system::errc::address_not_available)
        return where + " is not an address of this machine";
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) return "cannot listen on " + where + ": " + ec.message();
    port_ = acceptor_.local_endpoint(ec).port();
    return std::nullopt;
}

void Listener::start() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::close() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
        // Connections the kernel has already accepted hold requests clients
        // have sent in good faith: take them before closing, so that shutdown
        // answers them instead of resetting them.
        error_code ec;
        self->acceptor_.non_blocking(true, ec);
        while (!ec && self->acceptor_.is_open()) {
            tcp::socket socket(net::make_strand(self->ioc_));
            self->acceptor_.accept(socket, ec);
            if (!ec) self->admit(std::move(socket));
        }
        self->acceptor_.close(ec);
        self->retry_timer_.cancel();
    });
}

void Listener::admit(tcp::socket socket) {
    const std::size_t open = context_.open_connections.fetch_add(1) + 1;
    if (open > context_.config.max_connections) {
        context_.open_connections.fetch_sub(1);
        std::make_shared<HttpSession>(std::move(socket), context_, false)->reject_over_capacity();
    } else {
        std::make_shared<HttpSession>(std::move(socket), context_, true)->start();
    }
}

void Listener::accept() {
    // Each connection gets its own strand: its handlers never run concurrently.
    acceptor_.async_accept(net::make_strand(ioc_), boost::beast::bind_front_handler(
                                                       &Listener::on_accept, shared_from_this()));
}

void Listener::on_accept(error_code ec, tcp::socket socket) {
    // A connection accepted just before close() ran is queued behind it on this
    // strand; it is as much in flight as those close() took, so it is served too.
    if (!acceptor_.is_open()) {
        if (!ec) admit(std::move(socket));
        return;
    }
    if (ec) {
        // Out of file descriptors, typically: pause instead of spinning.
        observability::log_warn("http_accept_failed", {{"error", ec.message()}});
        retry_timer_.expires_after(std::chrono::milliseconds(100));
        retry_timer_.async_wait([self = shared_from_this()](error_code wait_ec) {
            if (!wait_ec) self->accept();
        });
        return;
    }
    admit(std::move(socket));
    accept();
}

}  // namespace safesurvey::http
