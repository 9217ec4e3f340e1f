// Reads and checks the rule files. Every problem is collected with its file
// and JSON pointer so that a rule author sees all of them in one run.
#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "triage/context_file_reader.hpp"
#include "triage/known_words.hpp"
#include "triage/normalized_text.hpp"
#include "triage/rule_file_checker.hpp"
#include "triage/rule_set.hpp"

namespace safesurvey::triage {

namespace {

using nlohmann::json;

constexpr int kSchemaVersion = 1;

std::optional<Experiencer> parse_experiencer(std::string_view name) {
    for (auto e : {Experiencer::respondent, Experiencer::particular_person,
                   Experiencer::people_in_general}) {
        if (to_string(e) == name) return e;
    }
    return std::nullopt;
}

NearCondition read_near_condition(RuleFileChecker& check, const json& near, const std::string& at) {
    NearCondition condition;
    condition.terms = check.phrases(near, at, "terms");
    if (const json* w = check.field(near, at, "within", json::value_t::number_unsigned, true)) {
        condition.within = w->get<int>();
        if (condition.within < 1 || condition.within > 30)
            check.fail(at + "/within", "must be 1 to 30 words");
    }
    return condition;
}

// "near" is one condition {terms, within} or a list of up to four, all needed.
void read_near_conditions(RuleFileChecker& check, const json& r, const std::string& at,
                          TextRule& rule) {
    if (!r.contains("near")) return;
    const json& near = r["near"];
    if (near.is_object()) {
        rule.near.push_back(read_near_condition(check, near, at + "/near"));
    } else if (near.is_array() && !near.empty() && near.size() <= 4) {
        for (std::size_t i = 0; i < near.size(); ++i) {
            const std::string where = at + "/near/" + std::to_string(i);
            if (!near[i].is_object()) {
                check.fail(where, "must be an object with \"terms\" and \"within\"");
                continue;
            }
            rule.near.push_back(read_near_condition(check, near[i], where));
        }
    } else {
        check.fail(at + "/near", "must be an object {terms, within} or a list of 1 to 4 of them");
    }
}

void read_text_rule(RuleFileChecker& check, const json& r, const std::string& at,
                    const std::string& category, const std::string& file, RuleSet& out) {
    TextRule rule;
    rule.id = check.text(r, at, "id");
    rule.category = category;
    rule.severity = check.severity(r, at);
    rule.explanation = check.text(r, at, "explanation");
    rule.terms = check.phrases(r, at, "terms");
    rule.file = file;
    read_near_conditions(check, r, at, rule);
    if (r.contains("experiencer")) {
        const std::string name = check.text(r, at, "experiencer");
        rule.experiencer = parse_experiencer(name);
        if (!rule.experiencer) {
            check.fail(
                at + "/experiencer",
                "\"" + name + "\" is not one of respondent, particular_person, people_in_general");
        }
    }
    if (const json* f = check.field(r, at, "fuzzy", json::value_t::boolean, false)) {
        rule.fuzzy = f->get<bool>();
    }
    for (const auto& [key, value] : r.items()) {
        static const std::set<std::string> known{"id",   "severity",    "explanation", "terms",
                                                 "near", "experiencer", "fuzzy",       "note"};
        if (!known.contains(key)) check.fail(at + "/" + key, "unknown field \"" + key + "\"");
    }
    out.rules.push_back(std::move(rule));
}

void read_closed_rule(RuleFileChecker& check, const json& r, const std::string& at,
                      const std::string& category, RuleSet& out) {
    ClosedAnswerRule rule;
    rule.id = check.text(r, at, "id");
    rule.category = category;
    rule.severity = check.severity(r, at);
    rule.explanation = check.text(r, at, "explanation");
    rule.question = check.text(r, at, "question");
    if (const json* values = check.field(r, at, "values", json::value_t::array, true)) {
        for (std::size_t i = 0; i < values->size(); ++i) {
            if ((*values)[i].is_string()) {
                rule.values.push_back((*values)[i].get<std::string>());
            } else {
                check.fail(at + "/values/" + std::to_string(i), "must be a string");
            }
        }
        if (rule.values.empty()) check.fail(at + "/values", "must list at least one option value");
    }
    out.closed_rules.push_back(std::move(rule));
}

void read_category(RuleFileChecker& check, const json& doc, const std::string& file, RuleSet& out) {
    const std::string category = check.text(doc, "", "category");
    const std::string title = check.text(doc, "", "title");
    if (out.categories.contains(category)) {
        check.fail("/category", "category \"" + category + "\" is defined by another file too");
    }
    out.categories[category] = title;
    if (const json* h = check.field(doc, "", "history_referable", json::value_t::boolean, false);
        h && !h->get<bool>()) {
        out.history_not_referable.insert(category);
    }
    if (const json* rules = check.field(doc, "", "rules", json::value_t::array, true)) {
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const std::string at = "/rules/" + std::to_string(i);
            if (!(*rules)[i].is_object()) {
                check.fail(at, "must be an object");
                continue;
            }
            read_text_rule(check, (*rules)[i], at, category, file, out);
        }
    }
    if (const json* closed = check.field(doc, "", "closed_answers", json::value_t::array, false)) {
        for (std::size_t i = 0; i < closed->size(); ++i) {
            const std::string at = "/closed_answers/" + std::to_string(i);
            if ((*closed)[i].is_object()) {
                read_closed_rule(check, (*closed)[i], at, category, out);
            } else {
                check.fail(at, "must be an object");
            }
        }
    }
}

void read_lexicon(RuleFileChecker& check, const json& doc, RuleSet& out) {
    const json* sets = check.field(doc, "", "sets", json::value_t::object, true);
    if (!sets) return;
    for (const auto& [name, value] : sets->items()) {
        if (out.lexicon.contains(name))
            check.fail("/sets/" + name, "set \"" + name + "\" is defined twice");
        out.lexicon[name] = check.phrases(*sets, "/sets", name.c_str());
    }
}

void read_file(const std::string& file, const std::string& text, RuleSet& out,
               std::vector<RuleProblem>& problems) {
    RuleFileChecker check(file, problems);
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        check.fail("", "is not a JSON object (check for a missing comma or bracket)");
        return;
    }
    if (const json* v =
            check.field(doc, "", "schema_version", json::value_t::number_unsigned, true);
        v && v->get<int>() != kSchemaVersion) {
        check.fail("/schema_version", "this build reads schema_version 1");
    }
    const std::string version = check.text(doc, "", "version");
    if (out.version.empty())
        out.version = version;
    else if (!version.empty() && version != out.version) {
        check.fail("/version", "\"" + version + "\" differs from \"" + out.version +
                                   "\" in another file: release the rule files together");
    }
    const std::string kind = check.text(doc, "", "kind");
    if (kind == "category")
        read_category(check, doc, file, out);
    else if (kind == "lexicon")
        read_lexicon(check, doc, out);
    else if (kind == "context")
        read_context_file(check, doc, out);
    else if (!kind.empty())
        check.fail("/kind", "must be category, lexicon or context");
}

// Checks what needs every file: unique ids, known lexicon sets, one context.
void check_across_files(const RuleSet& set, std::vector<RuleProblem>& problems) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < set.rules.size(); ++i) {
        const TextRule& r = set.rules[i];
        if (!r.id.empty() && !ids.insert(r.id).second) {
            problems.push_back({r.file, "/rules", "rule id \"" + r.id + "\" is used twice"});
        }
        std::vector<const std::vector<std::string>*> lists{&r.terms};
        for (const NearCondition& near : r.near) lists.push_back(&near.terms);
        for (const auto* list : lists) {
            for (const std::string& term : *list) {
                if (term.starts_with("@") && !set.lexicon.contains(term.substr(1))) {
                    problems.push_back(
                        {r.file, "/rules (" + r.id + ")", "unknown lexicon set \"" + term + "\""});
                }
            }
        }
    }
    if (set.terminators.empty()) {
        problems.push_back(
            {"(rules directory)", "/", "no context file (kind \"context\") was found"});
    }
}

}  // namespace

std::string_view to_string(Experiencer e) {
    switch (e) {
        case Experiencer::respondent:
            return "respondent";
        case Experiencer::particular_person:
            return "particular_person";
        case Experiencer::people_in_general:
            return "people_in_general";
        default:
            return "unknown";
    }
}

namespace {
constexpr std::array<std::string_view, 9> kContextNames{"negation",   "hypothetical", "historical",
                                                        "resolved",   "generic",      "pseudo",
                                                        "figurative", "process",      "immediacy"};
}

std::string_view to_string(ContextType t) {
    return kContextNames[static_cast<int>(t)];
}

std::optional<ContextType> parse_context_type(std::string_view name) {
    for (std::size_t i = 0; i < kContextNames.size(); ++i) {
        if (kContextNames[i] == name) return static_cast<ContextType>(i);
    }
    return std::nullopt;
}

std::string to_string(const RuleProblem& p) {
    return p.file + " " + p.path + ": " + p.message;
}

RuleSetLoad parse_rule_set(const std::vector<std::pair<std::string, std::string>>& files) {
    RuleSetLoad load;
    RuleSet set;
    for (const auto& [name, text] : files) read_file(name, text, set, load.problems);
    if (files.empty())
        load.problems.push_back({"(rules directory)", "/", "has no .json rule files"});
    check_across_files(set, load.problems);
    if (load.problems.empty()) load.rules = std::move(set);
    return load;
}

RuleSetLoad load_rule_set(const std::filesystem::path& dir) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        return {std::nullopt, {{dir.string(), "/", "is not a readable directory"}}};
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files.emplace_back(path.string(), text.str());
    }
    RuleSetLoad load = parse_rule_set(files);
    std::vector<std::string> known = read_known_words(dir, load.problems);
    if (!load.problems.empty()) {
        load.rules.reset();
    } else {
        load.rules->known_words = std::move(known);
    }
    return load;
}

}  // namespace safesurvey::triage
