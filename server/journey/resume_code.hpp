// Resume codes: "save and come back later" without an account or an e-mail
// address. A respondent is shown a code once and types it on any device to
// continue where they left off.
//
// 10 symbols of Crockford's base32 (0-9 and A-Z without I, L, O, U): 50 bits,
// so guessing one of even a million live codes takes ~2^30 tries, and entry is
// rate-limited far below that. Crockford's alphabet forgives what people do
// when copying a code by hand: lower case, O for 0, I or L for 1, spaces and
// hyphens are all read as meant.
//
// Storage keeps only a keyed hash of a code (storage/store.hpp, save_draft), so
// a copy of the database alone does not reveal which code opens which draft.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safesurvey::journey {

inline constexpr std::size_t kResumeCodeLength = 10;

// A new random code in canonical form: 10 upper-case symbols.
std::string new_resume_code();

// How a code is shown: two groups of five, "ABCDE-12345".
std::string display_resume_code(std::string_view canonical);

// The canonical code a person meant, or nullopt when what they typed cannot be
// a code (wrong length, a character outside the alphabet).
std::optional<std::string> normalise_resume_code(std::string_view typed);

}  // namespace safesurvey::journey
