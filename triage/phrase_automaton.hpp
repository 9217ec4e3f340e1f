// A multi-pattern matcher over canonical text. Phrases are ASCII words in
// canonical form (see normalized_text.hpp) separated by single spaces, and a
// phrase only counts where it starts a word, so the matcher walks a trie of
// all phrases from each word start: one short walk per word finds every
// phrase that starts there, and the cost of scanning an answer does not grow
// with the number of rules.
//
// The trie is compact (a byte per node for its edge symbol and the node's
// children numbered consecutively, breadth first), about 9 bytes a node,
// plus full rows for the shallowest nodes. A full Aho–Corasick transition table for the same
// phrases is 152 bytes a node and tens of megabytes for the real rules, so nearly every byte of
// text missed cache; the walks stay in the hot, shallow part of the trie.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace safesurvey::triage {

class PhraseAutomaton {
  public:
    // Phrase i of `phrases` is reported as id i. Phrases may repeat.
    // `prefix[i]` (if given) lets phrase i end inside a word ("strangl*").
    explicit PhraseAutomaton(const std::vector<std::string>& phrases,
                             const std::vector<bool>& prefix = {});

    struct Hit {
        std::uint32_t phrase;
        std::uint32_t end;  // one past the last byte in the scanned text
    };
    // Appends every occurrence that starts a word (at 0 or after a space)
    // and ends one (at the end or before a space), or, for a prefix phrase,
    // ends anywhere. Hits come by end, then start, then phrase id: the order
    // a left-to-right Aho–Corasick scan reports them in.
    void scan(std::string_view text, std::vector<Hit>& hits) const;

    std::size_t state_count() const { return label_.size(); }

    static constexpr int kAlphabet = 38;  // a-z, 0-9, space, everything else
    static int symbol(unsigned char c);

  private:
    // The child of `node` on `symbol`, or 0 (the root) when there is none.
    std::uint32_t child(std::uint32_t node, std::uint8_t symbol) const;
    void walk(std::string_view text, std::uint32_t start, std::vector<Hit>& found) const;

    // Full rows for the first kDenseNodes nodes (the root and the levels
    // below it, where most steps are and where nodes have many children);
    // deeper nodes search their few children.
    static constexpr std::uint32_t kDenseNodes = 1024;
    std::vector<std::uint32_t> dense_;  // node * kAlphabet + symbol -> child, 0 = none
    // Both offsets of a node side by side: a step reads one cache line.
    struct Node {
        std::uint32_t first_child;  // children: this .. next node's first_child - 1
        std::uint32_t first_id;     // phrases ending here: ids_ from this .. next's - 1
    };
    std::vector<std::uint8_t> label_;  // node -> symbol of the edge into it
    std::vector<Node> nodes_;          // one more than there are nodes
    // Phrases ending at each node, ascending, kPrefix set on prefix phrases:
    // hits that end inside a word are dropped here, before anyone looks up
    // the phrase.
    std::vector<std::uint32_t> ids_;
    static constexpr std::uint32_t kPrefix = 0x80000000u;
};

}  // namespace safesurvey::triage
