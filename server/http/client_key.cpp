#include "server/http/client_key.hpp"

#include <sodium.h>

#include <stdexcept>

namespace safesurvey::http {
namespace {

std::int64_t today() {
    using namespace std::chrono;
    return duration_cast<days>(system_clock::now().time_since_epoch()).count();
}

std::string_view first_forwarded(std::string_view header) {
    header = header.substr(0, header.find(','));
    while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
    return header;
}

}  // namespace

ClientKeyHasher::ClientKeyHasher() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

ClientKeyHasher::~ClientKeyHasher() {
    sodium_memzero(key_.data(), key_.size());
}

void ClientKeyHasher::rotate_if_needed(std::int64_t day) {
    if (day == key_day_) return;
    randombytes_buf(key_.data(), key_.size());
    key_day_ = day;
}

std::string ClientKeyHasher::hash(std::string_view address, std::int64_t day) {
    std::array<unsigned char, 16> digest{};
    {
        std::lock_guard lock(mutex_);
        rotate_if_needed(day);
        crypto_generichash(digest.data(), digest.size(),
                           reinterpret_cast<const unsigned char*>(address.data()), address.size(),
                           key_.data(), key_.size());
    }
    std::array<char, 2 * 16 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

std::string ClientKeyHasher::key_for(std::string_view peer_address,
                                     const std::optional<std::string>& trusted_proxy,
                                     std::optional<std::string_view> forwarded_for) {
    std::string_view client = peer_address;
    if (trusted_proxy && *trusted_proxy == peer_address && forwarded_for) {
        const auto first = first_forwarded(*forwarded_for);
        if (!first.empty()) client = first;
    }
    return hash(client, today());
}

}  // namespace safesurvey::http
