// How big the parts of a definition may be. Limits keep pages readable
// (GOV.UK content design keeps labels short) and bound the work a malformed
// or hostile definition can cause.
#pragma once

#include <cstddef>

namespace safesurvey::defs::limits {

inline constexpr std::size_t kDefinitionBytes = 1024 * 1024;
inline constexpr std::size_t kTitleCharacters = 300;  // titles, labels, headings, names
inline constexpr std::size_t kHintCharacters = 600;   // hints, bullet items
inline constexpr std::size_t kParagraphCharacters = 2000;
inline constexpr std::size_t kMaxPages = 100;
inline constexpr std::size_t kMaxQuestionsPerPage = 20;
inline constexpr std::size_t kMaxOptions = 40;
inline constexpr std::size_t kMaxContentBlocks = 60;
inline constexpr std::size_t kMaxConditionDepth = 8;

// max_length of text answers: the smallest and largest a definition may set,
// and what applies when it sets none.
inline constexpr std::size_t kShortTextMaxLength = 500;
inline constexpr std::size_t kShortTextDefaultLength = 200;
inline constexpr std::size_t kLongTextMinLength = 10;
inline constexpr std::size_t kLongTextMaxLength = 10000;
inline constexpr std::size_t kLongTextDefaultLength = 2000;

}  // namespace safesurvey::defs::limits
