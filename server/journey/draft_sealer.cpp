#include "server/journey/draft_sealer.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "server/journey/draft_compression.hpp"

namespace safesurvey::journey {
namespace {

static_assert(kDraftKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// The first byte of every token: a later format can be told apart and refused
// cleanly instead of failing to decrypt for a reason nobody can see.
constexpr unsigned char kFormatVersion = 1;
// A sealed draft of the longest real survey, every text box full, is tens of
// KB at most; anything far beyond that is not ours and is refused unread.
constexpr std::size_t kMaxTokenChars = 256 * 1024;
constexpr std::size_t kMaxPlainBytes = 1024 * 1024;

std::string associated_data(std::string_view binding) {
    return "safesurvey-sealed-v1\n" + std::string(binding);
}

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string to_base64url(const std::vector<unsigned char>& bytes) {
    const auto variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string text(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), variant);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::optional<std::vector<unsigned char>> from_base64url(std::string_view text) {
    std::vector<unsigned char> bytes(text.size() / 4 * 3 + 3);
    std::size_t length = 0;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

std::string encrypt(const DraftKey& key, std::string_view text, std::string_view binding) {
    std::string plain = deflate_text(text);
    const std::string ad = associated_data(binding);
    std::vector<unsigned char> token(1 + kNonceBytes + plain.size() + kTagBytes);
    token[0] = kFormatVersion;
    unsigned char* nonce = token.data() + 1;
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long cipher_length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &cipher_length, reinterpret_cast<const unsigned char*>(plain.data()),
        plain.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce,
        key.data());
    token.resize(1 + kNonceBytes + cipher_length);
    sodium_memzero(plain.data(), plain.size());
    return to_base64url(token);
}

std::optional<std::string> decrypt(const DraftKey& key, std::string_view token,
                                   std::string_view binding) {
    if (token.empty() || token.size() > kMaxTokenChars) return std::nullopt;
    const auto bytes = from_base64url(token);
    if (!bytes || bytes->size() < 1 + kNonceBytes + kTagBytes || (*bytes)[0] != kFormatVersion) {
        return std::nullopt;
    }
    const unsigned char* nonce = bytes->data() + 1;
    const unsigned char* cipher = nonce + kNonceBytes;
    const std::size_t cipher_size = bytes->size() - 1 - kNonceBytes;
    std::string plain(cipher_size - kTagBytes, '\0');
    unsigned long long plain_length = 0;
    const std::string ad = associated_data(binding);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plain_length, nullptr, cipher,
            cipher_size, reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce,
            key.data()) != 0) {
        return std::nullopt;
    }
    plain.resize(plain_length);
    auto text = inflate_text(plain, kMaxPlainBytes);
    sodium_memzero(plain.data(), plain.size());
    return text;
}

}  // namespace

DraftSealer::DraftSealer(const DraftKey& key) : key_(key) {}

DraftSealer::~DraftSealer() {
    sodium_memzero(key_.data(), key_.size());
}

std::string DraftSealer::seal(Draft draft, std::string_view binding,
                              std::chrono::system_clock::time_point expires_at) const {
    draft.expires_at = unix_seconds(expires_at);
    std::string plain = to_json(draft);
    std::string token = encrypt(key_, plain, "draft\n" + std::string(binding));
    sodium_memzero(plain.data(), plain.size());
    return token;
}

OpenedDraft DraftSealer::open(std::string_view token, std::string_view binding,
                              std::chrono::system_clock::time_point now) const {
    OpenedDraft result;
    auto plain = decrypt(key_, token, "draft\n" + std::string(binding));
    if (!plain) return result;
    auto draft = draft_from_json(*plain);
    sodium_memzero(plain->data(), plain->size());
    if (!draft) return result;
    if (draft->expires_at <= unix_seconds(now)) {
        result.refusal = DraftRefusal::expired;
        return result;
    }
    result.draft = std::move(draft);
    return result;
}

std::string DraftSealer::seal_json(nlohmann::json object, std::string_view binding,
                                   std::chrono::system_clock::time_point expires_at) const {
    object["e"] = unix_seconds(expires_at);
    return encrypt(key_, object.dump(), "json\n" + std::string(binding));
}

OpenedText DraftSealer::open_json(std::string_view token, std::string_view binding,
                                  std::chrono::system_clock::time_point now) const {
    OpenedText result;
    auto plain = decrypt(key_, token, "json\n" + std::string(binding));
    if (!plain) return result;
    const auto document = nlohmann::json::parse(*plain, nullptr, false);
    const auto expires = document.is_object() ? document.find("e") : document.end();
    if (!document.is_object() || expires == document.end() || !expires->is_number_integer()) {
        return result;
    }
    if (expires->get<std::int64_t>() <= unix_seconds(now)) {
        result.refusal = DraftRefusal::expired;
        return result;
    }
    result.text = std::move(*plain);
    return result;
}

}  // namespace safesurvey::journey
