#include "storage/secret_bytes.hpp"

#include <sodium.h>

#include <new>
#include <utility>

namespace safesurvey::storage {

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
    if (sodium_init() < 0) throw std::bad_alloc();
    data_ = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
    if (data_ == nullptr) throw std::bad_alloc();
    sodium_memzero(data_, size_);
}

SecretBytes::~SecretBytes() {
    if (data_ != nullptr) sodium_free(data_);  // wipes, unlocks and frees
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        if (data_ != nullptr) sodium_free(data_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(std::size_t size) {
    SecretBytes secret(size);
    randombytes_buf(secret.data_, size);
    return secret;
}

bool SecretBytes::equals(const SecretBytes& other) const {
    return size_ == other.size_ && sodium_memcmp(data_, other.data_, size_) == 0;
}

}  // namespace safesurvey::storage
