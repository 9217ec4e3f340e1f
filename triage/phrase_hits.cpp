#include "triage/phrase_hits.hpp"

#include <algorithm>
#include <optional>

#include "triage/word_form.hpp"

namespace safesurvey::triage {

namespace {

void drop_pseudo_triggered(const CompiledRules& rules, std::vector<RoleHit>& triggers) {
    std::vector<TokenSpan> pseudo;
    for (const RoleHit& h : triggers) {
        if (rules.source.triggers[h.index].type == ContextType::pseudo) pseudo.push_back(h.span);
    }
    if (pseudo.empty()) return;
    // A trigger inside a pseudo-trigger's words is not one ("not" in "not
    // only"); a longer trigger that contains them still is ("nothing to
    // suggest" is a negation although "nothing" alone is pseudo).
    std::erase_if(triggers, [&](const RoleHit& h) {
        return std::any_of(pseudo.begin(), pseudo.end(), [&](const TokenSpan& p) {
            return p.first <= h.span.first && h.span.last <= p.last;
        });
    });
}

bool word_fits(const CompiledPhrase& phrase, std::size_t i, const Token& token) {
    if (token.kind != TokenKind::word) return false;
    const std::string& word = phrase.words[i];
    if (phrase.check == WordCheck::fillers && !is_filler_word(word)) {
        return token.form == phrase.forms[i];
    }
    const bool last_of_prefix = phrase.prefix && i + 1 == phrase.words.size();
    return last_of_prefix ? token.text.starts_with(word) : token.text == word;
}

// For a phrase checked word for word: the tokens it covers, if the text
// shows its words starting where the match does (less leading fillers).
std::optional<TokenSpan> checked_span(const CompiledPhrase& phrase, const NormalizedText& text,
                                      std::uint32_t first) {
    if (first < phrase.leading_fillers) return std::nullopt;
    const std::uint32_t start = first - static_cast<std::uint32_t>(phrase.leading_fillers);
    const std::size_t count = phrase.words.size();
    if (start + count > text.tokens.size()) return std::nullopt;
    for (std::size_t i = 0; i < count; ++i) {
        if (!word_fits(phrase, i, text.tokens[start + i])) return std::nullopt;
    }
    return TokenSpan{start, start + static_cast<std::uint32_t>(count) - 1};
}

void add_hit(PhraseHits& out, const NormalizedText& text, const PhraseUse& use, TokenSpan span) {
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
        case PhraseRole::clause_opener:
            if (span.first > 0 && text.tokens[span.first - 1].kind == TokenKind::pause) {
                out.cuts.push_back(span.first - 1);
            }
            break;
    }
}

// Filler words are not in the matching text; phrases that are one filler
// ("his") are found token by token.
void find_filler_phrases(const CompiledRules& rules, const NormalizedText& text, PhraseHits& out) {
    if (rules.filler_uses.empty()) return;
    for (std::uint32_t t = 0; t < text.tokens.size(); ++t) {
        const Token& token = text.tokens[t];
        if (token.kind != TokenKind::word || !is_filler_word(token.text)) continue;
        const auto it = rules.filler_uses.find(token.text);
        if (it == rules.filler_uses.end()) continue;
        for (const PhraseUse& use : it->second) add_hit(out, text, use, {t, t});
    }
}

}  // namespace

void find_phrases(const CompiledRules& rules, const NormalizedText& text, PhraseHits& out) {
    out.rule_terms.clear();
    out.near_phrases.clear();
    out.longest_near_phrase = 0;
    out.near_terms.clear();
    out.triggers.clear();
    out.experiencers.clear();
    out.cuts.clear();
    out.stops_before.assign(1, 0);
    for (std::uint32_t t = 0; t < text.tokens.size(); ++t) {
        const bool stop = text.tokens[t].kind == TokenKind::stop;
        if (stop) out.cuts.push_back(t);
        out.stops_before.push_back(out.stops_before.back() + (stop ? 1 : 0));
    }
    thread_local std::vector<PhraseAutomaton::Hit> raw;
    raw.clear();
    rules.automaton.scan(text.matching, raw);
    for (const auto& hit : raw) {
        const CompiledPhrase& phrase = rules.phrases[hit.phrase];
        // The automaton reports only hits that start a word and end one (or
        // end anywhere, for prefix phrases).
        const std::size_t start = hit.end - phrase.text.size();
        TokenSpan span{text.token_at[start], text.token_at[hit.end - 1]};
        if (phrase.check != WordCheck::none) {
            const auto checked = checked_span(phrase, text, span.first);
            if (!checked) continue;
            span = *checked;
        }
        for (const PhraseUse& use : phrase.uses) add_hit(out, text, use, span);
        if (phrase.near_from != phrase.near_to) {
            out.near_phrases.push_back({span, phrase.near_from, phrase.near_to});
            out.longest_near_phrase = std::max(out.longest_near_phrase, span.last - span.first);
        }
    }
    find_filler_phrases(rules, text, out);
    std::sort(out.cuts.begin(), out.cuts.end());
    // Proximity asks "is there a term of group g near here?": grouped, it
    // looks only at that group's terms.
    std::sort(out.near_phrases.begin(), out.near_phrases.end(),
              [](const NearPlace& a, const NearPlace& b) { return a.span.first < b.span.first; });
    std::sort(out.near_terms.begin(), out.near_terms.end(),
              [](const RoleHit& a, const RoleHit& b) { return a.index < b.index; });
    drop_pseudo_triggered(rules, out.triggers);
}

}  // namespace safesurvey::triage
