// Checks the fields of one rule file and collects every problem with the
// file's name and a JSON pointer, so a rule author sees all of them in one
// run. Shared by the readers of category, lexicon and context files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "triage/normalized_text.hpp"
#include "triage/rule_set.hpp"

namespace safesurvey::triage {

class RuleFileChecker {
  public:
    RuleFileChecker(std::string file, std::vector<RuleProblem>& problems)
        : file_(std::move(file)), problems_(problems) {}

    void fail(const std::string& path, const std::string& message) {
        problems_.push_back({file_, path.empty() ? "/" : path, message});
    }

    const nlohmann::json* field(const nlohmann::json& object, const std::string& path,
                                const char* name, nlohmann::json::value_t type, bool required) {
        const auto it = object.find(name);
        const std::string at = path + "/" + name;
        if (it == object.end()) {
            if (required) fail(at, std::string("missing required field \"") + name + "\"");
            return nullptr;
        }
        const bool ok = type == nlohmann::json::value_t::number_unsigned ? it->is_number_integer()
                                                                         : it->type() == type;
        if (!ok) {
            fail(at, std::string("\"") + name + "\" must be " + type_name(type));
            return nullptr;
        }
        return &*it;
    }

    std::string text(const nlohmann::json& object, const std::string& path, const char* name,
                     bool required = true) {
        const nlohmann::json* v =
            field(object, path, name, nlohmann::json::value_t::string, required);
        if (!v) return {};
        if (v->get_ref<const std::string&>().empty()) fail(path + "/" + name, "must not be empty");
        return v->get<std::string>();
    }

    // A list of phrases; each must normalise to canonical ASCII words.
    std::vector<std::string> phrases(const nlohmann::json& object, const std::string& path,
                                     const char* name, bool required = true) {
        std::vector<std::string> out;
        const nlohmann::json* list =
            field(object, path, name, nlohmann::json::value_t::array, required);
        if (!list) return out;
        if (list->empty()) fail(path + "/" + name, "must list at least one phrase");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = path + "/" + name + "/" + std::to_string(i);
            if (!(*list)[i].is_string()) {
                fail(at, "must be a string");
                continue;
            }
            const std::string phrase = (*list)[i].get<std::string>();
            check_phrase(at, phrase);
            out.push_back(phrase);
        }
        return out;
    }

    void check_phrase(const std::string& at, const std::string& phrase) {
        if (phrase.starts_with("@")) return;  // a lexicon reference, checked later
        std::string body = phrase;
        if (body.ends_with("*")) body.pop_back();
        const std::string canonical = normalize_phrase(body);
        if (canonical.empty()) {
            fail(at, "\"" + phrase + "\" has no letters or digits to match");
        } else if (std::any_of(canonical.begin(), canonical.end(),
                               [](unsigned char c) { return c >= 0x80; })) {
            fail(at, "\"" + phrase + "\" must be plain ASCII after folding");
        } else if (const PhraseWords words = phrase_words(body);
                   words.matching.empty() && words.words.size() > 1) {
            fail(at, "\"" + phrase +
                         "\" is only filler words (a, the, his...), which are "
                         "matched one at a time");
        } else if (phrase.ends_with("*") && canonical.size() < 4) {
            fail(at, "prefix \"" + phrase + "\" is too short (at least 4 letters before *)");
        }
    }

    Severity severity(const nlohmann::json& object, const std::string& path) {
        const std::string name = text(object, path, "severity");
        if (name.empty()) return Severity::low;
        const auto s = parse_severity(name);
        if (!s || *s == Severity::none) {
            fail(path + "/severity", "\"" + name + "\" is not one of low, medium, high, urgent");
            return Severity::low;
        }
        return *s;
    }

  private:
    static std::string type_name(nlohmann::json::value_t t) {
        switch (t) {
            case nlohmann::json::value_t::string:
                return "a string";
            case nlohmann::json::value_t::array:
                return "an array";
            case nlohmann::json::value_t::object:
                return "an object";
            case nlohmann::json::value_t::number_unsigned:
                return "a whole number";
            case nlohmann::json::value_t::boolean:
                return "true or false";
            default:
                return "of another type";
        }
    }
    std::string file_;
    std::vector<RuleProblem>& problems_;
};

}  // namespace safesurvey::triage
