// Bounded edit-distance matching for long, serious words: a misspelt
// "sucidal" or "strangeld" should still reach a reviewer. Uses the
// symmetric-deletion method, so a lookup costs a handful of hash probes
// however many words the rules hold. Distance is optimal string alignment
// (insert, delete, substitute or swap two neighbours), at most 1.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace safesurvey::triage {

class SpellingIndex {
  public:
    static constexpr std::size_t kMinWordLength = 7;  // shorter words collide with ordinary ones

    SpellingIndex() = default;
    // `words` in canonical form; `exceptions` are real words never corrected.
    SpellingIndex(const std::set<std::string>& words, const std::vector<std::string>& exceptions);

    // The rule word `token` is a misspelling of, if any. An exact rule word
    // or an exception returns nothing.
    // Answers are remembered per thread (a small table keyed by this
    // index's serial number and the token), as answers repeat their words.
    std::optional<std::string> correct(std::string_view token) const;

    std::size_t size() const { return words_.size(); }

    // Whether `word` is a rule word or a real English word (never corrected).
    bool is_known(const std::string& word) const { return known_.contains(word); }

  private:
    std::optional<std::string> look_up(std::string_view token) const;

    std::uint64_t serial_ = 0;  // tells this index's remembered answers from others'
    std::vector<std::string> words_;
    std::unordered_set<std::string> known_;  // rule words and exceptions
    std::unordered_map<std::string, std::vector<std::uint32_t>> deletions_;
    // Which two-letter openings any indexed form has: most tokens cannot be
    // one edit from a rule word, and this tells so without hashing them.
    std::vector<bool> openings_ = std::vector<bool>(256 * 256, false);
    bool may_match(std::string_view token) const;
};

bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace safesurvey::triage
