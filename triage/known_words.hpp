// Word lists of real English words (`*.words` in the rules directory, one
// lower-case word per line, '#' starts a comment). The speller never reads a
// real word as a misspelling of a rule word: one edit turns "walked",
// "amusing" and "context" into words no one wrote.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "triage/rule_set.hpp"

namespace safesurvey::triage {

// Reads every *.words file in `dir`, sorted by name. A line that is not one
// word of letters is a problem naming the file and line.
std::vector<std::string> read_known_words(const std::filesystem::path& dir,
                                          std::vector<RuleProblem>& problems);

}  // namespace safesurvey::triage
