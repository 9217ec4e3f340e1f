#include "triage/compiled_rules.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include "triage/normalized_text.hpp"
#include "triage/word_form.hpp"

namespace safesurvey::triage {

namespace {

// `keep_fillers`: the rule is about the respondent, so its "my" is what it
// says ("end my life" is not "end his life").
WordCheck check_for(PhraseRole role, const PhraseWords& words, bool keep_fillers) {
    if (role != PhraseRole::rule_term && role != PhraseRole::near_term) return WordCheck::exact;
    // Fillers a rule writes are skipped like those in answers ("cuts on his
    // arms" also finds "cuts on my arms"), unless that would leave a single
    // word: "the tracks" must not become any "tracks". A filler that ends a
    // phrase is what the phrase is about: "who gets my" is not "who gets it".
    const bool has_filler = std::any_of(words.words.begin(), words.words.end(),
                                        [](const std::string& w) { return is_filler_word(w); });
    const bool one_word_left = words.matching.find(' ') == std::string::npos;
    const bool ends_in_filler = !words.words.empty() && is_filler_word(words.words.back());
    return has_filler && (one_word_left || keep_fillers || ends_in_filler) ? WordCheck::fillers
                                                                           : WordCheck::none;
}

class PhraseTable {
  public:
    explicit PhraseTable(const RuleSet& rules) : rules_(rules) {}

    // Adds a phrase, expanding "@set" references into the set's phrases.
    void add(const std::string& phrase, PhraseUse use, bool keep_fillers = false) {
        if (phrase.starts_with("@")) {
            for (const std::string& p : rules_.lexicon.at(phrase.substr(1)))
                add(p, use, keep_fillers);
            return;
        }
        const bool prefix = phrase.ends_with("*");
        PhraseWords words =
            phrase_words(respelled(prefix ? phrase.substr(0, phrase.size() - 1) : phrase, prefix));
        if (words.words.empty()) return;
        if (words.matching.empty()) {
            // Only fillers: one word is found by token; more cannot be told apart.
            if (words.words.size() == 1) add_use(filler_uses_[words.words.front()], use);
            return;
        }
        const WordCheck check = check_for(use.role, words, keep_fillers);
        if (check == WordCheck::none) words.words.clear(), words.forms.clear();
        const auto key = std::make_tuple(words.matching, prefix, check, words.words);
        auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(phrases_.size()));
        if (inserted) {
            std::size_t leading = 0;
            while (leading < words.words.size() && is_filler_word(words.words[leading])) ++leading;
            phrases_.push_back({words.matching,
                                prefix,
                                check,
                                std::move(words.words),
                                std::move(words.forms),
                                leading,
                                {},
                                0,
                                0});
        }
        add_use(phrases_[it->second].uses, use);
    }

    std::vector<CompiledPhrase> take() { return std::move(phrases_); }
    std::map<std::string, std::vector<PhraseUse>> take_filler_uses() {
        return std::move(filler_uses_);
    }

  private:
    // The phrase with listed misspellings replaced by the word meant, as the
    // answer's tokens will be: a rule written "kill u" then finds "kill u".
    // A prefix phrase's last word is kept: it is the start of a word.
    std::string respelled(const std::string& phrase, bool prefix) const {
        if (rules_.misspellings.empty()) return phrase;
        std::vector<std::string> words;
        std::istringstream in(phrase);
        for (std::string w; in >> w;) words.push_back(std::move(w));
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            // Looked up canonical, replaced as written: forms need the
            // unsquashed word ("slapped", not "slaped").
            const auto listed = rules_.misspellings.find(normalize_phrase(words[i]));
            const bool keep =
                listed == rules_.misspellings.end() || (prefix && i + 1 == words.size());
            out += (i ? " " : "") + (keep ? words[i] : listed->second);
        }
        return out;
    }

    static void add_use(std::vector<PhraseUse>& uses, PhraseUse use) {
        for (const auto& u : uses) {
            if (u.role == use.role && u.index == use.index) return;
        }
        uses.push_back(use);
    }

    const RuleSet& rules_;
    std::map<std::tuple<std::string, bool, WordCheck, std::vector<std::string>>, std::uint32_t>
        index_;
    std::vector<CompiledPhrase> phrases_;
    std::map<std::string, std::vector<PhraseUse>> filler_uses_;
};

// Words of rule terms with their matching forms: `serious` only those of
// high or urgent rules that opt in to spelling tolerance ("fuzzy"),
// otherwise all of them.
std::map<std::string, std::string> rule_words(const RuleSet& rules, bool serious) {
    std::map<std::string, std::string> words;
    const auto add_words = [&](const std::string& phrase) {
        if (phrase.ends_with("*")) return;
        const PhraseWords parts = phrase_words(phrase);
        for (std::size_t i = 0; i < parts.words.size(); ++i) {
            words.emplace(parts.words[i], parts.forms[i]);
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

// Moves the phrase's near-term uses into a bit set of `words` 64-bit words.
void split_near_uses(CompiledPhrase& phrase, std::size_t words, std::vector<std::uint64_t>& bits) {
    const bool near = std::any_of(phrase.uses.begin(), phrase.uses.end(), [](const PhraseUse& u) {
        return u.role == PhraseRole::near_term;
    });
    if (!near) return;
    phrase.near_from = static_cast<std::uint32_t>(bits.size());
    bits.resize(bits.size() + words, 0);
    phrase.near_to = static_cast<std::uint32_t>(bits.size());
    for (const PhraseUse& use : phrase.uses) {
        if (use.role != PhraseRole::near_term) continue;
        bits[phrase.near_from + use.index / 64] |= std::uint64_t{1} << (use.index % 64);
    }
    std::erase_if(phrase.uses, [](const PhraseUse& u) { return u.role == PhraseRole::near_term; });
}

PhraseAutomaton automaton_of(const std::vector<CompiledPhrase>& phrases) {
    std::vector<std::string> texts;
    std::vector<bool> prefix;
    texts.reserve(phrases.size());
    for (const auto& p : phrases) {
        texts.push_back(p.text);
        prefix.push_back(p.prefix);
    }
    return PhraseAutomaton(texts, prefix);
}

}  // namespace

CompiledRules compile_rules(RuleSet rules) {
    CompiledRules out;
    PhraseTable table(rules);
    std::map<std::set<std::string>, std::int32_t> near_groups;
    for (std::uint32_t r = 0; r < rules.rules.size(); ++r) {
        const TextRule& rule = rules.rules[r];
        const bool about_respondent = rule.experiencer == Experiencer::respondent;
        for (const std::string& term : rule.terms)
            table.add(term, {PhraseRole::rule_term, r}, about_respondent);
        auto& conditions = out.near_of_rule.emplace_back();
        for (const NearCondition& near : rule.near) {
            const std::set<std::string> key(near.terms.begin(), near.terms.end());
            auto [it, inserted] =
                near_groups.try_emplace(key, static_cast<std::int32_t>(near_groups.size()));
            const auto group = static_cast<std::uint32_t>(it->second);
            conditions.emplace_back(group, near.within);
            if (!inserted) continue;
            for (const std::string& term : key) table.add(term, {PhraseRole::near_term, group});
        }
    }
    for (std::uint32_t t = 0; t < rules.triggers.size(); ++t) {
        for (const std::string& p : rules.triggers[t].phrases)
            table.add(p, {PhraseRole::trigger, t});
    }
    for (const std::string& p : rules.terminators) table.add(p, {PhraseRole::terminator, 0});
    for (const std::string& p : rules.clause_openers) table.add(p, {PhraseRole::clause_opener, 0});
    for (const auto& [who, words] : rules.experiencer_words) {
        for (const std::string& p : words) {
            table.add(p, {PhraseRole::experiencer, static_cast<std::uint32_t>(who)});
        }
    }
    out.phrases = table.take();
    const std::size_t words = (near_groups.size() + 63) / 64;
    for (CompiledPhrase& phrase : out.phrases) split_near_uses(phrase, words, out.near_group_bits);
    out.filler_uses = table.take_filler_uses();
    out.automaton = automaton_of(out.phrases);
    // Every rule word is a real word to the speller: "bruise" is not a
    // misspelt "bruises".
    std::vector<std::string> exceptions;
    for (const auto& e : rules.spelling_exceptions) exceptions.push_back(normalize_phrase(e));
    for (const auto& w : rules.known_words) exceptions.push_back(squash_repeats(w));
    for (const auto& [word, form] : rule_words(rules, false)) {
        exceptions.push_back(word);
        out.rule_forms.insert(form);
    }
    for (const auto& [typed, meant] : rules.misspellings) {
        const PhraseWords words = phrase_words(meant);
        out.misspellings.emplace(typed, MeantWord{words.words[0], words.forms[0], meant});
    }
    out.form_of_rule_word = rule_words(rules, true);
    std::set<std::string> serious;
    for (const auto& [word, form] : out.form_of_rule_word) serious.insert(word);
    out.spelling = SpellingIndex(serious, exceptions);
    for (std::uint32_t c = 0; c < rules.closed_rules.size(); ++c) {
        out.closed_by_question.emplace(rules.closed_rules[c].question, c);
    }
    out.source = std::move(rules);
    return out;
}

}  // namespace safesurvey::triage
