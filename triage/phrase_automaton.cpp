#include "triage/phrase_automaton.hpp"

#include <algorithm>
#include <cstring>

namespace safesurvey::triage {

namespace {
constexpr std::array<std::uint8_t, 256> make_symbols() {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = PhraseAutomaton::kAlphabet - 1;
    for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<std::uint8_t>(c - 'a');
    for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<std::uint8_t>(26 + c - '0');
    table[' '] = 36;
    return table;
}
constexpr auto kSymbols = make_symbols();

// The trie while it is built: a full child table per node, numbered in
// insertion order. Only compilation sees it.
struct BuildTrie {
    std::vector<std::array<std::int32_t, PhraseAutomaton::kAlphabet>> children;
    std::vector<std::vector<std::uint32_t>> ids;

    std::int32_t add_node() {
        children.emplace_back();
        children.back().fill(-1);
        ids.emplace_back();
        return static_cast<std::int32_t>(children.size() - 1);
    }
    void insert(std::string_view phrase, std::uint32_t id) {
        std::int32_t node = 0;
        for (unsigned char c : phrase) {
            std::int32_t next = children[node][kSymbols[c]];
            if (next < 0) {
                next = add_node();
                children[node][kSymbols[c]] = next;
            }
            node = next;
        }
        if (node != 0) ids[node].push_back(id);  // an empty phrase never matches
    }
};

// A hit with the start that orders it among hits with the same end.
struct Found {
    std::uint32_t end;
    std::uint32_t start;
    std::uint32_t phrase;
    bool operator<(const Found& o) const {
        if (end != o.end) return end < o.end;
        return start != o.start ? start < o.start : phrase < o.phrase;
    }
};
}  // namespace

int PhraseAutomaton::symbol(unsigned char c) {
    return kSymbols[c];
}

PhraseAutomaton::PhraseAutomaton(const std::vector<std::string>& phrases,
                                 const std::vector<bool>& prefix) {
    BuildTrie trie;
    trie.add_node();
    for (std::uint32_t id = 0; id < phrases.size(); ++id) trie.insert(phrases[id], id);
    // Breadth first, children in symbol order: each node's children get
    // consecutive numbers, so two offsets describe them all.
    std::vector<std::int32_t> order{0};
    label_.push_back(0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::int32_t old = order[i];
        nodes_.push_back(
            {static_cast<std::uint32_t>(order.size()), static_cast<std::uint32_t>(ids_.size())});
        for (int s = 0; s < kAlphabet; ++s) {
            const std::int32_t kid = trie.children[old][s];
            if (kid < 0) continue;
            order.push_back(kid);
            label_.push_back(static_cast<std::uint8_t>(s));
        }
        for (std::uint32_t id : trie.ids[old]) {
            ids_.push_back(id < prefix.size() && prefix[id] ? id | kPrefix : id);
        }
    }
    nodes_.push_back(
        {static_cast<std::uint32_t>(order.size()), static_cast<std::uint32_t>(ids_.size())});
    const std::uint32_t dense = std::min<std::uint32_t>(kDenseNodes, state_count());
    dense_.assign(static_cast<std::size_t>(dense) * kAlphabet, 0);
    for (std::uint32_t n = 0; n < dense; ++n) {
        for (std::uint32_t c = nodes_[n].first_child; c < nodes_[n + 1].first_child; ++c) {
            dense_[n * kAlphabet + label_[c]] = c;
        }
    }
}

std::uint32_t PhraseAutomaton::child(std::uint32_t node, std::uint8_t symbol) const {
    if (node < kDenseNodes) return dense_[node * kAlphabet + symbol];
    // Children are sorted by symbol and few below the first levels.
    const std::uint32_t end = nodes_[node + 1].first_child;
    for (std::uint32_t c = nodes_[node].first_child; c < end; ++c) {
        if (label_[c] >= symbol) return label_[c] == symbol ? c : 0;
    }
    return 0;
}

// Every phrase that starts at `start`, shortest first.
void PhraseAutomaton::walk(std::string_view text, std::uint32_t start,
                           std::vector<Hit>& found) const {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    const auto size = static_cast<std::uint32_t>(text.size());
    std::uint32_t node = dense_[kSymbols[data[start]]];  // the root's row
    for (std::uint32_t i = start; node != 0;) {
        const bool word_end = i + 1 == size || data[i + 1] == ' ';
        for (std::uint32_t k = nodes_[node].first_id; k < nodes_[node + 1].first_id; ++k) {
            if (word_end || (ids_[k] & kPrefix)) found.push_back({ids_[k] & ~kPrefix, i + 1});
        }
        if (++i == size) break;
        node = child(node, kSymbols[data[i]]);
    }
}

void PhraseAutomaton::scan(std::string_view text, std::vector<Hit>& hits) const {
    thread_local std::vector<Hit> walked;
    thread_local std::vector<Found> found;
    found.clear();
    const auto size = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t start = 0; start < size;) {
        walked.clear();
        walk(text, start, walked);
        for (const Hit& h : walked) found.push_back({h.end, start, h.phrase});
        const void* space = std::memchr(text.data() + start, ' ', size - start);
        if (space == nullptr) break;
        start = static_cast<std::uint32_t>(static_cast<const char*>(space) - text.data()) + 1;
    }
    // Walks find hits by start; report them by end, as callers expect.
    if (!std::is_sorted(found.begin(), found.end())) std::sort(found.begin(), found.end());
    for (const Found& f : found) hits.push_back({f.phrase, f.end});
}

}  // namespace safesurvey::triage
