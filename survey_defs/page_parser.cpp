#include "survey_defs/page_parser.hpp"

#include <algorithm>
#include <array>

#include "survey_defs/condition_parser.hpp"
#include "survey_defs/iso_date.hpp"
#include "survey_defs/limits.hpp"
#include "survey_defs/standard_options.hpp"

namespace safesurvey::defs {
namespace {

constexpr std::array kTypes{
    QuestionType::single_choice, QuestionType::multiple_choice, QuestionType::short_text,
    QuestionType::long_text,     QuestionType::number,          QuestionType::date,
    QuestionType::scale,         QuestionType::yes_no,
};

std::optional<QuestionType> parse_type(DefinitionReader& reader, const Json& question,
                                       std::string_view path) {
    const auto found = question.find("type");
    if (found == question.end()) return std::nullopt;  // reported as missing
    const std::string at = member_path(path, "type");
    if (!found->is_string()) {
        reader.problem(at, "must be a string, not " + std::string(json_type_name(*found)));
        return std::nullopt;
    }
    for (const auto type : kTypes) {
        if (to_string(type) == found->get_ref<const std::string&>()) return type;
    }
    std::string names;
    for (const auto type : kTypes)
        names += (names.empty() ? "" : ", ") + std::string(to_string(type));
    reader.problem(
        at, "unknown question type '" + found->get<std::string>() + "'; the types are: " + names);
    return std::nullopt;
}

// Which of the type-specific keys a question of `type` may use.
bool key_applies(QuestionType type, std::string_view key) {
    if (key == "options") {
        return type == QuestionType::single_choice || type == QuestionType::multiple_choice ||
               type == QuestionType::scale;
    }
    if (key == "max_length")
        return type == QuestionType::short_text || type == QuestionType::long_text;
    if (key == "min" || key == "max" || key == "suffix") return type == QuestionType::number;
    if (key == "earliest" || key == "latest") return type == QuestionType::date;
    return true;
}

FollowUp parse_follow_up(DefinitionReader& reader, const Json& value, std::string_view path) {
    FollowUp follow_up;
    if (!reader.object(value, path, {"id", "label", "max_length", "triage"}, {"id", "label"})) {
        return follow_up;
    }
    follow_up.id = reader.id(value, path, "id");
    follow_up.label = reader.text(value, path, "label", limits::kTitleCharacters);
    follow_up.max_length = reader.integer(value, path, "max_length", 1, limits::kShortTextMaxLength)
                               .value_or(limits::kShortTextDefaultLength);
    follow_up.triage = reader.boolean(value, path, "triage", false);
    return follow_up;
}

Option parse_option(DefinitionReader& reader, const Json& value, std::string_view path) {
    Option option;
    if (!reader.object(value, path, {"id", "label", "hint", "exclusive", "follow_up"},
                       {"id", "label"})) {
        return option;
    }
    option.id = reader.id(value, path, "id");
    option.label = reader.text(value, path, "label", limits::kTitleCharacters);
    option.hint = reader.text(value, path, "hint", limits::kHintCharacters);
    option.exclusive = reader.boolean(value, path, "exclusive", false);
    if (value.contains("follow_up")) {
        option.follow_up =
            parse_follow_up(reader, value["follow_up"], member_path(path, "follow_up"));
    }
    return option;
}

void check_option_rules(DefinitionReader& reader, const Question& question, std::string_view path) {
    const std::string at = member_path(path, "options");
    std::size_t exclusive = 0;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        const Option& option = question.options[i];
        if (!option.exclusive) continue;
        ++exclusive;
        if (question.type != QuestionType::multiple_choice) {
            reader.problem(member_path(item_path(at, i), "exclusive"),
                           "only a multiple_choice option can be exclusive");
        } else if (exclusive == 2) {
            reader.problem(member_path(item_path(at, i), "exclusive"),
                           "a question can have only one exclusive option (\"None of these\")");
        }
    }
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        if (question.options[i].follow_up && question.type == QuestionType::scale) {
            reader.problem(member_path(item_path(at, i), "follow_up"),
                           "a scale option cannot reveal a follow-up question");
        }
    }
}

void parse_options(DefinitionReader& reader, const Json& value, std::string_view path,
                   Question& question) {
    const std::string at = member_path(path, "options");
    const auto found = value.find("options");
    if (found != value.end() && found->is_array() && found->empty()) {
        reader.problem(at, "the option list is empty; a " + std::string(to_string(question.type)) +
                               " question needs options to choose from");
        return;
    }
    const std::size_t min_options = question.type == QuestionType::multiple_choice ? 1 : 2;
    const Json* items = reader.array(value, path, "options", min_options, limits::kMaxOptions);
    for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
        question.options.push_back(parse_option(reader, (*items)[i], item_path(at, i)));
    }
    check_option_rules(reader, question, path);
}

void parse_choices(DefinitionReader& reader, const Json& value, std::string_view path,
                   Question& question) {
    const std::string& language = reader.languages().front();
    if (question.type == QuestionType::yes_no) {
        question.options = yes_no_options(language);
    } else if (question.type == QuestionType::scale && !value.contains("options")) {
        question.options = agreement_options(language);
    } else if (!value.contains("options")) {
        reader.problem(path, "'options' is missing; a " + std::string(to_string(question.type)) +
                                 " question needs options to choose from");
    } else {
        parse_options(reader, value, path, question);
    }
}

void parse_text_limit(DefinitionReader& reader, const Json& value, std::string_view path,
                      Question& question) {
    const bool is_long = question.type == QuestionType::long_text;
    const std::size_t lowest = is_long ? limits::kLongTextMinLength : 1;
    const std::size_t highest = is_long ? limits::kLongTextMaxLength : limits::kShortTextMaxLength;
    const auto limit = reader.integer(value, path, "max_length", static_cast<std::int64_t>(lowest),
                                      static_cast<std::int64_t>(highest));
    question.max_length = limit     ? static_cast<std::size_t>(*limit)
                          : is_long ? limits::kLongTextDefaultLength
                                    : limits::kShortTextDefaultLength;
}

void parse_number_range(DefinitionReader& reader, const Json& value, std::string_view path,
                        Question& question) {
    constexpr std::int64_t kLargest = 1'000'000'000'000;
    question.min = reader.integer(value, path, "min", -kLargest, kLargest);
    question.max = reader.integer(value, path, "max", -kLargest, kLargest);
    question.suffix = reader.text(value, path, "suffix", 40);
    if (question.min && question.max && *question.min > *question.max) {
        reader.problem(member_path(path, "min"), "min (" + std::to_string(*question.min) +
                                                     ") is greater than max (" +
                                                     std::to_string(*question.max) + ")");
    }
}

std::optional<std::string> parse_date(DefinitionReader& reader, const Json& value,
                                      std::string_view path, std::string_view key) {
    if (!value.contains(key)) return std::nullopt;
    std::string date = reader.string(value, path, key, 10);
    if (!is_iso_date(date)) {
        reader.problem(member_path(path, key),
                       "'" + date + "' is not a date written as YYYY-MM-DD, e.g. 2025-03-14");
        return std::nullopt;
    }
    return date;
}

void parse_date_range(DefinitionReader& reader, const Json& value, std::string_view path,
                      Question& question) {
    question.earliest = parse_date(reader, value, path, "earliest");
    question.latest = parse_date(reader, value, path, "latest");
    if (question.earliest && question.latest && *question.earliest > *question.latest) {
        reader.problem(
            member_path(path, "earliest"),
            "earliest (" + *question.earliest + ") is after latest (" + *question.latest + ")");
    }
}

void parse_type_settings(DefinitionReader& reader, const Json& value, std::string_view path,
                         Question& question) {
    for (const auto& [key, member] : value.items()) {
        if (!key_applies(question.type, key)) {
            reader.problem(member_path(path, key), "'" + key + "' does not apply to a " +
                                                       std::string(to_string(question.type)) +
                                                       " question");
        }
    }
    switch (question.type) {
        case QuestionType::single_choice:
        case QuestionType::multiple_choice:
        case QuestionType::scale:
        case QuestionType::yes_no:
            parse_choices(reader, value, path, question);
            break;
        case QuestionType::short_text:
        case QuestionType::long_text:
            parse_text_limit(reader, value, path, question);
            break;
        case QuestionType::number:
            parse_number_range(reader, value, path, question);
            break;
        case QuestionType::date:
            parse_date_range(reader, value, path, question);
            break;
    }
}

Question parse_question(DefinitionReader& reader, const Json& value, std::string_view path) {
    Question question;
    if (!reader.object(value, path,
                       {"id", "type", "title", "hint", "required", "triage", "show_if", "options",
                        "max_length", "min", "max", "suffix", "earliest", "latest"},
                       {"id", "type", "title"})) {
        return question;
    }
    question.id = reader.id(value, path, "id");
    question.title = reader.text(value, path, "title", limits::kTitleCharacters);
    question.hint = reader.text(value, path, "hint", limits::kHintCharacters);
    question.required = reader.boolean(value, path, "required", false);
    question.triage = reader.boolean(value, path, "triage", false);
    if (value.contains("show_if")) {
        question.show_if = parse_condition(reader, value["show_if"], member_path(path, "show_if"));
    }
    if (const auto type = parse_type(reader, value, path)) {
        question.type = *type;
        parse_type_settings(reader, value, path, question);
    }
    return question;
}

Page parse_page(DefinitionReader& reader, const Json& value, std::string_view path) {
    Page page;
    if (!reader.object(value, path,
                       {"id", "section", "title", "paragraphs", "show_if", "questions"},
                       {"id", "questions"})) {
        return page;
    }
    page.id = reader.id(value, path, "id");
    page.section = reader.text(value, path, "section", limits::kTitleCharacters);
    page.title = reader.text(value, path, "title", limits::kTitleCharacters);
    page.paragraphs = reader.texts(value, path, "paragraphs", limits::kParagraphCharacters);
    if (value.contains("show_if")) {
        page.show_if = parse_condition(reader, value["show_if"], member_path(path, "show_if"));
    }
    const Json* questions = reader.array(value, path, "questions", 1, limits::kMaxQuestionsPerPage);
    const std::string at = member_path(path, "questions");
    for (std::size_t i = 0; questions != nullptr && i < questions->size(); ++i) {
        page.questions.push_back(parse_question(reader, (*questions)[i], item_path(at, i)));
    }
    if (page.questions.size() > 1 && page.title.empty()) {
        reader.problem(path, "a page with more than one question needs a 'title' for its heading");
    }
    return page;
}

}  // namespace

std::vector<Page> parse_pages(DefinitionReader& reader, const Json& survey, std::string_view path) {
    std::vector<Page> pages;
    const Json* items = reader.array(survey, path, "pages", 1, limits::kMaxPages);
    const std::string at = member_path(path, "pages");
    for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
        pages.push_back(parse_page(reader, (*items)[i], item_path(at, i)));
    }
    return pages;
}

}  // namespace safesurvey::defs
