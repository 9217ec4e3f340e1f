#include "survey_defs/condition_parser.hpp"

#include "survey_defs/limits.hpp"

namespace safesurvey::defs {
namespace {

constexpr std::string_view kForms =
    "a condition is one of {\"question\": ID, \"equals\": OPTION}, {\"question\": ID, "
    "\"any_of\": [OPTION, ...]}, {\"answered\": ID}, {\"all\": [...]}, {\"any\": [...]} or "
    "{\"not\": {...}}";

std::optional<Condition> parse_at_depth(DefinitionReader& reader, const Json& value,
                                        std::string_view path, std::size_t depth);

std::optional<Condition> parse_operands(DefinitionReader& reader, const Json& value,
                                        std::string_view path, std::string_view key,
                                        Condition::Kind kind, std::size_t depth) {
    if (!reader.object(value, path, {key}, {})) return std::nullopt;
    const Json* items = reader.array(value, path, key, 1, 20);
    if (items == nullptr) {
        if (!value.contains(key))
            reader.problem(path, std::string("'").append(key).append("' is missing"));
        return std::nullopt;
    }
    Condition condition;
    condition.kind = kind;
    bool complete = true;
    const std::string at = member_path(path, key);
    for (std::size_t i = 0; i < items->size(); ++i) {
        auto operand = parse_at_depth(reader, (*items)[i], item_path(at, i), depth + 1);
        if (operand) {
            condition.operands.push_back(std::move(*operand));
        } else {
            complete = false;
        }
    }
    if (!complete) return std::nullopt;
    return condition;
}

std::optional<Condition> parse_negation(DefinitionReader& reader, const Json& value,
                                        std::string_view path, std::size_t depth) {
    if (!reader.object(value, path, {"not"}, {})) return std::nullopt;
    auto operand = parse_at_depth(reader, value["not"], member_path(path, "not"), depth + 1);
    if (!operand) return std::nullopt;
    Condition condition;
    condition.kind = Condition::Kind::negation;
    condition.operands.push_back(std::move(*operand));
    return condition;
}

std::optional<Condition> parse_answered(DefinitionReader& reader, const Json& value,
                                        std::string_view path) {
    if (!reader.object(value, path, {"answered"}, {})) return std::nullopt;
    Condition condition;
    condition.kind = Condition::Kind::answered;
    condition.question = reader.id(value, path, "answered");
    if (condition.question.empty()) return std::nullopt;
    return condition;
}

std::optional<Condition> parse_comparison(DefinitionReader& reader, const Json& value,
                                          std::string_view path) {
    const std::size_t before = reader.problem_count();
    reader.object(value, path, {"question", "equals", "any_of"}, {"question"});
    Condition condition;
    condition.question = reader.id(value, path, "question");
    const bool has_equals = value.contains("equals");
    const bool has_any_of = value.contains("any_of");
    if (has_equals == has_any_of) {
        reader.problem(path, "a condition on a question needs exactly one of 'equals' or 'any_of'");
        return std::nullopt;
    }
    if (has_equals) {
        condition.kind = Condition::Kind::equals;
        condition.values.push_back(reader.id(value, path, "equals"));
    } else {
        condition.kind = Condition::Kind::any_of;
        const Json* items = reader.array(value, path, "any_of", 1, limits::kMaxOptions);
        const std::string at = member_path(path, "any_of");
        for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
            condition.values.push_back(reader.id_value((*items)[i], item_path(at, i)));
        }
    }
    if (reader.problem_count() != before || condition.question.empty()) return std::nullopt;
    return condition;
}

std::optional<Condition> parse_at_depth(DefinitionReader& reader, const Json& value,
                                        std::string_view path, std::size_t depth) {
    if (depth > limits::kMaxConditionDepth) {
        reader.problem(path, "conditions are nested more than " +
                                 std::to_string(limits::kMaxConditionDepth) +
                                 " deep; simplify the condition");
        return std::nullopt;
    }
    if (!value.is_object()) {
        reader.problem(path, "must be an object, not " + std::string(json_type_name(value)) + "; " +
                                 std::string(kForms));
        return std::nullopt;
    }
    if (value.contains("all")) {
        return parse_operands(reader, value, path, "all", Condition::Kind::all, depth);
    }
    if (value.contains("any")) {
        return parse_operands(reader, value, path, "any", Condition::Kind::any, depth);
    }
    if (value.contains("not")) return parse_negation(reader, value, path, depth);
    if (value.contains("answered")) return parse_answered(reader, value, path);
    if (value.contains("question")) return parse_comparison(reader, value, path);
    reader.problem(path, "is not a condition: " + std::string(kForms));
    return std::nullopt;
}

}  // namespace

std::optional<Condition> parse_condition(DefinitionReader& reader, const Json& value,
                                         std::string_view path) {
    return parse_at_depth(reader, value, path, 1);
}

}  // namespace safesurvey::defs
