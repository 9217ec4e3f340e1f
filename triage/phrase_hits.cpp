#include "triage/phrase_hits.hpp"

#include <algorithm>

namespace safesurvey::triage {

namespace {

bool at_word_start(const std::string& s, std::size_t start) {
    return start == 0 || s[start - 1] == ' ';
}
bool at_word_end(const std::string& s, std::size_t end) {
    return end == s.size() || s[end] == ' ';
}

void drop_pseudo_triggered(const CompiledRules& rules, std::vector<RoleHit>& triggers) {
    std::vector<TokenSpan> pseudo;
    for (const RoleHit& h : triggers) {
        if (rules.source.triggers[h.index].type == ContextType::pseudo) pseudo.push_back(h.span);
    }
    if (pseudo.empty()) return;
    std::erase_if(triggers, [&](const RoleHit& h) {
        return std::any_of(pseudo.begin(), pseudo.end(),
                           [&](const TokenSpan& p) { return p.overlaps(h.span); });
    });
}

}  // namespace

PhraseHits find_phrases(const CompiledRules& rules, const NormalizedText& text) {
    PhraseHits out;
    for (std::uint32_t t = 0; t < text.tokens.size(); ++t) {
        if (text.tokens[t].kind == TokenKind::stop) out.cuts.push_back(t);
    }
    thread_local std::vector<PhraseAutomaton::Hit> raw;
    raw.clear();
    rules.automaton.scan(text.matching, raw);
    for (const auto& hit : raw) {
        const CompiledPhrase& phrase = rules.phrases[hit.phrase];
        const std::size_t start = hit.end - phrase.text.size();
        if (!at_word_start(text.matching, start)) continue;
        if (!phrase.prefix && !at_word_end(text.matching, hit.end)) continue;
        const TokenSpan span{text.token_at[start], text.token_at[hit.end - 1]};
        for (const PhraseUse& use : phrase.uses) {
            switch (use.role) {
                case PhraseRole::rule_term:
                    out.rule_terms.push_back({use.index, span});
                    break;
                case PhraseRole::near_term:
                    out.near_terms.push_back({use.index, span});
                    break;
                case PhraseRole::trigger:
                    out.triggers.push_back({use.index, span});
                    break;
                case PhraseRole::experiencer:
                    out.experiencers.push_back({use.index, span});
                    break;
                case PhraseRole::terminator:
                    out.cuts.push_back(span.first);
                    break;
            }
        }
    }
    std::sort(out.cuts.begin(), out.cuts.end());
    drop_pseudo_triggered(rules, out.triggers);
    return out;
}

}  // namespace safesurvey::triage
