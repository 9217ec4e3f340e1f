#include "survey_defs/definition_reader.hpp"

#include <algorithm>
#include <map>

namespace safesurvey::defs {
namespace {

constexpr std::size_t kMaxIdLength = 64;

bool is_id_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string join(std::initializer_list<std::string_view> words) {
    std::string joined;
    for (const auto word : words) {
        if (!joined.empty()) joined += ", ";
        joined += word;
    }
    return joined;
}

}  // namespace

std::string member_path(std::string_view path, std::string_view key) {
    // RFC 6901: '~' is written "~0" and '/' is written "~1".
    std::string result(path);
    result += '/';
    for (const char c : key) {
        if (c == '~') {
            result += "~0";
        } else if (c == '/') {
            result += "~1";
        } else {
            result += c;
        }
    }
    return result;
}

std::string item_path(std::string_view path, std::size_t index) {
    return std::string(path) + "/" + std::to_string(index);
}

std::size_t character_count(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string_view json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "true or false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "a whole number";
        case Json::value_t::number_float:
            return "a decimal number";
        default:
            return "an unreadable value";
    }
}

void DefinitionReader::problem(std::string_view path, std::string message) {
    problems_.push_back(Problem{std::string(path), std::move(message)});
}

bool DefinitionReader::object(const Json& value, std::string_view path,
                              std::initializer_list<std::string_view> allowed,
                              std::initializer_list<std::string_view> required) {
    if (!value.is_object()) {
        problem(path, "must be an object, not " + std::string(json_type_name(value)));
        return false;
    }
    for (const auto& [key, member] : value.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            problem(member_path(path, key),
                    "unknown key '" + key + "'; the keys allowed here are: " + join(allowed));
        }
    }
    for (const auto key : required) {
        if (!value.contains(key)) {
            problem(path, "'" + std::string(key) + "' is missing");
        }
    }
    return true;
}

std::string DefinitionReader::id(const Json& object, std::string_view path, std::string_view key) {
    const auto found = object.find(key);
    if (found == object.end()) return {};
    return id_value(*found, member_path(path, key));
}

std::string DefinitionReader::id_value(const Json& value, std::string_view at) {
    if (!value.is_string()) {
        problem(at, "must be a string, not " + std::string(json_type_name(value)));
        return {};
    }
    const auto& id = value.get_ref<const std::string&>();
    const bool well_formed = !id.empty() && id.size() <= kMaxIdLength &&
                             std::all_of(id.begin(), id.end(), is_id_character) &&
                             id.front() != '-' && id.front() != '_';
    if (!well_formed) {
        problem(at, "'" + id +
                        "' is not a valid id: use 1 to 64 lower-case letters, digits, '-' or "
                        "'_', starting with a letter or digit");
    }
    return id;
}

bool DefinitionReader::check_length(std::string_view text, std::string_view path,
                                    std::size_t max_characters) {
    const std::size_t count = character_count(text);
    if (count > max_characters) {
        problem(path, "is " + std::to_string(count) + " characters long; the limit is " +
                          std::to_string(max_characters));
        return false;
    }
    return true;
}

std::string DefinitionReader::string(const Json& object, std::string_view path,
                                     std::string_view key, std::size_t max_characters) {
    const auto found = object.find(key);
    if (found == object.end()) return {};
    const std::string at = member_path(path, key);
    if (!found->is_string()) {
        problem(at, "must be a string, not " + std::string(json_type_name(*found)));
        return {};
    }
    const auto& text = found->get_ref<const std::string&>();
    check_length(text, at, max_characters);
    return text;
}

LocalisedText DefinitionReader::text_value(const Json& value, std::string_view path,
                                           std::size_t max_characters) {
    const std::string& default_language = languages_.front();
    std::map<std::string, std::string> by_language;
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (text.empty()) problem(path, "must not be empty");
        check_length(text, path, max_characters);
        by_language[default_language] = text;
    } else if (value.is_object()) {
        for (const auto& [language, text] : value.items()) {
            const std::string at = member_path(path, language);
            if (std::find(languages_.begin(), languages_.end(), language) == languages_.end()) {
                problem(at, "'" + language + "' is not one of the survey's languages");
            } else if (!text.is_string() || text.get_ref<const std::string&>().empty()) {
                problem(at, "must be a non-empty string");
            } else if (check_length(text.get_ref<const std::string&>(), at, max_characters)) {
                by_language[language] = text.get<std::string>();
            }
        }
        if (!value.contains(default_language)) {
            problem(path, "has no text in the default language '" + default_language + "'");
        }
    } else {
        problem(path,
                "must be a string or an object of translations such as {\"en\": \"...\"}, "
                "not " +
                    std::string(json_type_name(value)));
    }
    return LocalisedText(default_language, std::move(by_language));
}

LocalisedText DefinitionReader::text(const Json& object, std::string_view path,
                                     std::string_view key, std::size_t max_characters) {
    const auto found = object.find(key);
    if (found == object.end()) return {};
    return text_value(*found, member_path(path, key), max_characters);
}

std::vector<LocalisedText> DefinitionReader::texts(const Json& object, std::string_view path,
                                                   std::string_view key,
                                                   std::size_t max_characters) {
    std::vector<LocalisedText> result;
    const Json* items = array(object, path, key, 1, 50);
    if (items == nullptr) return result;
    const std::string at = member_path(path, key);
    for (std::size_t i = 0; i < items->size(); ++i) {
        result.push_back(text_value((*items)[i], item_path(at, i), max_characters));
    }
    return result;
}

bool DefinitionReader::boolean(const Json& object, std::string_view path, std::string_view key,
                               bool fallback) {
    const auto found = object.find(key);
    if (found == object.end()) return fallback;
    if (!found->is_boolean()) {
        problem(member_path(path, key),
                "must be true or false, not " + std::string(json_type_name(*found)));
        return fallback;
    }
    return found->get<bool>();
}

std::optional<std::int64_t> DefinitionReader::integer(const Json& object, std::string_view path,
                                                      std::string_view key, std::int64_t min,
                                                      std::int64_t max) {
    const auto found = object.find(key);
    if (found == object.end()) return std::nullopt;
    const std::string at = member_path(path, key);
    if (!found->is_number_integer()) {
        problem(at, "must be a whole number, not " + std::string(json_type_name(*found)));
        return std::nullopt;
    }
    // Unsigned values above INT64_MAX are out of every range we accept.
    const bool fits = !found->is_number_unsigned() ||
                      found->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX);
    const std::int64_t number = fits ? found->get<std::int64_t>() : INT64_MAX;
    if (!fits || number < min || number > max) {
        problem(at, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return number;
}

const Json* DefinitionReader::array(const Json& object, std::string_view path, std::string_view key,
                                    std::size_t min_items, std::size_t max_items) {
    const auto found = object.find(key);
    if (found == object.end()) return nullptr;
    const std::string at = member_path(path, key);
    if (!found->is_array()) {
        problem(at, "must be an array, not " + std::string(json_type_name(*found)));
        return nullptr;
    }
    if (found->empty() && min_items > 0) {
        problem(at, "is empty; it needs at least " + std::to_string(min_items));
        return nullptr;
    }
    if (found->size() < min_items || found->size() > max_items) {
        problem(at, "has " + std::to_string(found->size()) + " items; it needs between " +
                        std::to_string(min_items) + " and " + std::to_string(max_items));
        return nullptr;
    }
    return &*found;
}

}  // namespace safesurvey::defs
