// Graceful shutdown: every request the server accepted is answered in full.
#include <catch2/catch.hpp>
#include <csignal>

#include "tests/server/http_loopback_client.hpp"

using namespace safesurvey;
using namespace safesurvey::testing;

namespace {

// A route that takes a while on the worker pool, as a database write would.
http::Router slow_router(std::atomic<int>& started) {
    http::Router router;
    router.add("POST", "/slow",
               [&started](const http::Request& request) {
                   ++started;
                   std::this_thread::sleep_for(300ms);
                   return http::Response::text(200, "stored " + request.body);
               },
               {.blocking = true});
    router.add("GET", "/fast",
               [](const http::Request&) { return http::Response::text(200, "ok"); });
    return router;
}

struct ClientOutcome {
    std::atomic<bool> sent{false};
    std::optional<ClientResponse> response;
};

// Sends one slow POST and waits for its answer.
void post_and_wait(std::uint16_t port, int index, ClientOutcome& outcome) {
    LoopbackClient client(port);
    const std::string body = "answer-" + std::to_string(index);
    const bool ok = !client.send_raw("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: " +
                                     std::to_string(body.size()) + "\r\n\r\n" + body);
    outcome.sent = true;
    if (ok) outcome.response = client.read(15000ms);
}

}  // namespace

TEST_CASE("stop() under load answers every request in flight, then refuses new ones",
          "[shutdown]") {
    observability::service_log().set_min_level(observability::LogLevel::warn);
    std::atomic<int> started{0};
    RunningServer server(slow_router(started));
    constexpr int kClients = 24;  // more than the worker pool, so some wait in its queue
    std::vector<ClientOutcome> outcomes(kClients);
    std::vector<std::thread> clients;
    for (int i = 0; i < kClients; ++i)
        clients.emplace_back(post_and_wait, server.port(), i, std::ref(outcomes[i]));
    for (auto& outcome : outcomes)
        while (!outcome.sent) std::this_thread::sleep_for(1ms);
    REQUIRE(started > 0);

    const auto stop_started = std::chrono::steady_clock::now();
    server.stop();
    const auto stop_took = std::chrono::steady_clock::now() - stop_started;
    for (auto& thread : clients) thread.join();

    int answered = 0;
    for (int i = 0; i < kClients; ++i) {
        INFO("client " << i);
        REQUIRE(outcomes[i].response);
        CHECK(outcomes[i].response->result_int() == 200);
        CHECK(outcomes[i].response->body() == "stored answer-" + std::to_string(i));
        CHECK_FALSE(outcomes[i].response->keep_alive());  // told the connection is ending
        ++answered;
    }
    CHECK(answered == kClients);
    CHECK(stop_took < 10s);                       // drained, not cut off by shutdown_grace
    CHECK_THROWS(LoopbackClient(server.port()));  // no longer listening
}

TEST_CASE("an idle kept-alive connection does not hold up shutdown", "[shutdown]") {
    std::atomic<int> started{0};
    auto config = loopback_config();
    config.idle_timeout = 30s;
    RunningServer server(slow_router(started), config);
    LoopbackClient idle(server.port());
    REQUIRE(idle.get("/fast"));
    const auto before = std::chrono::steady_clock::now();
    server.stop();
    CHECK(std::chrono::steady_clock::now() - before < 3s);
    CHECK(idle.wait_for_close(1000ms));
}

TEST_CASE("SIGTERM drains in-flight requests and run() returns", "[shutdown][signal]") {
    observability::service_log().set_min_level(observability::LogLevel::warn);
    std::atomic<int> started{0};
    http::Router router = slow_router(started);
    observability::Metrics metrics;
    ServiceConfig config = loopback_config();
    http::HttpServer server(config, router, metrics);
    REQUIRE_FALSE(server.listen());
    std::thread runner([&] { server.run(true); });

    // Once a request is answered, run() has installed its signal handler.
    std::optional<ClientResponse> warm;
    for (int i = 0; i < 100 && !warm; ++i) {
        LoopbackClient probe(server.port());
        warm = probe.get("/fast");
    }
    REQUIRE(warm);

    ClientOutcome outcome;
    std::thread client(post_and_wait, server.port(), 7, std::ref(outcome));
    while (started == 0) std::this_thread::sleep_for(1ms);
    ::kill(::getpid(), SIGTERM);
    runner.join();
    client.join();
    REQUIRE(outcome.response);
    CHECK(outcome.response->result_int() == 200);
    CHECK(outcome.response->body() == "stored answer-7");
}
