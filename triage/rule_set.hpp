// The triage rules as data: what the JSON files in triage/rules/ say, checked
// but not yet compiled. See docs/triage.md and triage/schema/ for the format.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "triage/severity.hpp"

namespace safesurvey::triage {

// Who the concern is about, where a rule or the sentence can tell.
enum class Experiencer { unknown, respondent, particular_person, people_in_general };
std::string_view to_string(Experiencer e);

// One of `terms` within `within` words of a rule's match, same sentence.
struct NearCondition {
    std::vector<std::string> terms;
    int within = 0;
};

// A free-text rule: one of `terms` (phrases, "@set" references to the
// lexicon, or prefixes ending in "*") and, for each `near` condition, one of
// its terms nearby. Several conditions all have to hold, so a rule can join
// concepts: sharing a picture, near "everyone", near "unless".
struct TextRule {
    std::string id;
    std::string category;
    Severity severity = Severity::low;
    std::string explanation;
    std::vector<std::string> terms;
    std::vector<NearCondition> near;
    std::optional<Experiencer> experiencer;
    bool fuzzy = false;  // long words of a high/urgent rule also match one edit away
    std::string file;    // where it was defined, for messages
};

// A closed-answer rule: fires when question `question` was answered with
// one of `values`. A question no survey has is harmless: it never fires.
struct ClosedAnswerRule {
    std::string id;
    std::string category;
    Severity severity = Severity::low;
    std::string explanation;
    std::string question;
    std::vector<std::string> values;
};

// ConText-style modifiers. Each trigger phrase acts on matches before
// and/or after it within `window` words of the same clause.
enum class ContextType {
    negation,
    hypothetical,
    historical,
    resolved,
    generic,
    pseudo,
    figurative,
    process,
    immediacy,  // "tonight", "right now": raises a high match anywhere in the answer to urgent
};
std::string_view to_string(ContextType t);
std::optional<ContextType> parse_context_type(std::string_view name);

enum class Direction { before, after, both };  // where the trigger sits relative to the match

struct ContextTrigger {
    ContextType type = ContextType::negation;
    Direction direction = Direction::before;
    int window = 6;
    std::vector<std::string> phrases;
};

struct RuleSet {
    std::string version;  // the "version" shared by every file, e.g. "2026.11.1"
    std::map<std::string, std::string> categories;  // id -> title
    // Categories whose past, resolved concerns are no longer referable (a
    // recovered self-harm history); past abuse always stays referable.
    std::set<std::string> history_not_referable;
    std::map<std::string, std::vector<std::string>> lexicon;  // set name -> phrases
    std::vector<TextRule> rules;
    std::vector<ClosedAnswerRule> closed_rules;
    std::vector<ContextTrigger> triggers;  // includes figurative and process masks
    std::vector<std::string> terminators;  // "but", "however": end a context scope
    // Words that open a new clause when they follow a comma ("..., i found
    // blades"): the comma then ends a context scope too.
    std::vector<std::string> clause_openers;
    std::map<Experiencer, std::vector<std::string>> experiencer_words;
    std::vector<std::string> spelling_exceptions;  // real words never "corrected"
    std::vector<std::string> known_words;          // from *.words lists: the same, in bulk
    // Common misspellings and text-speak of any length, as typed -> the word
    // meant ("dosnt" -> "doesnt", "wiv" -> "with"): short words are too
    // close to ordinary ones for edit distance, so they are listed instead.
    // Keys canonical, values as written; rule phrases are respelled too.
    std::map<std::string, std::string> misspellings;
};

struct RuleProblem {
    std::string file;
    std::string path;  // JSON pointer inside the file, e.g. /rules/3/terms/0
    std::string message;
};
std::string to_string(const RuleProblem& p);

struct RuleSetLoad {
    std::optional<RuleSet> rules;  // set only when `problems` is empty
    std::vector<RuleProblem> problems;
};

// Reads every *.json file in `dir` (sorted by name) and checks it.
RuleSetLoad load_rule_set(const std::filesystem::path& dir);

// The same from in-memory documents (file name, JSON text): tests, benches.
RuleSetLoad parse_rule_set(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace safesurvey::triage
