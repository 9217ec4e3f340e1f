#include "triage/engine.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "triage/compiled_rules.hpp"
#include "triage/context_scope.hpp"
#include "triage/normalized_text.hpp"
#include "triage/phrase_hits.hpp"
#include "triage/word_form.hpp"

namespace safesurvey::triage {

namespace {

using Corrections = std::vector<std::pair<std::uint32_t, std::string>>;  // token, word shown

// A token as typed, before repeated letters were squashed ("hittin"), when
// it is plain ASCII letters; empty otherwise.
std::string typed_letters(std::string_view original, const Token& token) {
    std::string word;
    for (const char c : original.substr(token.start, token.end - token.start)) {
        if (c == '\'') continue;
        if (!std::isalpha(static_cast<unsigned char>(c))) return {};
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return word;
}

// The word a misspelt token means and its matching form, if the rules know
// one: a listed misspelling of any length ("dosnt"), a dropped g that makes
// a rule word ("hittin"), or a long serious word one edit away ("sucidal").
std::optional<MeantWord> meant_word(const CompiledRules& rules, std::string_view original,
                                    const Token& token) {
    if (auto listed = rules.misspellings.find(token.text); listed != rules.misspellings.end()) {
        return listed->second;
    }
    // "thin", "skin" and "within" are words already: only unknown words qualify.
    if (token.text.size() >= 5 && token.text.ends_with("in") &&
        !rules.spelling.is_known(token.text)) {
        const std::string typed = typed_letters(original, token);
        if (!typed.empty()) {
            const std::string form = word_form(typed + "g");
            if (rules.rule_forms.contains(form)) {
                return MeantWord{squash_repeats(typed + "g"), form, typed + "g"};
            }
        }
    }
    if (token.text.size() + 1 < SpellingIndex::kMinWordLength) return std::nullopt;
    if (auto word = rules.spelling.correct(token.text)) {
        return MeantWord{*word, rules.form_of_rule_word.at(*word), *word};
    }
    return std::nullopt;
}

// Rewrites misspelt words to the word meant, so rules and context both see it.
Corrections correct_spelling(const CompiledRules& rules, std::string_view original,
                             NormalizedText& text) {
    Corrections corrections;
    for (std::uint32_t t = 0; t < text.tokens.size(); ++t) {
        Token& token = text.tokens[t];
        if (token.kind != TokenKind::word) continue;
        if (auto meant = meant_word(rules, original, token)) {
            corrections.emplace_back(t, std::move(meant->shown));
            token.text = std::move(meant->text);
            token.form = std::move(meant->form);
        }
    }
    if (!corrections.empty()) rebuild_matching(text);
    return corrections;
}

// Whether a near term at `near` is close enough to the match: within
// `within` words, in the same sentence, not overlapping it.
bool near_enough(const PhraseHits& hits, TokenSpan near, int within, TokenSpan match) {
    if (near.overlaps(match)) return false;
    const TokenSpan gap = near.last < match.first ? TokenSpan{near.last, match.first}
                                                  : TokenSpan{match.last, near.first};
    if (static_cast<int>(gap.last - gap.first) > within) return false;
    return hits.stops_before[gap.last + 1] == hits.stops_before[gap.first];
}

// Whether a term of near group `group` sits within `within` words of the
// match, in the same sentence.
bool near_term_within(const CompiledRules& rules, const PhraseHits& hits, std::uint32_t group,
                      int within, TokenSpan match) {
    // Only places that start close enough can be near: sorted by start, and
    // no longer than the longest, they lie in one short run of the list.
    const std::int64_t lowest =
        std::int64_t{match.first} - within - std::int64_t{hits.longest_near_phrase};
    const auto begin = std::partition_point(
        hits.near_phrases.begin(), hits.near_phrases.end(),
        [&](const NearPlace& h) { return std::int64_t{h.span.first} < lowest; });
    const std::int64_t highest = std::int64_t{match.last} + within;
    for (auto it = begin; it != hits.near_phrases.end() && it->span.first <= highest; ++it) {
        if (!near_enough(hits, it->span, within, match)) continue;
        const std::uint32_t word = it->bits_from + group / 64;
        if (word < it->bits_to && (rules.near_group_bits[word] >> (group % 64) & 1) != 0) {
            return true;
        }
    }
    const auto [from, to] =
        std::equal_range(hits.near_terms.begin(), hits.near_terms.end(), RoleHit{group, {}},
                         [](const RoleHit& a, const RoleHit& b) { return a.index < b.index; });
    for (auto it = from; it != to; ++it) {
        if (near_enough(hits, it->span, within, match)) return true;
    }
    return false;
}

// Whether every near condition of the rule holds around the match.
bool near_conditions_hold(const CompiledRules& rules, const PhraseHits& hits, std::uint32_t rule,
                          TokenSpan match) {
    for (const auto& [group, within] : rules.near_of_rule[rule]) {
        if (!near_term_within(rules, hits, group, within, match)) return false;
    }
    return true;
}

std::vector<std::string> spelling_notes(const Corrections& corrections, const NormalizedText& text,
                                        std::string_view original, TokenSpan match) {
    std::vector<std::string> notes;
    for (const auto& [t, shown] : corrections) {
        if (t < match.first || t > match.last) continue;
        const Token& token = text.tokens[t];
        notes.push_back("spelling: '" +
                        std::string(original.substr(token.start, token.end - token.start)) +
                        "' read as '" + shown + "'");
    }
    for (std::uint32_t t = match.first; t <= match.last; ++t) {
        const Token& token = text.tokens[t];
        if (token.leet) {
            notes.push_back("leetspeak: '" +
                            std::string(original.substr(token.start, token.end - token.start)) +
                            "' read as '" + token.text + "'");
        }
    }
    return notes;
}

// The answer's severity is its most severe match; two different signals at
// medium or above (different words, same or different rule) corroborate each
// other and make it high, as monitoring products do when a second signal of
// the same kind appears.
void summarise(AnswerAssessment& answer) {
    std::set<std::string> categories;
    for (const RuleMatch& m : answer.matches) {
        if (m.severity == Severity::none) continue;
        answer.severity = std::max(answer.severity, m.severity);
        categories.insert(m.category);
    }
    answer.categories.assign(categories.begin(), categories.end());
    // Corroboration can only raise the answer to high; when it is there
    // already, the words need not be normalised again to count signals.
    if (answer.severity >= Severity::high) return;
    std::set<std::string> corroborating;
    for (const RuleMatch& m : answer.matches) {
        // Only signals no context doubted: a past, resolved worry is no second signal.
        if (m.severity >= Severity::medium && m.severity == m.rule_severity) {
            corroborating.insert(normalize_phrase(m.text));
        }
    }
    if (corroborating.size() >= 2) answer.severity = Severity::high;
}

}  // namespace

Engine::Engine(RuleSet rules)
    : compiled_(std::make_shared<const CompiledRules>(compile_rules(std::move(rules)))) {}

const RuleSet& Engine::rules() const {
    return compiled_->source;
}
std::size_t Engine::phrase_count() const {
    return compiled_->phrases.size();
}

AnswerAssessment Engine::assess_text(std::string_view original, std::string question_id) const {
    const CompiledRules& rules = *compiled_;
    AnswerAssessment out;
    out.question_id = std::move(question_id);
    // Per-thread scratch, reused from answer to answer: the engine itself
    // stays immutable and safe to share between threads.
    thread_local NormalizedText text;
    normalize(original, text);
    if (text.tokens.empty()) return out;
    const Corrections corrections = correct_spelling(rules, original, text);
    thread_local PhraseHits hits;
    find_phrases(rules, text, hits);
    // Earliest, then longest, first: one match per rule per place in the text.
    std::sort(hits.rule_terms.begin(), hits.rule_terms.end(),
              [](const RoleHit& a, const RoleHit& b) {
                  return a.span.first != b.span.first ? a.span.first < b.span.first
                                                      : a.span.last > b.span.last;
              });
    std::vector<std::pair<std::uint32_t, TokenSpan>> taken;
    for (const RoleHit& hit : hits.rule_terms) {
        const bool repeat = std::any_of(taken.begin(), taken.end(), [&](const auto& t) {
            return t.first == hit.index && t.second.overlaps(hit.span);
        });
        if (repeat || !near_conditions_hold(rules, hits, hit.index, hit.span)) continue;
        taken.emplace_back(hit.index, hit.span);
        const TextRule& rule = rules.source.rules[hit.index];
        ContextOutcome context = apply_context(rules, text, original, hits, rule, hit.span);
        RuleMatch m{rule.id,
                    rule.category,
                    rule.explanation,
                    rule.severity,
                    context.severity,
                    text.tokens[hit.span.first].start,
                    text.tokens[hit.span.last].end,
                    {},
                    {},
                    context.experiencer};
        m.text = std::string(original.substr(m.start, m.end - m.start));
        m.context = spelling_notes(corrections, text, original, hit.span);
        m.context.insert(m.context.end(), context.decisions.begin(), context.decisions.end());
        out.matches.push_back(std::move(m));
    }
    summarise(out);
    return out;
}

Assessment Engine::assess(std::span<const Answer> answers) const {
    Assessment out;
    out.rules_version = compiled_->source.version;
    std::set<std::string> categories;
    for (const Answer& answer : answers) {
        if (answer.text.empty() && answer.chosen.empty()) continue;
        AnswerAssessment a = assess_text(answer.text, answer.question_id);
        const auto [from, to] = compiled_->closed_by_question.equal_range(answer.question_id);
        for (auto it = from; it != to; ++it) {
            const ClosedAnswerRule& rule = compiled_->source.closed_rules[it->second];
            for (const std::string& value : answer.chosen) {
                if (std::find(rule.values.begin(), rule.values.end(), value) == rule.values.end()) {
                    continue;
                }
                a.matches.push_back({rule.id,
                                     rule.category,
                                     rule.explanation,
                                     rule.severity,
                                     rule.severity,
                                     0,
                                     0,
                                     value,
                                     {"closed answer"},
                                     Experiencer::unknown});
            }
        }
        a.categories.clear();
        a.severity = Severity::none;
        summarise(a);
        out.severity = std::max(out.severity, a.severity);
        categories.insert(a.categories.begin(), a.categories.end());
        out.answers.push_back(std::move(a));
    }
    out.categories.assign(categories.begin(), categories.end());
    return out;
}

EngineLoad load_engine(const std::filesystem::path& dir) {
    RuleSetLoad load = load_rule_set(dir);
    if (!load.rules) return {std::nullopt, std::move(load.problems)};
    return {Engine(std::move(*load.rules)), {}};
}

}  // namespace safesurvey::triage
