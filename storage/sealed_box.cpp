#include "storage/sealed_box.hpp"

#include <sodium.h>

#include <stdexcept>

namespace safesurvey::storage {

namespace {

constexpr unsigned char kFormatV1 = 1;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* bytes_of(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

std::string seal_bytes(const SecretBytes& key, const unsigned char* plain, std::size_t size,
                       const SealedPlace& place) {
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        throw std::logic_error("seal: key has the wrong size");
    const std::string ad = associated_data(place);
    std::string out(1 + kNonce + size + kTag, '\0');
    auto* base = reinterpret_cast<unsigned char*>(out.data());
    base[0] = kFormatV1;
    randombytes_buf(base + 1, kNonce);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(base + 1 + kNonce, &written, plain, size,
                                               bytes_of(ad), ad.size(), nullptr, base + 1,
                                               key.data());
    return out;
}

// Checks the layout and returns the ciphertext length, or an Error.
Result<std::size_t> check_layout(std::string_view sealed, const SecretBytes& key) {
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return Error{ErrorKind::key_problem, "the data key has the wrong size"};
    if (sealed.size() < 1 + kNonce + kTag || static_cast<unsigned char>(sealed[0]) != kFormatV1)
        return Error{ErrorKind::corrupt, "a stored value is truncated or in an unknown format"};
    return sealed.size() - 1 - kNonce;
}

Error tampered() {
    return {ErrorKind::corrupt,
            "a stored value failed its integrity check: it was altered, moved from another "
            "row, or sealed under another key"};
}

}  // namespace

std::string associated_data(const SealedPlace& place) {
    // Length-prefixed so that no two different places produce the same bytes.
    std::string ad = "safesurvey-v1";
    for (std::string_view part : {place.survey_id, place.record_id, place.field, place.key_id}) {
        ad += '|' + std::to_string(part.size()) + ':';
        ad += part;
    }
    ad += "|schema:" + std::to_string(place.schema_version);
    return ad;
}

std::string seal(const SecretBytes& key, std::string_view plaintext, const SealedPlace& place) {
    return seal_bytes(key, bytes_of(plaintext), plaintext.size(), place);
}

Result<std::string> open_sealed(const SecretBytes& key, std::string_view sealed,
                                const SealedPlace& place) {
    auto length = check_layout(sealed, key);
    if (!length) return length.error();
    const std::string ad = associated_data(place);
    std::string plain(*length - kTag, '\0');
    unsigned long long plain_size = 0;
    const auto* base = bytes_of(sealed);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &plain_size, nullptr, base + 1 + kNonce,
            *length, bytes_of(ad), ad.size(), base + 1, key.data()) != 0) {
        return tampered();
    }
    plain.resize(plain_size);
    return plain;
}

std::string seal_key(const SecretBytes& kek, const SecretBytes& key, const SealedPlace& place) {
    return seal_bytes(kek, key.data(), key.size(), place);
}

Result<SecretBytes> open_sealed_key(const SecretBytes& kek, std::string_view sealed,
                                    const SealedPlace& place) {
    auto length = check_layout(sealed, kek);
    if (!length) return length.error();
    if (*length - kTag != kDataKeyBytes)
        return Error{ErrorKind::corrupt, "a wrapped data key has the wrong length"};
    const std::string ad = associated_data(place);
    SecretBytes key(kDataKeyBytes);
    unsigned long long plain_size = 0;
    const auto* base = bytes_of(sealed);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), &plain_size, nullptr,
                                                   base + 1 + kNonce, *length, bytes_of(ad),
                                                   ad.size(), base + 1, kek.data()) != 0) {
        return Error{ErrorKind::key_problem,
                     "a data key cannot be unwrapped with this key file: it is the wrong key "
                     "file, or the key store was altered"};
    }
    return key;
}

}  // namespace safesurvey::storage
