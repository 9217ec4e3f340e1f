// One answer's phrase occurrences, sorted by role: what the automaton found
// after word-boundary checks, in token positions. Internal to the triage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "triage/compiled_rules.hpp"
#include "triage/normalized_text.hpp"

namespace safesurvey::triage {

struct TokenSpan {
    std::uint32_t first = 0;  // token indices, inclusive
    std::uint32_t last = 0;
    bool overlaps(const TokenSpan& o) const { return first <= o.last && o.first <= last; }
};

struct RoleHit {
    std::uint32_t index;  // rule, near group, trigger or experiencer value
    TokenSpan span;
};

// A near term's place and the groups it serves: its phrase's bit set,
// CompiledRules::near_group_bits [bits_from, bits_to).
struct NearPlace {
    TokenSpan span;
    std::uint32_t bits_from;
    std::uint32_t bits_to;
};

struct PhraseHits {
    std::vector<RoleHit> rule_terms;
    // Near terms of phrases in the automaton, once per place, and those
    // found as single fillers, by group and sorted by it.
    std::vector<NearPlace> near_phrases;    // sorted by span.first
    std::uint32_t longest_near_phrase = 0;  // most tokens one spans, less one
    std::vector<RoleHit> near_terms;
    std::vector<RoleHit> triggers;
    std::vector<RoleHit> experiencers;
    std::vector<std::uint32_t> cuts;  // tokens that end a context scope, sorted
    // stops_before[t]: how many of the tokens before t are stops, so whether
    // a run of tokens crosses a sentence end is one subtraction.
    std::vector<std::uint32_t> stops_before;
};

// Scans `text` and sorts what it finds into `out`, which is cleared first
// (callers reuse one per thread, so an answer allocates nothing here).
// Pseudo-triggers ("not only", "no one") remove the triggers within their words.
void find_phrases(const CompiledRules& rules, const NormalizedText& text, PhraseHits& out);

}  // namespace safesurvey::triage
