// Reads the prose parts of a definition: the start page, the confirmation
// page and the safeguarding panel.
#pragma once

#include <string_view>

#include "survey_defs/content.hpp"
#include "survey_defs/definition_reader.hpp"

namespace safesurvey::defs {

StartPage parse_start_page(DefinitionReader& reader, const Json& value, std::string_view path);
ConfirmationPage parse_confirmation(DefinitionReader& reader, const Json& value,
                                    std::string_view path);
SafeguardingPanel parse_safeguarding(DefinitionReader& reader, const Json& value,
                                     std::string_view path);

}  // namespace safesurvey::defs
