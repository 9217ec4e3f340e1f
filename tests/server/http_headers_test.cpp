// What every response carries, checked on real responses from a loopback server.
#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "server/http/client_key.hpp"
#include "server/http/error_page.hpp"
#include "server/http/operational_routes.hpp"
#include "server/http/static_files.hpp"
#include "tests/server/http_loopback_client.hpp"

using namespace safesurvey;
using namespace safesurvey::testing;

namespace {

http::Router app_router(observability::Metrics& metrics) {
    http::Router router;
    router.add("GET", "/page",
               [](const http::Request&) { return http::Response::html(200, "<p>page</p>"); });
    router.add("GET", "/boom", [](const http::Request&) -> http::Response {
        throw std::runtime_error("secret detail");
    });
    router.add("POST", "/form", [](const http::Request& request) {
        return http::Response::text(200, "key " + request.client_key);
    });
    router.add("GET", "/whoami", [](const http::Request& request) {
        return http::Response::text(200, request.client_key);
    });
    http::add_operational_routes(router, metrics, [] { return true; });
    http::add_static_routes(router, SAFESURVEY_ASSETS_DIR);
    return router;
}

void check_security_headers(const ClientResponse& response) {
    INFO("status " << response.result_int());
    CHECK(response["Content-Security-Policy"].find(
              "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'") ==
          0);
    CHECK(response["Content-Security-Policy"].find("unsafe-inline") == std::string::npos);
    CHECK(response["X-Content-Type-Options"] == "nosniff");
    CHECK(response["Referrer-Policy"] == "no-referrer");
    CHECK(response["Permissions-Policy"].find("camera=()") != std::string::npos);
    CHECK(response["Permissions-Policy"].find("geolocation=()") != std::string::npos);
}

// The server's own metrics object is separate from the routes' one here, so
// the operational routes get a registry that lives as long as the test.
struct Fixture {
    observability::Metrics route_metrics;
    RunningServer server{app_router(route_metrics)};
    Fixture() { observability::service_log().set_min_level(observability::LogLevel::warn); }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "dynamic pages carry the security headers and no-store", "[headers]") {
    LoopbackClient client(server.port());
    auto response = client.get("/page");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    check_security_headers(*response);
    CHECK((*response)["Cache-Control"] == "no-store");
    CHECK((*response)["Content-Type"] == "text/html; charset=utf-8");
    CHECK((*response)["X-Request-Id"].size() == 16);
}

TEST_CASE_METHOD(Fixture, "a 404 carries the headers and never echoes the request", "[headers]") {
    LoopbackClient client(server.port());
    auto response = client.get("/%3Cscript%3Ealert(1)%3C/script%3E?answer=my-secret-answer",
                               {{"Cookie", "session=cookie-value"}});
    REQUIRE(response);
    CHECK(response->result_int() == 404);
    check_security_headers(*response);
    CHECK((*response)["Cache-Control"] == "no-store");
    const std::string& body = response->body();
    CHECK(body.find("Page not found") != std::string::npos);
    CHECK(body.find("alert") == std::string::npos);
    CHECK(body.find("my-secret-answer") == std::string::npos);
    CHECK(body.find("cookie-value") == std::string::npos);
}

TEST_CASE_METHOD(Fixture, "a handler that throws gets a 500 page quoting only the request id",
                 "[headers]") {
    LoopbackClient client(server.port());
    auto response = client.get("/boom");
    REQUIRE(response);
    CHECK(response->result_int() == 500);
    check_security_headers(*response);
    CHECK((*response)["Cache-Control"] == "no-store");
    const std::string id((*response)["X-Request-Id"]);
    REQUIRE(id.size() == 16);
    CHECK(response->body().find(id) != std::string::npos);
    CHECK(response->body().find("secret detail") == std::string::npos);
    // The connection survives a failed handler.
    auto next = client.get("/page");
    REQUIRE(next);
    CHECK(next->result_int() == 200);
}

TEST_CASE_METHOD(Fixture, "a wrong method gets 405 with Allow", "[headers]") {
    LoopbackClient client(server.port());
    client.send_raw("DELETE /page HTTP/1.1\r\nHost: a\r\n\r\n");
    auto response = client.read();
    REQUIRE(response);
    CHECK(response->result_int() == 405);
    CHECK((*response)["Allow"] == "GET, HEAD");
    check_security_headers(*response);
}

TEST_CASE_METHOD(Fixture, "static assets have the headers, an ETag, a long cache life and 304",
                 "[headers][static]") {
    LoopbackClient client(server.port());
    auto css = client.get("/assets/govuk-frontend.min.css");
    REQUIRE(css);
    CHECK(css->result_int() == 200);
    check_security_headers(*css);
    CHECK((*css)["Cache-Control"] == "public, max-age=31536000, immutable");
    CHECK((*css)["Content-Type"] == "text/css; charset=utf-8");
    const std::string etag((*css)["ETag"]);
    REQUIRE_FALSE(etag.empty());

    auto js = client.get("/assets/govuk-frontend.min.js");
    REQUIRE(js);
    CHECK((*js)["Content-Type"] == "text/javascript; charset=utf-8");

    auto cached = client.get("/assets/govuk-frontend.min.css", {{"If-None-Match", etag}});
    REQUIRE(cached);
    CHECK(cached->result_int() == 304);
    CHECK(cached->body().empty());
    CHECK((*cached)["ETag"] == etag);
    check_security_headers(*cached);

    auto outside = client.get("/assets/..%2F..%2FCMakeCache.txt");
    REQUIRE(outside);
    CHECK(outside->result_int() == 404);
}

TEST_CASE_METHOD(Fixture, "HEAD gets the headers and length of GET without the body", "[headers]") {
    LoopbackClient client(server.port());
    client.send_raw("HEAD /page HTTP/1.1\r\nHost: a\r\n\r\n");
    auto head = client.read(5000ms, true);
    REQUIRE(head);
    CHECK(head->result_int() == 200);
    CHECK((*head)["Content-Length"] == "11");
    CHECK(head->body().empty());
    auto after = client.get("/page");  // the connection is still in step
    REQUIRE(after);
    CHECK(after->body() == "<p>page</p>");
}

TEST_CASE_METHOD(Fixture, "health, readiness and metrics answer", "[operational]") {
    LoopbackClient client(server.port());
    auto health = client.get("/healthz");
    REQUIRE(health);
    CHECK(health->body() == "ok\n");
    auto ready = client.get("/readyz");
    REQUIRE(ready);
    CHECK(ready->result_int() == 200);
    route_metrics.counter("safesurvey_test_total", "a test counter").inc({{"k", "v"}});
    auto metrics = client.get("/metrics");
    REQUIRE(metrics);
    CHECK((*metrics)["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8");
    CHECK(metrics->body().find("safesurvey_test_total{k=\"v\"} 1") != std::string::npos);
}

TEST_CASE("readiness follows the callback", "[operational]") {
    observability::Metrics metrics;
    std::atomic<bool> ready{false};
    http::Router router;
    http::add_operational_routes(router, metrics, [&] { return ready.load(); });
    http::Request request;
    request.method = "GET";
    request.path = "/readyz";
    CHECK(router.dispatch(request).status == 503);
    ready = true;
    CHECK(router.dispatch(request).status == 200);
}

TEST_CASE("the server counts requests by route pattern, never by raw path", "[operational]") {
    observability::Metrics unused;
    RunningServer server(app_router(unused));
    LoopbackClient client(server.port());
    REQUIRE(client.get("/page"));
    REQUIRE(client.get("/no-such-page-12345"));
    const std::string text = server.metrics().render();
    CHECK(text.find("safesurvey_http_requests_total{method=\"GET\",route=\"/page\",status=\"200\"} "
                    "1") != std::string::npos);
    CHECK(text.find("route=\"unmatched\",status=\"404\"") != std::string::npos);
    CHECK(text.find("no-such-page") == std::string::npos);
    CHECK(text.find("safesurvey_http_request_duration_seconds_count{route=\"/page\"} 1") !=
          std::string::npos);
}

TEST_CASE("client keys are hashes that never contain the address", "[client_key]") {
    observability::Metrics unused;
    RunningServer server(app_router(unused));
    LoopbackClient client(server.port());
    auto first = client.get("/whoami");
    auto second = client.get("/whoami");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->body().size() == 32);
    CHECK(first->body().find("127.0.0.1") == std::string::npos);
    CHECK(first->body() == second->body());
    // No trusted proxy is configured: X-Forwarded-For cannot change the key.
    auto spoofed = client.get("/whoami", {{"X-Forwarded-For", "10.9.8.7"}});
    REQUIRE(spoofed);
    CHECK(spoofed->body() == first->body());
}

TEST_CASE("a trusted proxy's X-Forwarded-For stands for the client", "[client_key]") {
    http::ClientKeyHasher keys;
    const std::optional<std::string> proxy = "10.0.0.1";
    const auto direct = keys.key_for("192.0.2.5", std::nullopt, std::nullopt);
    CHECK(keys.key_for("10.0.0.1", proxy, "192.0.2.5, 10.0.0.1") == direct);
    CHECK(keys.key_for("10.0.0.2", proxy, "192.0.2.5") != direct);  // not the proxy
    CHECK(keys.key_for("10.0.0.1", std::nullopt, "192.0.2.5") != direct);
    CHECK(keys.hash("192.0.2.5", 100) != keys.hash("192.0.2.5", 101));  // rotated daily
    CHECK(keys.hash("192.0.2.6", 101) != keys.hash("192.0.2.5", 101));
}

TEST_CASE("request logs hold the route pattern and never answers, addresses or cookies", "[log]") {
    std::ostringstream captured;
    auto* original = std::cout.rdbuf(captured.rdbuf());
    {
        observability::service_log().set_min_level(observability::LogLevel::info);
        observability::Metrics unused;
        RunningServer server(app_router(unused));
        LoopbackClient client(server.port());
        client.send_raw(
            "POST /form?q=query-secret HTTP/1.1\r\nHost: a\r\nCookie: sid=cookie-secret\r\n"
            "User-Agent: agent-secret\r\nX-Forwarded-For: 10.9.8.7\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 18\r\n\r\n"
            "answer=body-secret");
        REQUIRE(client.read());
        REQUIRE(client.get("/boom"));
    }
    std::cout.rdbuf(original);
    const std::string log = captured.str();
    CHECK(log.find("\"event\":\"http_request\"") != std::string::npos);
    CHECK(log.find("\"route\":\"/form\"") != std::string::npos);
    CHECK(log.find("\"event\":\"handler_failed\"") != std::string::npos);
    for (const char* secret : {"secret", "127.0.0.1", "10.9.8.7", "sid="}) {
        INFO(secret);
        CHECK(log.find(secret) == std::string::npos);
    }
}
