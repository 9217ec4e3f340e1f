// Reads context.json: terminators, clause openers, spelling exceptions,
// listed misspellings, experiencer words and the ConText triggers.
#pragma once

#include <nlohmann/json.hpp>

#include "triage/rule_file_checker.hpp"
#include "triage/rule_set.hpp"

namespace safesurvey::triage {

void read_context_file(RuleFileChecker& check, const nlohmann::json& doc, RuleSet& out);

}  // namespace safesurvey::triage
