// Seals a Draft into a token a browser can carry (base64url, safe in a form
// field and a URL query) and opens it again. XChaCha20-Poly1305 with a random
// 192-bit nonce per token, so tokens never share a nonce however many are made;
// the associated data binds the token to one distribution, so a draft for one
// local area's link cannot be replayed on another's.
//
// The token holds its own expiry inside the ciphertext: a respondent cannot
// extend it, and a token that decrypts but is past its time is told apart from
// one that was tampered with (the pages say different things).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/journey/draft.hpp"

namespace safesurvey::journey {

inline constexpr std::size_t kDraftKeyBytes = 32;
using DraftKey = std::array<unsigned char, kDraftKeyBytes>;

enum class DraftRefusal {
    unreadable,  // not ours, altered, truncated, or bound to another distribution
    expired,     // genuine but past its expiry
};

struct OpenedDraft {
    std::optional<Draft> draft;
    DraftRefusal refusal = DraftRefusal::unreadable;  // meaningful when draft is empty
};

struct OpenedText {
    std::optional<std::string> text;
    DraftRefusal refusal = DraftRefusal::unreadable;  // meaningful when text is empty
};

class DraftSealer {
  public:
    explicit DraftSealer(const DraftKey& key);
    ~DraftSealer();
    DraftSealer(const DraftSealer&) = delete;
    DraftSealer& operator=(const DraftSealer&) = delete;

    // Seals `draft` bound to `binding` (a distribution id, or a purpose plus
    // one), valid until `expires_at`. The draft's own expires_at is overwritten.
    std::string seal(Draft draft, std::string_view binding,
                     std::chrono::system_clock::time_point expires_at) const;
    OpenedDraft open(std::string_view token, std::string_view binding,
                     std::chrono::system_clock::time_point now) const;

    // The same sealing for any small JSON object that must come back unaltered
    // (the receipt on the confirmation URL). The expiry is kept as its "e" field.
    std::string seal_json(nlohmann::json object, std::string_view binding,
                          std::chrono::system_clock::time_point expires_at) const;
    OpenedText open_json(std::string_view token, std::string_view binding,
                         std::chrono::system_clock::time_point now) const;

  private:
    DraftKey key_;
};

}  // namespace safesurvey::journey
