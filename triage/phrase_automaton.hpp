// A multi-pattern matcher (Aho–Corasick) over canonical text. One pass over
// the text finds every occurrence of every phrase, so the cost of scanning an
// answer does not grow with the number of rules. Phrases are ASCII words in
// canonical form (see normalized_text.hpp) separated by single spaces; every
// other byte of the text moves the automaton back to its root.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace safesurvey::triage {

class PhraseAutomaton {
  public:
    // Phrase i of `phrases` is reported as id i. Phrases may repeat.
    explicit PhraseAutomaton(const std::vector<std::string>& phrases);

    struct Hit {
        std::uint32_t phrase;
        std::uint32_t end;  // one past the last byte in the scanned text
    };
    // Appends every occurrence, whether or not it sits on a word boundary;
    // the caller checks boundaries because prefix phrases ("strangl*") may end
    // inside a word.
    void scan(std::string_view text, std::vector<Hit>& hits) const;

    std::size_t state_count() const { return output_.size(); }

    static constexpr int kAlphabet = 38;  // a-z, 0-9, space, everything else
    static int symbol(unsigned char c);

  private:
    void renumber_breadth_first(const std::vector<std::int32_t>& order);

    std::vector<std::int32_t> next_;    // state * kAlphabet + symbol -> state
    std::vector<std::int32_t> output_;  // phrase ending here, or -1
    std::vector<std::int32_t> more_;    // next state on the suffix chain with output
    std::vector<std::uint8_t> emits_;   // this state or its suffix chain has output
    std::vector<std::vector<std::uint32_t>> duplicates_;  // state -> extra phrase ids
};

}  // namespace safesurvey::triage
