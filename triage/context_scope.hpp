// The context pass, in the NegEx/ConText tradition: for one rule match, which
// trigger phrases of its clause change what it means. The clause runs from
// the last sentence end or terminator ("but", "however", ";") before the match
// to the first after it, so "never hit, but he locks her in her room" keeps
// the second half whole.
//
// What each decision does (see docs/triage.md):
//   negation, generic, figurative, process  clear the match;
//   hypothetical, historical, resolved     lower it one step each, never below low;
//   an urgent match is never cleared: clearing lowers it to low instead,
//   because an indicator of immediate danger always reaches a person.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "triage/compiled_rules.hpp"
#include "triage/normalized_text.hpp"
#include "triage/phrase_hits.hpp"

namespace safesurvey::triage {

struct ContextOutcome {
    Severity severity = Severity::none;
    std::vector<std::string> decisions;  // "negation: 'never'"
    Experiencer experiencer = Experiencer::unknown;
};

ContextOutcome apply_context(const CompiledRules& rules, const NormalizedText& text,
                             std::string_view original, const PhraseHits& hits,
                             const TextRule& rule, TokenSpan match);

// The clause around `match`: tokens after the previous cut, before the next.
TokenSpan clause_of(const NormalizedText& text, const PhraseHits& hits, TokenSpan match);

}  // namespace safesurvey::triage
