// Request::client_key: a keyed hash that lets the service tell repeated
// requests from one client apart (for rate limiting) without knowing who the
// client is. The address is hashed with BLAKE2b under a random key that lives
// only in memory and is replaced every day, so keys cannot be reversed by
// trying addresses, and cannot be linked across days or restarts.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::http {

class ClientKeyHasher {
  public:
    ClientKeyHasher();
    ~ClientKeyHasher();
    ClientKeyHasher(const ClientKeyHasher&) = delete;
    ClientKeyHasher& operator=(const ClientKeyHasher&) = delete;

    // The key for a connection from `peer_address`. When `trusted_proxy` is set
    // and equals the peer, the first X-Forwarded-For address stands for the
    // client instead. The addresses are used here and nowhere else.
    std::string key_for(std::string_view peer_address,
                        const std::optional<std::string>& trusted_proxy,
                        std::optional<std::string_view> forwarded_for);

    // Exposed for tests: hash `address` as on day `day` (days since the epoch).
    std::string hash(std::string_view address, std::int64_t day);

  private:
    void rotate_if_needed(std::int64_t day);

    std::mutex mutex_;
    std::int64_t key_day_ = -1;
    std::array<unsigned char, 32> key_{};
};

}  // namespace safesurvey::http
