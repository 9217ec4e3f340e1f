// Reads the pages of a definition, their questions, options and "please
// specify" follow-ups. Checks everything that can be checked one question at
// a time; what needs the whole survey (duplicate ids, what conditions refer
// to, reachability) is in survey_defs/reference_checks.hpp.
#pragma once

#include <string_view>
#include <vector>

#include "survey_defs/definition_reader.hpp"
#include "survey_defs/page.hpp"

namespace safesurvey::defs {

std::vector<Page> parse_pages(DefinitionReader& reader, const Json& survey, std::string_view path);

}  // namespace safesurvey::defs
