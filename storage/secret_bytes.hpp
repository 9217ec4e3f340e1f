// Key material in memory that is locked (never swapped out), guarded and wiped
// when freed. Every key the store holds — the KEK and the unwrapped data keys —
// lives in one of these, never in a std::string or std::vector.
#pragma once

#include <cstddef>
#include <span>

namespace safesurvey::storage {

class SecretBytes {
  public:
    // Allocates `size` zeroed bytes with sodium_malloc, which places them between
    // guard pages and locks them with sodium_mlock. Throws std::bad_alloc if the
    // memory cannot be allocated or locked (RLIMIT_MEMLOCK): exceptional.
    explicit SecretBytes(std::size_t size);
    ~SecretBytes();
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    // Fills with bytes from the operating system's CSPRNG.
    static SecretBytes random(std::size_t size);

    unsigned char* data() { return data_; }
    const unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }
    std::span<const unsigned char> bytes() const { return {data_, size_}; }

    bool equals(const SecretBytes& other) const;

  private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace safesurvey::storage
