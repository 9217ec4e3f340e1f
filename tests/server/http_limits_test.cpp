// Limits and deadlines against a real server on a loopback port.
#include <catch2/catch.hpp>

#include "tests/server/http_loopback_client.hpp"

using namespace safesurvey;
using namespace safesurvey::testing;

namespace {

http::Router echo_router() {
    http::Router router;
    router.add("GET", "/hello",
               [](const http::Request&) { return http::Response::text(200, "hello"); });
    router.add("POST", "/echo", [](const http::Request& request) {
        return http::Response::text(200, "got " + std::to_string(request.body.size()));
    });
    return router;
}

std::string post_header(std::size_t length, const std::string& extra = {}) {
    return "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
           "Content-Length: " +
           std::to_string(length) + "\r\n" + extra + "\r\n";
}

}  // namespace

TEST_CASE("a 10 MB POST gets 413 without the server reading it", "[limits]") {
    observability::service_log().set_min_level(observability::LogLevel::warn);
    RunningServer server(echo_router());
    LoopbackClient client(server.port());
    const std::size_t ten_mb = 10 * 1024 * 1024;
    const std::string request = post_header(ten_mb) + std::string(ten_mb, 'a');

    // Write and read at once, as a browser does: the answer comes before the
    // upload could finish, and the write may then fail, which is fine.
    std::optional<ClientResponse> response;
    beast_http::response_parser<beast_http::string_body> parser;
    beast::flat_buffer buffer;
    client.stream().expires_after(10s);
    net::async_write(client.stream(), net::buffer(request), [](beast::error_code, std::size_t) {});
    beast_http::async_read(client.stream(), buffer, parser, [&](beast::error_code ec, std::size_t) {
        if (!ec) response = parser.release();
    });
    client.run();
    REQUIRE(response);
    CHECK(response->result_int() == 413);
    CHECK(response->body().find("too large") != std::string::npos);
    CHECK(server.metrics().render().find("status=\"413\"") != std::string::npos);
}

TEST_CASE("a body within the limit is read and answered", "[limits]") {
    RunningServer server(echo_router());
    LoopbackClient client(server.port());
    REQUIRE_FALSE(client.send_raw(post_header(60000) + std::string(60000, 'a')));
    auto response = client.read();
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(response->body() == "got 60000");
}

TEST_CASE("a chunked body that grows past the limit gets 413", "[limits]") {
    RunningServer server(echo_router());
    LoopbackClient client(server.port());
    std::string request =
        "POST /echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 20; ++i) request += "1000\r\n" + std::string(0x1000, 'b') + "\r\n";
    request += "0\r\n\r\n";
    client.send_raw(request);
    auto response = client.read();
    REQUIRE(response);
    CHECK(response->result_int() == 413);
}

TEST_CASE("Content-Length together with Transfer-Encoding is refused with 400", "[limits]") {
    RunningServer server(echo_router());
    const std::string chunked_body = "5\r\nhello\r\n0\r\n\r\n";
    for (const std::string& headers :
         {std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
          std::string("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"),
          std::string("Transfer-Encoding: gzip\r\nContent-Length: 5\r\n")}) {
        LoopbackClient client(server.port());
        client.send_raw("POST /echo HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n" +
                        chunked_body);
        auto response = client.read();
        REQUIRE(response);
        CHECK(response->result_int() == 400);
        CHECK_FALSE(response->keep_alive());
        CHECK(client.wait_for_close(3000ms));  // nothing more is read from that connection
    }
}

TEST_CASE("headers beyond the header limit get 431", "[limits]") {
    RunningServer server(echo_router());
    LoopbackClient client(server.port());
    client.send_raw("GET /hello HTTP/1.1\r\nHost: localhost\r\nCookie: " + std::string(8000, 'c') +
                    "\r\n\r\n");
    auto response = client.read();
    REQUIRE(response);
    CHECK(response->result_int() == 431);
}

TEST_CASE("a client sending its header a byte at a time is cut off at the read deadline",
          "[limits][slow]") {
    RunningServer server(echo_router());  // read_timeout 2 s
    LoopbackClient client(server.port());
    const std::string header =
        "GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + std::string(100, 'p') +
        "\r\n\r\n";

    // Drip one byte every 250 ms (faster than the classic one a second, so the
    // test is quick; the deadline covers the whole header either way).
    const auto start = std::chrono::steady_clock::now();
    std::optional<std::chrono::milliseconds> closed_after;
    std::size_t sent = 0;
    char byte;
    client.stream().expires_after(10s);
    client.stream().async_read_some(net::buffer(&byte, 1), [&](beast::error_code ec, std::size_t) {
        if (ec == net::error::eof || ec == net::error::connection_reset)
            closed_after = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - start);
    });
    net::steady_timer drip(client.context());
    std::function<void()> send_next = [&] {
        if (closed_after || sent >= header.size()) return;
        net::async_write(client.stream().socket(), net::buffer(&header[sent++], 1),
                         [](beast::error_code, std::size_t) {});
        drip.expires_after(250ms);
        drip.async_wait([&](beast::error_code ec) {
            if (!ec) send_next();
        });
    };
    send_next();
    client.run();

    REQUIRE(closed_after);
    CHECK(closed_after->count() >= 1500);
    CHECK(closed_after->count() < 4000);
    CHECK(sent < header.size());  // cut off before the header was complete
    CHECK(server.metrics().render().find("safesurvey_http_timeouts_total 1") != std::string::npos);
}

TEST_CASE("a kept-alive connection serves several requests, then closes when idle", "[limits]") {
    auto config = loopback_config();
    config.idle_timeout = 1s;
    RunningServer server(echo_router(), config);
    LoopbackClient client(server.port());
    for (int i = 0; i < 3; ++i) {
        auto response = client.get("/hello");
        REQUIRE(response);
        CHECK(response->body() == "hello");
        CHECK(response->keep_alive());
    }
    auto closed = client.wait_for_close(4000ms);
    REQUIRE(closed);
    CHECK(closed->count() >= 800);
}

TEST_CASE("pipelined requests are answered in order", "[limits]") {
    RunningServer server(echo_router());
    LoopbackClient client(server.port());
    client.send_raw("GET /hello HTTP/1.1\r\nHost: a\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\n\r\n");
    auto first = client.read();
    auto second = client.read();
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->result_int() == 200);
    CHECK(second->result_int() == 404);
}

TEST_CASE("connections beyond max_connections get 503 until one closes", "[limits]") {
    auto config = loopback_config();
    config.max_connections = 2;
    RunningServer server(echo_router(), config);
    auto first = std::make_unique<LoopbackClient>(server.port());
    LoopbackClient second(server.port());
    REQUIRE(first->get("/hello"));
    REQUIRE(second.get("/hello"));

    {
        LoopbackClient third(server.port());
        auto refused = third.get("/hello");
        REQUIRE(refused);
        CHECK(refused->result_int() == 503);
        CHECK(refused->count("Retry-After") == 1);
        CHECK(refused->count("Content-Security-Policy") == 1);
    }
    first.reset();  // frees a slot
    std::optional<ClientResponse> admitted;
    for (int attempt = 0; attempt < 50 && !(admitted && admitted->result_int() == 200); ++attempt) {
        std::this_thread::sleep_for(20ms);
        LoopbackClient next(server.port());
        admitted = next.get("/hello");
    }
    REQUIRE(admitted);
    CHECK(admitted->result_int() == 200);
    CHECK(server.metrics().render().find("safesurvey_http_connections_rejected_total") !=
          std::string::npos);
}
