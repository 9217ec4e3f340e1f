#include "server/observability/request_id.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace safesurvey::observability {

std::string new_request_id() {
    // sodium_init is idempotent and thread-safe; randombytes needs it first.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, 8> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 2 * 8 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data());
}

}  // namespace safesurvey::observability
