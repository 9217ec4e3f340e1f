#include "storage/random_id.hpp"

#include <sodium.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace safesurvey::storage {

namespace {
void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string to_hex(std::string_view bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                   bytes.size());
    hex.pop_back();
    return hex;
}

std::string random_hex_id(std::size_t bytes) {
    ensure_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return to_hex(raw);
}

std::string random_link_token() {
    ensure_sodium();
    unsigned char raw[20];
    randombytes_buf(raw, sizeof raw);
    std::string token(
        sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(token.data(), token.size(), raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    token.resize(token.find('\0'));
    return token;
}

std::string labelled_hash(std::string_view label, std::string_view text) {
    ensure_sodium();
    // The label is the BLAKE2b key: different purposes give unrelated hashes.
    std::vector<unsigned char> key(crypto_generichash_KEYBYTES, 0);
    for (std::size_t i = 0; i < label.size() && i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(label[i]);
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), key.data(), key.size());
    return to_hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::string ResponseId::hex() const {
    char text[33];
    std::snprintf(text, sizeof text, "%016llx%016llx",
                  static_cast<unsigned long long>(static_cast<std::uint64_t>(high)),
                  static_cast<unsigned long long>(static_cast<std::uint64_t>(low)));
    return text;
}

ResponseId random_response_id() {
    ensure_sodium();
    std::uint64_t halves[2];
    randombytes_buf(halves, sizeof halves);
    return {static_cast<std::int64_t>(halves[0]), static_cast<std::int64_t>(halves[1])};
}

std::optional<std::int64_t> parse_hex64(std::string_view hex) {
    if (hex.size() != 16) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : hex) {
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else
            return std::nullopt;  // upper case too: ids are written in lower case only
        value = value << 4 | static_cast<std::uint64_t>(digit);
    }
    return static_cast<std::int64_t>(value);
}

std::optional<ResponseId> parse_response_id(std::string_view hex) {
    if (hex.size() != 32) return std::nullopt;
    auto high = parse_hex64(hex.substr(0, 16)), low = parse_hex64(hex.substr(16));
    if (!high || !low) return std::nullopt;
    return ResponseId{*high, *low};
}

}  // namespace safesurvey::storage
