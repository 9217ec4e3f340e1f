// The rate limiter is what stands between a script and the response store or
// the resume-code space, without keeping anyone's address.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "server/access/rate_limiter.hpp"

using namespace std::chrono_literals;
using safesurvey::access::Budget;
using safesurvey::access::RateLimiter;
using safesurvey::access::RateLimits;

namespace {

RateLimits small_limits() {
    RateLimits limits;
    limits.page_view = {5, 1000ms};
    limits.submission = {2, 10000ms};
    limits.resume_attempt = {3, 60000ms};
    limits.max_keys = 1000;
    return limits;
}

int allowed_in_a_row(RateLimiter& limiter, std::string_view key, Budget budget,
                     RateLimiter::Clock::time_point now, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; ++i) allowed += limiter.allow(key, budget, now) ? 1 : 0;
    return allowed;
}

}  // namespace

TEST_CASE("a client gets its burst, then is refused until tokens refill") {
    RateLimiter limiter(small_limits());
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    CHECK(allowed_in_a_row(limiter, "client-a", Budget::page_view, t0, 20) == 5);
    CHECK_FALSE(limiter.allow("client-a", Budget::page_view, t0 + 999ms));
    CHECK(limiter.allow("client-a", Budget::page_view, t0 + 1000ms));
    CHECK_FALSE(limiter.allow("client-a", Budget::page_view, t0 + 1000ms));
    // A long pause refills to the burst, never beyond it.
    CHECK(allowed_in_a_row(limiter, "client-a", Budget::page_view, t0 + 1h, 20) == 5);
}

TEST_CASE("budgets are separate: reading pages does not use up submissions") {
    RateLimiter limiter(small_limits());
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    CHECK(allowed_in_a_row(limiter, "client-a", Budget::page_view, t0, 50) == 5);
    CHECK(allowed_in_a_row(limiter, "client-a", Budget::submission, t0, 50) == 2);
    CHECK(allowed_in_a_row(limiter, "client-a", Budget::resume_attempt, t0, 50) == 3);
    CHECK_FALSE(limiter.allow("client-a", Budget::resume_attempt, t0 + 59s));
    CHECK(limiter.allow("client-a", Budget::resume_attempt, t0 + 60s));
}

TEST_CASE("one client's flood does not limit another client") {
    RateLimiter limiter(small_limits());
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    CHECK(allowed_in_a_row(limiter, "flooder", Budget::submission, t0, 1000) == 2);
    CHECK(allowed_in_a_row(limiter, "neighbour", Budget::submission, t0, 2) == 2);
}

TEST_CASE("memory stays bounded however many clients appear") {
    RateLimits limits = small_limits();
    limits.max_keys = 64;
    RateLimiter limiter(limits);
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    // A client that keeps coming back stays tracked (and stays limited) while
    // thousands of one-off keys pass through.
    CHECK(allowed_in_a_row(limiter, "regular", Budget::submission, t0, 5) == 2);
    for (int i = 0; i < 20000; ++i) {
        limiter.allow("one-off-" + std::to_string(i), Budget::page_view, t0);
        if (i % 2 == 0) CHECK_FALSE(limiter.allow("regular", Budget::submission, t0));
    }
    CHECK(limiter.tracked_keys() <= 64 + 16);
    CHECK(limiter.tracked_keys() >= 16);
}

TEST_CASE("concurrent callers never get more than the burst") {
    RateLimiter limiter(small_limits());
    const auto t0 = RateLimiter::Clock::time_point{} + 1h;
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 500; ++i) {
                if (limiter.allow("shared", Budget::page_view, t0)) ++allowed;
                limiter.allow("own-" + std::to_string(i), Budget::page_view, t0);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(allowed.load() == 5);
}
