// The rule set compiled for matching: every phrase any rule, lexicon set or
// context trigger uses, deduplicated into one automaton, each phrase knowing
// all the ways it is used. Internal to the triage library.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "triage/phrase_automaton.hpp"
#include "triage/rule_set.hpp"
#include "triage/spelling_index.hpp"

namespace safesurvey::triage {

enum class PhraseRole : std::uint8_t {
    rule_term,
    near_term,
    trigger,
    terminator,
    clause_opener,
    experiencer
};

struct PhraseUse {
    PhraseRole role;
    std::uint32_t index;  // rule, near group, trigger, -, or Experiencer value
};

// Rule and near terms match on matching forms, so inflections and fillers
// do not matter ("saved up his tablets" is "saving up tablets"), except
// that a term that would be one word without its fillers needs them ("the
// tracks" is not any "tracks").
// Context triggers, terminators and experiencer words must show their exact
// words: a figurative "killing me" is not "killed me".
enum class WordCheck : std::uint8_t {
    none,     // the matching text is enough
    fillers,  // word for word: fillers as written, other words by form
    exact,    // word for word, as written
};

struct CompiledPhrase {
    std::string text;     // matching text, without the trailing "*"
    bool prefix = false;  // may end inside a word
    WordCheck check = WordCheck::none;
    std::vector<std::string> words;   // canonical words, fillers included (checks only)
    std::vector<std::string> forms;   // their matching forms
    std::size_t leading_fillers = 0;  // of `words`, before the first matched one
    std::vector<PhraseUse> uses;      // in the order added, near terms excepted
    // The near groups this phrase is a term of, as a bit set (bit g for
    // group g) in CompiledRules::near_group_bits [near_from, near_to); empty
    // for a phrase that is no near term. Kept apart from `uses` because a common
    // word ("home", "mum") is a near term of hundreds of groups: one hit per
    // place is enough for proximity to look them up.
    std::uint32_t near_from = 0;
    std::uint32_t near_to = 0;
};

// The word a misspelt token is read as: canonical text and matching form for
// the matcher, and the word as a reviewer should see it ("hitting", not the
// squashed "hiting").
struct MeantWord {
    std::string text;
    std::string form;
    std::string shown;
};

struct CompiledRules {
    RuleSet source;
    std::vector<CompiledPhrase> phrases;
    // Every near phrase's group bit set, end to end: a place is tested for a
    // group with one load, where a search of its sorted groups took several
    // dependent ones (common words serve over a hundred groups).
    std::vector<std::uint64_t> near_group_bits;
    PhraseAutomaton automaton{{}};
    // Phrases that are a single filler word ("his", "my"): found by token, as
    // the matching text leaves them out.
    std::map<std::string, std::vector<PhraseUse>> filler_uses;
    // A rule word's matching form, for tokens the speller corrects to it.
    std::map<std::string, std::string> form_of_rule_word;
    // Per rule: its near conditions, as (near group, window in words).
    std::vector<std::vector<std::pair<std::uint32_t, int>>> near_of_rule;
    SpellingIndex spelling;
    // Listed misspellings: canonical as typed -> the word meant, and its form.
    std::unordered_map<std::string, MeantWord> misspellings;
    // Every rule word's matching form: a dropped g ("hittin") is restored
    // only when that makes a word some rule uses.
    std::unordered_set<std::string> rule_forms;
    std::multimap<std::string, std::uint32_t> closed_by_question;  // -> closed rule
};

CompiledRules compile_rules(RuleSet rules);

}  // namespace safesurvey::triage
