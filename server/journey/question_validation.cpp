#include "server/journey/question_validation.hpp"

#include <charconv>
#include <optional>
#include <string>

#include "server/journey/date_validation.hpp"

namespace safesurvey::journey {
namespace {

using defs::Question;
using defs::QuestionType;
using pages::FieldError;

const std::vector<std::string>* values_of(const defs::Answers& typed, std::string_view id) {
    const auto found = typed.find(id);
    return found == typed.end() || found->second.empty() ? nullptr : &found->second;
}

// The question as the messages name it, in curly quotes.
std::string named(const Question& question) {
    const std::string& title = question.title.text();
    return title.empty() ? std::string("this question") : "“" + title + "”";
}

void check_length(const std::string& field, const std::string& text, std::size_t max_length,
                  const std::string& what, std::vector<FieldError>& errors) {
    if (max_length == 0 || character_count(text) <= max_length) return;
    errors.push_back({field, "Your answer to " + what + " must be " + std::to_string(max_length) +
                                 " characters or fewer"});
}

void validate_follow_ups(const Question& question, const std::vector<std::string>& chosen,
                         const defs::Answers& typed, defs::Answers& accepted,
                         std::vector<FieldError>& errors) {
    for (const auto& id : chosen) {
        const defs::Option* option = question.find_option(id);
        if (option == nullptr || !option->follow_up) continue;
        const auto& follow_up = *option->follow_up;
        const auto* text = values_of(typed, follow_up.id);
        const std::string what = "“" + option->label.text() + "”";
        if (text == nullptr) {
            errors.push_back({follow_up.id, "Enter details for " + what});
            continue;
        }
        const std::size_t before = errors.size();
        check_length(follow_up.id, text->front(), follow_up.max_length, what, errors);
        if (errors.size() == before) accepted[follow_up.id] = {text->front()};
    }
}

void validate_choice(const Question& question, const std::vector<std::string>& chosen,
                     const defs::Answers& typed, defs::Answers& accepted,
                     std::vector<FieldError>& errors) {
    const bool multiple = question.type == QuestionType::multiple_choice;
    for (const auto& id : chosen) {
        if (question.find_option(id) == nullptr || (!multiple && chosen.size() > 1)) {
            errors.push_back(
                {question.id, "Select one of the answers shown for " + named(question)});
            return;
        }
    }
    if (multiple && chosen.size() > 1) {
        for (const auto& id : chosen) {
            const defs::Option* option = question.find_option(id);
            if (!option->exclusive) continue;
            errors.push_back(
                {question.id, "Select “" + option->label.text() +
                                  "” on its own, or untick it to choose other answers"});
            return;
        }
    }
    const std::size_t before = errors.size();
    validate_follow_ups(question, chosen, typed, accepted, errors);
    if (errors.size() == before) accepted[question.id] = chosen;
}

std::optional<std::int64_t> parse_whole_number(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (c != ',' && c != ' ') digits.push_back(c);
    }
    if (!digits.empty() && digits.front() == '+') digits.erase(0, 1);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return value;
}

void validate_number(const Question& question, const std::string& text, defs::Answers& accepted,
                     std::vector<FieldError>& errors) {
    const auto value = parse_whole_number(text);
    if (!value) {
        errors.push_back(
            {question.id, "Your answer to " + named(question) + " must be a whole number, like 5"});
        return;
    }
    const bool too_low = question.min && *value < *question.min;
    const bool too_high = question.max && *value > *question.max;
    if (too_low || too_high) {
        std::string rule;
        if (question.min && question.max) {
            rule = "between " + std::to_string(*question.min) + " and " +
                   std::to_string(*question.max);
        } else if (question.min) {
            rule = std::to_string(*question.min) + " or more";
        } else {
            rule = std::to_string(*question.max) + " or fewer";
        }
        errors.push_back({question.id, "Your answer to " + named(question) + " must be " + rule});
        return;
    }
    accepted[question.id] = {std::to_string(*value)};
}

}  // namespace

void validate_question(const Question& question, const defs::Answers& typed,
                       defs::Answers& accepted, std::vector<FieldError>& errors) {
    if (question.type == QuestionType::date) {
        validate_date(question, typed, accepted, errors);
        return;
    }
    const auto* values = values_of(typed, question.id);
    if (values == nullptr) {
        if (!question.required) return;
        if (question.has_options()) {
            const bool multiple = question.type == QuestionType::multiple_choice;
            errors.push_back({question.id, std::string(multiple ? "Select at least one answer to "
                                                                : "Select an answer to ") +
                                               named(question)});
        } else {
            errors.push_back({question.id, "Enter an answer to " + named(question)});
        }
        return;
    }
    if (question.has_options()) {
        validate_choice(question, *values, typed, accepted, errors);
    } else if (question.type == QuestionType::number) {
        validate_number(question, values->front(), accepted, errors);
    } else {
        const std::size_t before = errors.size();
        check_length(question.id, values->front(), question.max_length, named(question), errors);
        if (errors.size() == before) accepted[question.id] = {values->front()};
    }
}

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

}  // namespace safesurvey::journey
