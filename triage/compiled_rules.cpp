#include "triage/compiled_rules.hpp"

#include <set>

#include "triage/normalized_text.hpp"

namespace safesurvey::triage {

namespace {

class PhraseTable {
  public:
    explicit PhraseTable(const RuleSet& rules) : rules_(rules) {}

    // Adds a phrase, expanding "@set" references into the set's phrases.
    void add(const std::string& phrase, PhraseUse use) {
        if (phrase.starts_with("@")) {
            for (const std::string& p : rules_.lexicon.at(phrase.substr(1))) add(p, use);
            return;
        }
        const bool prefix = phrase.ends_with("*");
        std::string text = normalize_phrase(prefix ? phrase.substr(0, phrase.size() - 1) : phrase);
        if (text.empty()) return;
        const auto key = std::make_pair(text, prefix);
        auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(phrases_.size()));
        if (inserted) phrases_.push_back({text, prefix, {}});
        auto& uses = phrases_[it->second].uses;
        for (const auto& u : uses) {
            if (u.role == use.role && u.index == use.index) return;
        }
        uses.push_back(use);
    }

    std::vector<CompiledPhrase> take() { return std::move(phrases_); }

  private:
    const RuleSet& rules_;
    std::map<std::pair<std::string, bool>, std::uint32_t> index_;
    std::vector<CompiledPhrase> phrases_;
};

// Words of rule terms: `serious` only those of high or urgent rules that opt
// in to spelling tolerance ("fuzzy"), otherwise all of them.
std::set<std::string> rule_words(const RuleSet& rules, bool serious) {
    std::set<std::string> words;
    const auto add_words = [&](const std::string& phrase) {
        if (phrase.ends_with("*")) return;
        std::string canonical = normalize_phrase(phrase);
        std::size_t from = 0;
        while (from <= canonical.size()) {
            const std::size_t space = std::min(canonical.find(' ', from), canonical.size());
            words.insert(canonical.substr(from, space - from));
            from = space + 1;
        }
    };
    for (const TextRule& rule : rules.rules) {
        if (serious && (rule.severity < Severity::high || !rule.fuzzy)) continue;
        for (const std::string& term : rule.terms) {
            if (!term.starts_with("@")) {
                add_words(term);
                continue;
            }
            for (const std::string& p : rules.lexicon.at(term.substr(1))) add_words(p);
        }
    }
    return words;
}

}  // namespace

CompiledRules compile_rules(RuleSet rules) {
    CompiledRules out;
    PhraseTable table(rules);
    std::map<std::set<std::string>, std::int32_t> near_groups;
    for (std::uint32_t r = 0; r < rules.rules.size(); ++r) {
        const TextRule& rule = rules.rules[r];
        for (const std::string& term : rule.terms) table.add(term, {PhraseRole::rule_term, r});
        if (rule.near.empty()) {
            out.near_group.push_back(-1);
            continue;
        }
        const std::set<std::string> key(rule.near.begin(), rule.near.end());
        auto [it, inserted] =
            near_groups.try_emplace(key, static_cast<std::int32_t>(near_groups.size()));
        out.near_group.push_back(it->second);
        if (!inserted) continue;
        for (const std::string& term : key) {
            table.add(term, {PhraseRole::near_term, static_cast<std::uint32_t>(it->second)});
        }
    }
    for (std::uint32_t t = 0; t < rules.triggers.size(); ++t) {
        for (const std::string& p : rules.triggers[t].phrases)
            table.add(p, {PhraseRole::trigger, t});
    }
    for (const std::string& p : rules.terminators) table.add(p, {PhraseRole::terminator, 0});
    for (const auto& [who, words] : rules.experiencer_words) {
        for (const std::string& p : words) {
            table.add(p, {PhraseRole::experiencer, static_cast<std::uint32_t>(who)});
        }
    }
    out.phrases = table.take();
    std::vector<std::string> texts;
    texts.reserve(out.phrases.size());
    for (const auto& p : out.phrases) texts.push_back(p.text);
    out.automaton = PhraseAutomaton(texts);
    // Every rule word is a real word to the speller: "bruise" is not a
    // misspelt "bruises".
    std::vector<std::string> exceptions;
    for (const auto& e : rules.spelling_exceptions) exceptions.push_back(normalize_phrase(e));
    for (const auto& w : rule_words(rules, false)) exceptions.push_back(w);
    out.spelling = SpellingIndex(rule_words(rules, true), exceptions);
    for (std::uint32_t c = 0; c < rules.closed_rules.size(); ++c) {
        out.closed_by_question.emplace(rules.closed_rules[c].question, c);
    }
    out.source = std::move(rules);
    return out;
}

}  // namespace safesurvey::triage
