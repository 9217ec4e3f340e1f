// The options a yes/no question and an agreement scale always have, so every
// survey asks them the same way and analysts can compare answers.
#pragma once

#include <string>
#include <vector>

#include "survey_defs/question.hpp"

namespace safesurvey::defs {

// Option ids "yes", "no".
std::vector<Option> yes_no_options(const std::string& default_language);
// Option ids "strongly_agree", "agree", "neither", "disagree", "strongly_disagree".
std::vector<Option> agreement_options(const std::string& default_language);

}  // namespace safesurvey::defs
