#include "server/access/rate_limiter.hpp"

#include <algorithm>
#include <functional>

namespace safesurvey::access {
namespace {

// Enough shards that 2-16 network threads seldom contend; few enough that the
// per-shard share of max_keys stays meaningful.
constexpr std::size_t kShardCount = 16;

}  // namespace

const BucketRule& RateLimits::rule(Budget budget) const {
    switch (budget) {
        case Budget::page_view:
            return page_view;
        case Budget::submission:
            return submission;
        case Budget::resume_attempt:
            return resume_attempt;
    }
    return page_view;
}

RateLimiter::RateLimiter(RateLimits limits)
    : limits_(limits),
      keys_per_shard_(std::max<std::size_t>(1, (limits.max_keys + kShardCount - 1) / kShardCount)) {
    shards_.reserve(kShardCount);
    for (std::size_t i = 0; i < kShardCount; ++i) shards_.push_back(std::make_unique<Shard>());
}

RateLimiter::Shard& RateLimiter::shard_for(std::string_view client_key) {
    return *shards_[std::hash<std::string_view>{}(client_key) % shards_.size()];
}

RateLimiter::Client& RateLimiter::find_or_add(Shard& shard, std::string_view client_key) {
    auto it = shard.clients.find(std::string(client_key));
    if (it != shard.clients.end()) {
        shard.by_recency.splice(shard.by_recency.begin(), shard.by_recency, it->second.recency);
        return it->second;
    }
    if (shard.clients.size() >= keys_per_shard_) {
        // Forget the client seen longest ago: it gets a full allowance back if
        // it returns, which is the safe direction to be wrong in.
        shard.clients.erase(shard.by_recency.back());
        shard.by_recency.pop_back();
    }
    shard.by_recency.emplace_front(client_key);
    Client& client = shard.clients[shard.by_recency.front()];
    client.recency = shard.by_recency.begin();
    return client;
}

bool RateLimiter::take_token(Bucket& bucket, const BucketRule& rule, Clock::time_point now) const {
    if (!bucket.started) {
        bucket = {rule.burst, now, true};
    } else if (now > bucket.updated) {
        const double refilled = std::chrono::duration<double>(now - bucket.updated) /
                                std::chrono::duration<double>(rule.refill_every);
        bucket.tokens = std::min(rule.burst, bucket.tokens + refilled);
        bucket.updated = now;
    }
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

bool RateLimiter::allow(std::string_view client_key, Budget budget, Clock::time_point now) {
    Shard& shard = shard_for(client_key);
    std::lock_guard lock(shard.mutex);
    Client& client = find_or_add(shard, client_key);
    return take_token(client.buckets[static_cast<std::size_t>(budget)], limits_.rule(budget), now);
}

std::size_t RateLimiter::tracked_keys() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard->mutex);
        total += shard->clients.size();
    }
    return total;
}

}  // namespace safesurvey::access
