// Reads a structured condition ({"question": .., "equals": ..}, {"all": [..]},
// ...) into a Condition. Whether the questions and options it names exist
// is checked later, once every page has been read (survey_defs/reference_checks.hpp).
#pragma once

#include <optional>
#include <string_view>

#include "survey_defs/condition.hpp"
#include "survey_defs/definition_reader.hpp"

namespace safesurvey::defs {

std::optional<Condition> parse_condition(DefinitionReader& reader, const Json& value,
                                         std::string_view path);

}  // namespace safesurvey::defs
