// The rule set compiled for matching: every phrase any rule, lexicon set or
// context trigger uses, deduplicated into one automaton, each phrase knowing
// all the ways it is used. Internal to the triage library.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "triage/phrase_automaton.hpp"
#include "triage/rule_set.hpp"
#include "triage/spelling_index.hpp"

namespace safesurvey::triage {

enum class PhraseRole : std::uint8_t { rule_term, near_term, trigger, terminator, experiencer };

struct PhraseUse {
    PhraseRole role;
    std::uint32_t index;  // rule, near group, trigger, -, or Experiencer value
};

struct CompiledPhrase {
    std::string text;     // canonical, without the trailing "*"
    bool prefix = false;  // may end inside a word
    std::vector<PhraseUse> uses;
};

struct CompiledRules {
    RuleSet source;
    std::vector<CompiledPhrase> phrases;
    PhraseAutomaton automaton{{}};
    std::vector<std::int32_t> near_group;  // per rule: its near group, or -1
    SpellingIndex spelling;
    std::multimap<std::string, std::uint32_t> closed_by_question;  // -> closed rule
};

CompiledRules compile_rules(RuleSet rules);

}  // namespace safesurvey::triage
