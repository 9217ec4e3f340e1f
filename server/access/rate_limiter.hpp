// Abuse control that stores no addresses: in-memory token buckets keyed by
// http::Request::client_key, which is already a keyed hash of the client's
// address rotated daily (the address never reaches this code, and nothing here
// is written to disk or survives a restart).
//
// Each client key has one bucket per budget, so a person who reads many pages
// can still submit, and guessing resume codes is limited separately and more
// tightly than anything else. Memory is bounded: at most `max_keys` clients
// are tracked; when full, the least recently seen client is forgotten (which
// only ever gives that client a fresh allowance, never locks anyone out).
//
// Thread-safe. Keys are spread over shards, each with its own mutex, so page
// views from many network threads rarely wait for one another.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace safesurvey::access {

enum class Budget { page_view, submission, resume_attempt };
inline constexpr std::size_t kBudgetCount = 3;

// A burst of `burst` requests, then one more every `refill_every`.
struct BucketRule {
    double burst = 1;
    std::chrono::milliseconds refill_every{1000};
};

struct RateLimits {
    // Generous enough for a family sharing one address, or an office behind
    // one NAT, to complete the survey many times over; tight enough that a
    // script cannot flood the store or walk the resume-code space.
    BucketRule page_view{300, std::chrono::milliseconds{500}};
    BucketRule submission{30, std::chrono::seconds{60}};
    BucketRule resume_attempt{10, std::chrono::seconds{120}};
    std::size_t max_keys = 100'000;

    const BucketRule& rule(Budget budget) const;
};

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimits limits = {});
    RateLimiter(const RateLimiter&) = delete;
    RateLimiter& operator=(const RateLimiter&) = delete;

    // Takes one token from `client_key`'s `budget`; false when none is left
    // (the caller answers 429). An empty key (no address known) shares one bucket.
    bool allow(std::string_view client_key, Budget budget, Clock::time_point now);

    // How many clients are tracked now (for tests and metrics).
    std::size_t tracked_keys() const;

  private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated{};
        bool started = false;
    };
    struct Client {
        std::array<Bucket, kBudgetCount> buckets;
        std::list<std::string>::iterator recency;  // position in Shard::by_recency
    };
    struct Shard {
        mutable std::mutex mutex;
        std::unordered_map<std::string, Client> clients;
        std::list<std::string> by_recency;  // front: most recently seen
    };

    Shard& shard_for(std::string_view client_key);
    Client& find_or_add(Shard& shard, std::string_view client_key);
    bool take_token(Bucket& bucket, const BucketRule& rule, Clock::time_point now) const;

    RateLimits limits_;
    std::size_t keys_per_shard_;
    std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace safesurvey::access
