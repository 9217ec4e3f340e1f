#include "triage/context_scope.hpp"

#include <algorithm>
#include <optional>

namespace safesurvey::triage {

namespace {

std::string quoted(std::string_view original, const NormalizedText& text, TokenSpan span) {
    const auto start = text.tokens[span.first].start;
    const auto end = text.tokens[span.last].end;
    return "'" + std::string(original.substr(start, end - start)) + "'";
}

bool inside(TokenSpan clause, TokenSpan span) {
    return span.first >= clause.first && span.last <= clause.last;
}

// Whether a trigger at `trigger` acts on `match` given its direction and window.
bool in_reach(const ContextTrigger& t, TokenSpan trigger, TokenSpan match) {
    if (trigger.overlaps(match)) {
        // Part of the matched words ("doesn't want to live") is the finding
        // itself; only masks act on what they overlap, and a negation written
        // around the finding from before it ("I don't want to die", "no one
        // hurts me").
        return t.type == ContextType::figurative || t.type == ContextType::process ||
               (t.type == ContextType::negation && t.direction != Direction::after &&
                trigger.first < match.first);
    }
    const int window = t.window;
    if (trigger.last < match.first) {
        return t.direction != Direction::after &&
               static_cast<int>(match.first - trigger.last) <= window;
    }
    return t.direction != Direction::before &&
           static_cast<int>(trigger.first - match.last) <= window;
}

std::optional<Experiencer> nearest_person(const PhraseHits& hits, TokenSpan clause,
                                          TokenSpan match) {
    std::optional<Experiencer> best;
    int best_distance = 1 << 30;
    for (const RoleHit& h : hits.experiencers) {
        if (!inside(clause, h.span)) continue;
        const int distance = h.span.last < match.first ? static_cast<int>(match.first - h.span.last)
                             : h.span.first > match.last
                                 ? static_cast<int>(h.span.first - match.last)
                                 : 0;
        const auto who = static_cast<Experiencer>(h.index);
        if (distance < best_distance ||
            (distance == best_distance && who == Experiencer::particular_person)) {
            best = who;
            best_distance = distance;
        }
    }
    return best;
}

// Whether a trigger of `type` lies inside the matched words themselves.
bool match_contains(const CompiledRules& rules, const PhraseHits& hits, TokenSpan match,
                    ContextType type) {
    for (const RoleHit& h : hits.triggers) {
        if (rules.source.triggers[h.index].type == type && h.span.first >= match.first &&
            h.span.last <= match.last) {
            return true;
        }
    }
    return false;
}

// The rule's own experiencer, else people in general for a generic
// statement, else the nearest person word in the clause.
ContextOutcome finish_experiencer(ContextOutcome out, const TextRule& rule,
                                  const std::vector<ContextType>& applied,
                                  std::optional<Experiencer> person) {
    if (rule.experiencer) {
        out.experiencer = *rule.experiencer;
    } else if (std::find(applied.begin(), applied.end(), ContextType::generic) != applied.end()) {
        out.experiencer = Experiencer::people_in_general;
    } else if (person) {
        out.experiencer = *person;
    }
    return out;
}

bool clears(ContextType t) {
    return t == ContextType::negation || t == ContextType::generic ||
           t == ContextType::figurative || t == ContextType::process;
}

}  // namespace

TokenSpan clause_of(const NormalizedText& text, const PhraseHits& hits, TokenSpan match) {
    TokenSpan clause{0, static_cast<std::uint32_t>(text.tokens.size() - 1)};
    for (std::uint32_t cut : hits.cuts) {
        if (cut < match.first) clause.first = cut + 1;
        if (cut > match.last) {
            clause.last = cut - 1;
            break;
        }
    }
    return clause;
}

ContextOutcome apply_context(const CompiledRules& rules, const NormalizedText& text,
                             std::string_view original, const PhraseHits& hits,
                             const TextRule& rule, TokenSpan match) {
    ContextOutcome out;
    const TokenSpan clause = clause_of(text, hits, match);
    const auto person = nearest_person(hits, clause, match);
    bool cleared = false;
    int steps_down = 0;
    std::vector<ContextType> applied;
    const bool negation_inside = match_contains(rules, hits, match, ContextType::negation);
    bool immediate = false;
    std::string immediacy_note;
    for (const RoleHit& h : hits.triggers) {
        const ContextTrigger& t = rules.source.triggers[h.index];
        if (t.type == ContextType::immediacy) {  // acts across the whole answer
            if (!immediate) immediacy_note = "immediacy: " + quoted(original, text, h.span);
            immediate = true;
            continue;
        }
        // "... self-harmed in Year 8. She's been fine for two years now": what
        // resolved a concern is often said in a later sentence.
        const bool resolved_later = t.type == ContextType::resolved && h.span.first > match.last;
        if ((!inside(clause, h.span) && !resolved_later) || !in_reach(t, h.span, match)) continue;
        // "no school, no food": a finding that is itself a negative is not
        // negated again by the negation before it.
        if (t.type == ContextType::negation && negation_inside) continue;
        // A statement about children in general is not about a particular one.
        if (t.type == ContextType::generic && person && *person != Experiencer::people_in_general) {
            continue;
        }
        if (std::find(applied.begin(), applied.end(), t.type) != applied.end()) continue;
        applied.push_back(t.type);
        out.decisions.push_back(std::string(to_string(t.type)) + ": " +
                                quoted(original, text, h.span));
        if (clears(t.type))
            cleared = true;
        else
            steps_down += 1;
    }
    const bool has_historical =
        std::find(applied.begin(), applied.end(), ContextType::historical) != applied.end();
    const bool has_resolved =
        std::find(applied.begin(), applied.end(), ContextType::resolved) != applied.end();
    if (has_historical && has_resolved &&
        rules.source.history_not_referable.contains(rule.category)) {
        // A past crisis the person has recovered from is not a danger now,
        // even if it was urgent at the time.
        out.severity = Severity::none;
        out.decisions.push_back("past and resolved: not a current concern in this category");
        return finish_experiencer(out, rule, applied, person);
    }
    if (cleared) {
        out.severity = rule.severity == Severity::urgent ? Severity::low : Severity::none;
        if (rule.severity == Severity::urgent)
            out.decisions.push_back("urgent: kept at low for a person to check");
    } else {
        out.severity = lowered(rule.severity, steps_down);
        if (immediate && out.severity == Severity::high) {
            out.severity = Severity::urgent;
            out.decisions.push_back(immediacy_note);
        }
    }
    return finish_experiencer(out, rule, applied, person);
}

}  // namespace safesurvey::triage
