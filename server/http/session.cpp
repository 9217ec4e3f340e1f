#include "server/http/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "server/http/error_page.hpp"
#include "server/observability/json_log.hpp"
#include "server/observability/request_id.hpp"

namespace safesurvey::http {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using beast::error_code;

namespace {

// Long enough for a client to read an error page we sent while it was still
// sending its body; short enough that refused clients cannot pile up.
constexpr auto kLingerTime = std::chrono::seconds(2);

bool is_parse_error(const error_code& ec) {
    return ec.category() == beast_http::make_error_code(beast_http::error::bad_target).category() &&
           ec != beast_http::error::end_of_stream && ec != beast_http::error::partial_message;
}

// Why TE and CL together are refused: a proxy in front of us might frame the
// body by the other header, letting a second request hide inside the first.
bool has_ambiguous_framing(const WireRequest& message) {
    const auto te = message.find(beast_http::field::transfer_encoding);
    if (te == message.end()) return false;
    if (message.find(beast_http::field::content_length) != message.end()) return true;
    return !beast::iequals(te->value(), "chunked");
}

// The edge for handlers' exceptions. what() is not logged: it may quote input
// (a JSON parse error does), and input may be an answer.
Response call_handler(const Handler& handler, const Request& request, const std::string& route) {
    try {
        return handler(request);
    } catch (...) {
        observability::log_error("handler_failed",
                                 {{"route", route}, {"request_id", request.request_id}});
        return error_page(500, request.request_id);
    }
}

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, ServerContext& context, bool counted)
    : stream_(std::move(socket)), context_(context), counted_(counted) {
    if (counted_) context_.open_connections_gauge.add(1);
}

HttpSession::~HttpSession() {
    if (!counted_) return;
    context_.sessions.remove(this);
    context_.open_connections_gauge.add(-1);
    context_.open_connections.fetch_sub(1);
}

void HttpSession::start() {
    stopping_ = context_.sessions.add(this, weak_from_this());
    // The first read runs on the strand like every later one.
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->wait_for_request(true);
        if (self->stopping_) self->shutdown_on_strand();
    });
}

void HttpSession::begin_shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->shutdown_on_strand(); });
}

void HttpSession::shutdown_on_strand() {
    stopping_ = true;
    if (state_ != State::waiting) return;  // the response will close the connection
    // A request that has arrived but not been read yet is still answered.
    error_code ec;
    if (buffer_.size() > 0 || stream_.socket().available(ec) > 0) return;
    stream_.cancel();
}

void HttpSession::wait_for_request(bool first) {
    state_ = State::waiting;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(context_.config.header_limit_bytes));
    parser_->body_limit(context_.config.body_limit_bytes);
    // A new connection gets read_timeout for its whole first request; a kept-alive
    // one may sit idle for idle_timeout, then has read_timeout once bytes arrive.
    stream_.expires_after(first ? context_.config.read_timeout : context_.config.idle_timeout);
    if (buffer_.size() > 0) {  // a pipelined request is already here
        on_first_bytes(first, {}, 0);
        return;
    }
    stream_.async_read_some(
        buffer_.prepare(4096),
        beast::bind_front_handler(&HttpSession::on_first_bytes, shared_from_this(), first));
}

void HttpSession::on_first_bytes(bool first, error_code ec, std::size_t bytes) {
    if (ec) return on_io_error(ec);
    buffer_.commit(bytes);
    if (!first) stream_.expires_after(context_.config.read_timeout);
    state_ = State::reading;
    beast_http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::on_header, shared_from_this()));
}

void HttpSession::on_header(error_code ec, std::size_t) {
    if (ec) return on_io_error(ec);
    const auto& message = parser_->get();
    if (has_ambiguous_framing(message)) return refuse(400);
    // Refuse an oversized body before reading it (a 10 MB upload gets 413 at once).
    if (auto length = parser_->content_length();
        length && *length > context_.config.body_limit_bytes)
        return refuse(413);
    if (beast::iequals(message[beast_http::field::expect], "100-continue")) {
        auto interim = std::make_shared<beast_http::response<beast_http::empty_body>>(
            beast_http::status::continue_, message.version());
        in_flight_message_ = interim;
        stream_.expires_after(context_.config.write_timeout);
        beast_http::async_write(stream_, *interim,
                                [self = shared_from_this()](error_code write_ec, std::size_t) {
                                    self->in_flight_message_.reset();
                                    if (write_ec) return self->on_io_error(write_ec);
                                    // The body has a fresh read deadline of its own.
                                    self->stream_.expires_after(self->context_.config.read_timeout);
                                    self->read_body();
                                });
        return;
    }
    read_body();
}

void HttpSession::read_body() {
    beast_http::async_read(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&HttpSession::on_body, shared_from_this()));
}

void HttpSession::on_body(error_code ec, std::size_t) {
    if (ec) return on_io_error(ec);
    handle_request();
}

void HttpSession::on_io_error(error_code ec) {
    if (ec == beast_http::error::header_limit) return refuse(431);
    if (ec == beast_http::error::body_limit) return refuse(413);
    if (is_parse_error(ec)) return refuse(400);
    if (ec == beast::error::timeout) context_.timeouts.inc();
    // The client left, went quiet past its deadline, or shutdown cancelled an
    // idle wait: nothing was asked that could be answered.
    state_ = State::closing;
    error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();
}

void HttpSession::handle_request() {
    state_ = State::handling;
    started_ = std::chrono::steady_clock::now();
    request_id_ = observability::new_request_id();
    WireRequest message = parser_->release();
    version_ = message.version();
    head_ = message.method() == beast_http::verb::head;
    client_keep_alive_ = message.keep_alive();
    method_ = std::string(method_label(message.method_string()));

    std::optional<Request> request = from_wire(std::move(message));
    if (!request) {
        route_ = "invalid";
        client_keep_alive_ = false;
        return respond(error_page(400, request_id_));
    }
    request->request_id = request_id_;
    const RouteMatch match = context_.router.match(request->method, request->path);
    route_ = match.name.empty() ? "unmatched" : match.name;
    if (match.method_not_allowed)
        return respond(method_not_allowed_page(match.allowed_methods, request_id_));
    if (!match.handler) return respond(error_page(404, request_id_));
    for (const auto& [name, value] : match.params) request->params[name] = value;

    error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) {
        request->client_key =
            context_.client_keys.key_for(peer.address().to_string(), context_.config.trusted_proxy,
                                         request->header("x-forwarded-for"));
    }
    if (!match.blocking) return respond(call_handler(*match.handler, *request, route_));
    // Database and crypto work never runs on a network thread; the answer comes
    // back to this connection's strand.
    net::post(context_.workers, [self = shared_from_this(), handler = match.handler,
                                 request = std::move(*request), route = route_]() mutable {
        Response response = call_handler(*handler, request, route);
        net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
            self->respond(std::move(response));
        });
    });
}

void HttpSession::respond(Response response) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const int status = response.status;
    context_.metrics.record_request(route_, method_, status, seconds);
    observability::log_info("http_request", {{"route", route_},
                                             {"method", method_},
                                             {"status", status},
                                             {"duration_ms", seconds * 1000.0},
                                             {"request_id", request_id_}});
    const bool keep_alive = client_keep_alive_ && !stopping_;
    auto wire = std::make_shared<WireResponse>(to_wire(
        std::move(response),
        {.version = version_, .head = head_, .keep_alive = keep_alive, .request_id = request_id_}));
    in_flight_message_ = wire;
    state_ = State::writing;
    stream_.expires_after(context_.config.write_timeout);
    beast_http::async_write(
        stream_, *wire,
        beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, error_code ec, std::size_t) {
    in_flight_message_.reset();
    if (ec) return on_io_error(ec);
    if (!keep_alive || stopping_) return linger_then_close();
    wait_for_request(false);
}

void HttpSession::refuse(int status) {
    started_ = std::chrono::steady_clock::now();
    request_id_ = observability::new_request_id();
    route_ = "invalid";
    method_ = parser_ && parser_->is_header_done()
                  ? std::string(method_label(parser_->get().method_string()))
                  : "OTHER";
    client_keep_alive_ = false;
    version_ = 11;
    head_ = false;
    respond(error_page(status, request_id_));
}

void HttpSession::reject_over_capacity() {
    context_.rejected_connections.inc();
    auto wire = std::make_shared<WireResponse>(to_wire(error_page(503), WireOptions{}));
    wire->set(beast_http::field::retry_after, "5");
    in_flight_message_ = wire;
    state_ = State::writing;
    stream_.expires_after(
        std::min<std::chrono::seconds>(context_.config.write_timeout, std::chrono::seconds(5)));
    beast_http::async_write(stream_, *wire,
                            [self = shared_from_this()](error_code ec, std::size_t) {
                                self->in_flight_message_.reset();
                                if (ec) return self->on_io_error(ec);
                                self->linger_then_close();
                            });
}

void HttpSession::linger_then_close() {
    state_ = State::closing;
    error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTime);
    drain();
}

void HttpSession::drain() {
    drain_buffer_.resize(16 * 1024);
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](error_code ec, std::size_t) {
                                if (!ec) return self->drain();
                                self->stream_.close();
                            });
}

}  // namespace safesurvey::http
