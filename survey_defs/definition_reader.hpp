// Reads typed fields out of a survey definition's JSON while collecting
// every problem with its JSON Pointer. Each reading function reports what is
// wrong and returns a usable fallback, so the loader can carry on and find
// the next problem instead of stopping at the first.
//
// Internal to the loader; other areas use survey_defs/loader.hpp.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "survey_defs/localised_text.hpp"
#include "survey_defs/problem.hpp"

namespace safesurvey::defs {

using Json = nlohmann::json;

// JSON Pointer of a member or an array item of the value at `path`.
std::string member_path(std::string_view path, std::string_view key);
std::string item_path(std::string_view path, std::size_t index);

// Code points in a UTF-8 string (nlohmann has already checked it is UTF-8).
std::size_t character_count(std::string_view utf8);

// What "a value of type X" is called in a message an author reads.
std::string_view json_type_name(const Json& value);

class DefinitionReader {
  public:
    explicit DefinitionReader(std::vector<Problem>& problems) : problems_(problems) {}

    // The languages a text object may use; the first is the default.
    void set_languages(std::vector<std::string> languages) { languages_ = std::move(languages); }
    const std::vector<std::string>& languages() const { return languages_; }

    void problem(std::string_view path, std::string message);
    std::size_t problem_count() const { return problems_.size(); }

    // True when `value` is an object; reports every key not in `allowed` and
    // every `required` key that is missing.
    bool object(const Json& value, std::string_view path,
                std::initializer_list<std::string_view> allowed,
                std::initializer_list<std::string_view> required);

    // An identifier: lower-case letters, digits, '-' and '_', at most 64.
    std::string id(const Json& object, std::string_view path, std::string_view key);
    std::string id_value(const Json& value, std::string_view path);
    // A plain string (not localised), "" when absent or wrong.
    std::string string(const Json& object, std::string_view path, std::string_view key,
                       std::size_t max_characters);
    // A string or {"en": ..., "cy": ...}; empty when absent.
    LocalisedText text(const Json& object, std::string_view path, std::string_view key,
                       std::size_t max_characters);
    // An array of texts; empty when absent.
    std::vector<LocalisedText> texts(const Json& object, std::string_view path,
                                     std::string_view key, std::size_t max_characters);
    bool boolean(const Json& object, std::string_view path, std::string_view key, bool fallback);
    std::optional<std::int64_t> integer(const Json& object, std::string_view path,
                                        std::string_view key, std::int64_t min, std::int64_t max);
    // The array at `key`, or nullptr (reported) when it is not an array or
    // has a size outside [min_items, max_items]. Absent: nullptr, unreported.
    const Json* array(const Json& object, std::string_view path, std::string_view key,
                      std::size_t min_items, std::size_t max_items);

  private:
    LocalisedText text_value(const Json& value, std::string_view path, std::size_t max_characters);
    bool check_length(std::string_view text, std::string_view path, std::size_t max_characters);

    std::vector<Problem>& problems_;
    std::vector<std::string> languages_{"en"};
};

}  // namespace safesurvey::defs
