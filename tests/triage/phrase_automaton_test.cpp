// The phrase matcher on its own: every phrase that starts a word is found,
// in the order a left-to-right Aho–Corasick scan reports them (by end, then
// start, then id), because the context pass reads triggers in that order.
#include "triage/phrase_automaton.hpp"

#include <catch2/catch.hpp>
#include <utility>

using namespace safesurvey::triage;

namespace {
using Hits = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // phrase, end

Hits scan(const PhraseAutomaton& automaton, std::string_view text) {
    std::vector<PhraseAutomaton::Hit> raw;
    automaton.scan(text, raw);
    Hits out;
    for (const auto& h : raw) out.emplace_back(h.phrase, h.end);
    return out;
}
}  // namespace

TEST_CASE("phrases are found where they start and end a word", "[triage][automaton]") {
    const PhraseAutomaton a({"hit", "hit me", "it", "me"});
    // "it" inside "hit" does not start a word; "me" ends where "hit me" does
    // but starts later, so it comes after it.
    CHECK(scan(a, "he hit me") == Hits{{0, 6}, {1, 9}, {3, 9}});
    CHECK(scan(a, "it") == Hits{{2, 2}});
    CHECK(scan(a, "hits meet") == Hits{});  // neither ends a word
    CHECK(scan(a, "").empty());
}

TEST_CASE("repeated phrases report every id, ascending", "[triage][automaton]") {
    const PhraseAutomaton a({"kil", "x", "kil", "kil me"});
    CHECK(scan(a, "kil me") == Hits{{0, 3}, {2, 3}, {3, 6}});
}

TEST_CASE("hits may end inside a word, for prefix phrases", "[triage][automaton]") {
    const PhraseAutomaton a({"strangl", "strangled her", "strangl"}, {true, false, false});
    CHECK(scan(a, "he strangled her") == Hits{{0, 10}, {1, 16}});
    CHECK(scan(a, "strangl") == Hits{{0, 7}, {2, 7}});
}

TEST_CASE("other bytes are one symbol and empty phrases never match", "[triage][automaton]") {
    const PhraseAutomaton a({"", "no , way", "a"});
    CHECK(scan(a, "no , way a") == Hits{{1, 8}, {2, 10}});
    CHECK(scan(a, "no . way") == Hits{{1, 8}});  // "," and "." share the catch-all symbol
    CHECK(a.state_count() > 1);
}
