#include "server/journey/draft.hpp"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>

namespace safesurvey::journey {
namespace {

using nlohmann::json;

std::string random_hex(std::size_t bytes) {
    std::array<unsigned char, 32> buffer{};
    randombytes_buf(buffer.data(), bytes);
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), buffer.data(), bytes);
    hex.pop_back();  // the terminating NUL sodium writes
    return hex;
}

bool read_answers(const json& object, defs::Answers& answers) {
    if (!object.is_object()) return false;
    for (const auto& [id, values] : object.items()) {
        if (!values.is_array()) return false;
        auto& out = answers[id];
        for (const auto& value : values) {
            if (!value.is_string()) return false;
            out.push_back(value.get<std::string>());
        }
    }
    return true;
}

}  // namespace

Draft new_draft() {
    Draft draft;
    draft.submission_key = random_hex(16);
    return draft;
}

std::string to_json(const Draft& draft) {
    json answers = json::object();
    for (const auto& [id, values] : draft.answers) answers[id] = values;
    const json document = {{"a", answers},           {"k", draft.submission_key},
                           {"p", draft.perspective}, {"c", draft.current_page},
                           {"r", draft.resume_code}, {"h", draft.honeypot},
                           {"e", draft.expires_at}};
    return document.dump();
}

std::optional<Draft> draft_from_json(std::string_view text) {
    const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object()) return std::nullopt;
    const auto string_field = [&](const char* name, std::string& out) {
        const auto it = document.find(name);
        if (it == document.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    Draft draft;
    const auto answers = document.find("a");
    const auto expires = document.find("e");
    if (answers == document.end() || !read_answers(*answers, draft.answers)) return std::nullopt;
    if (expires == document.end() || !expires->is_number_integer()) return std::nullopt;
    draft.expires_at = expires->get<std::int64_t>();
    if (!string_field("k", draft.submission_key) || !string_field("p", draft.perspective) ||
        !string_field("c", draft.current_page)) {
        return std::nullopt;
    }
    const auto honeypot = document.find("h");
    if (!string_field("r", draft.resume_code) || honeypot == document.end() ||
        !honeypot->is_boolean()) {
        return std::nullopt;
    }
    draft.honeypot = honeypot->get<bool>();
    if (draft.submission_key.empty()) return std::nullopt;
    return draft;
}

}  // namespace safesurvey::journey
