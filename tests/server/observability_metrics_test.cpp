#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "server/observability/json_log.hpp"
#include "server/observability/metrics.hpp"
#include "server/observability/request_id.hpp"

using namespace safesurvey::observability;

TEST_CASE("counters render in the Prometheus text format", "[metrics]") {
    Metrics metrics;
    auto& submissions = metrics.counter("safesurvey_submissions_total", "Submissions by outcome.");
    submissions.inc({{"outcome", "stored"}});
    submissions.inc({{"outcome", "stored"}});
    submissions.inc({{"outcome", "refused"}});
    CHECK(submissions.value({{"outcome", "stored"}}) == 2);

    const std::string text = metrics.render();
    CHECK(text.find("# HELP safesurvey_submissions_total Submissions by outcome.\n") !=
          std::string::npos);
    CHECK(text.find("# TYPE safesurvey_submissions_total counter\n") != std::string::npos);
    CHECK(text.find("safesurvey_submissions_total{outcome=\"stored\"} 2\n") != std::string::npos);
    CHECK(text.find("safesurvey_submissions_total{outcome=\"refused\"} 1\n") != std::string::npos);
    // The same name gives the same counter; another kind is a programming error.
    CHECK(&metrics.counter("safesurvey_submissions_total", "") == &submissions);
    CHECK_THROWS_AS(metrics.gauge("safesurvey_submissions_total", ""), std::logic_error);
}

TEST_CASE("request metrics count by route, method and status with a latency histogram",
          "[metrics]") {
    Metrics metrics;
    metrics.record_request("/s/{token}", "GET", 200, 0.003);
    metrics.record_request("/s/{token}", "GET", 200, 0.2);
    metrics.record_request("/s/{token}", "POST", 303, 7.0);
    const std::string text = metrics.render();
    CHECK(text.find("safesurvey_http_requests_total{method=\"GET\",route=\"/s/{token}\","
                    "status=\"200\"} 2\n") != std::string::npos);
    CHECK(text.find("# TYPE safesurvey_http_request_duration_seconds histogram") !=
          std::string::npos);
    // Cumulative buckets: 0.003 is under 0.005; all three are under +Inf.
    CHECK(text.find("safesurvey_http_request_duration_seconds_bucket{route=\"/s/{token}\","
                    "le=\"0.005\"} 1\n") != std::string::npos);
    CHECK(text.find("safesurvey_http_request_duration_seconds_bucket{route=\"/s/{token}\","
                    "le=\"0.25\"} 2\n") != std::string::npos);
    CHECK(text.find("safesurvey_http_request_duration_seconds_bucket{route=\"/s/{token}\","
                    "le=\"+Inf\"} 3\n") != std::string::npos);
    CHECK(text.find("safesurvey_http_request_duration_seconds_count{route=\"/s/{token}\"} 3\n") !=
          std::string::npos);
}

TEST_CASE("label values are escaped", "[metrics]") {
    Metrics metrics;
    metrics.counter("odd_total", "help").inc({{"v", "a\"b\\c\nd"}});
    CHECK(metrics.render().find("odd_total{v=\"a\\\"b\\\\c\\nd\"} 1\n") != std::string::npos);
}

TEST_CASE("metrics can be updated from many threads at once", "[metrics]") {
    Metrics metrics;
    auto& counter = metrics.counter("busy_total", "help");
    auto& gauge = metrics.gauge("level", "help");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10000; ++i) {
                counter.inc();
                gauge.add(1);
                gauge.add(-1);
                metrics.record_request("/x", "GET", 200, 0.001);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(counter.value() == 40000);
    CHECK(gauge.value() == 0);
    CHECK(metrics.histogram("safesurvey_http_request_duration_seconds", "")
              .count({{"route", "/x"}}) == 40000);
}

TEST_CASE("the log writes one JSON object per line with time, level and event", "[log]") {
    std::ostringstream out;
    JsonLog log(out);
    log.write(LogLevel::info, "http_request", {{"route", "/s/{token}"}, {"status", 200}});
    log.write(LogLevel::debug, "dropped");  // below the default level
    log.write(LogLevel::error, "handler_failed", {{"event", "not overridden"}});

    std::istringstream lines(out.str());
    std::string line;
    std::vector<nlohmann::json> parsed;
    while (std::getline(lines, line)) parsed.push_back(nlohmann::json::parse(line));
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["event"] == "http_request");
    CHECK(parsed[0]["level"] == "info");
    CHECK(parsed[0]["route"] == "/s/{token}");
    CHECK(parsed[0]["status"] == 200);
    CHECK(parsed[0]["time"].get<std::string>().size() == 24);  // 2025-01-01T00:00:00.000Z
    CHECK(parsed[1]["event"] == "handler_failed");
    CHECK(parsed[1]["level"] == "error");
}

TEST_CASE("request ids are random hex", "[log]") {
    const std::string a = new_request_id();
    const std::string b = new_request_id();
    CHECK(a.size() == 16);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a != b);
}
