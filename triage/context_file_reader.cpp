#include "triage/context_file_reader.hpp"

#include <string>

#include "triage/normalized_text.hpp"

namespace safesurvey::triage {

namespace {

using nlohmann::json;

void read_trigger(RuleFileChecker& check, const json& t, const std::string& at, RuleSet& out) {
    ContextTrigger trigger;
    const std::string type = check.text(t, at, "type");
    if (auto parsed = parse_context_type(type)) {
        trigger.type = *parsed;
    } else if (!type.empty()) {
        check.fail(at + "/type", "\"" + type + "\" is not a context type");
    }
    const std::string direction = check.text(t, at, "direction");
    if (direction == "before")
        trigger.direction = Direction::before;
    else if (direction == "after")
        trigger.direction = Direction::after;
    else if (direction == "both")
        trigger.direction = Direction::both;
    else if (!direction.empty())
        check.fail(at + "/direction", "must be before, after or both");
    if (const json* w = check.field(t, at, "window", json::value_t::number_unsigned, true)) {
        trigger.window = w->get<int>();
        if (trigger.window < 0 || trigger.window > 40)
            check.fail(at + "/window", "must be 0 to 40 words");
    }
    trigger.phrases = check.phrases(t, at, "phrases");
    out.triggers.push_back(std::move(trigger));
}

// "misspellings": {"dosnt": "doesnt", ...}: one word each side, different.
void read_misspellings(RuleFileChecker& check, const json& doc, RuleSet& out) {
    const json* map = check.field(doc, "", "misspellings", json::value_t::object, false);
    if (!map) return;
    for (const auto& [typed, meant] : map->items()) {
        const std::string at = "/misspellings/" + typed;
        const std::string from = normalize_phrase(typed);
        const std::string to = meant.is_string() ? normalize_phrase(meant.get<std::string>()) : "";
        if (from.empty() || from.find(' ') != std::string::npos || to.empty() ||
            to.find(' ') != std::string::npos) {
            check.fail(at, "must map one word as typed to the one word meant");
        } else if (from == to) {
            check.fail(at, "maps \"" + typed + "\" to itself");
        } else {
            out.misspellings.emplace(from, meant.get<std::string>());
        }
    }
}

}  // namespace

void read_context_file(RuleFileChecker& check, const json& doc, RuleSet& out) {
    read_misspellings(check, doc, out);
    out.terminators = check.phrases(doc, "", "terminators");
    out.spelling_exceptions = check.phrases(doc, "", "spelling_exceptions", false);
    out.clause_openers = check.phrases(doc, "", "clause_openers", false);
    if (const json* triggers = check.field(doc, "", "triggers", json::value_t::array, true)) {
        for (std::size_t i = 0; i < triggers->size(); ++i) {
            read_trigger(check, (*triggers)[i], "/triggers/" + std::to_string(i), out);
        }
    }
    if (const json* who = check.field(doc, "", "experiencer", json::value_t::object, true)) {
        for (auto e : {Experiencer::respondent, Experiencer::particular_person,
                       Experiencer::people_in_general}) {
            const std::string name(to_string(e));
            out.experiencer_words[e] = check.phrases(*who, "/experiencer", name.c_str());
        }
    }
}

}  // namespace safesurvey::triage
