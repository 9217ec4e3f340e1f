// A respondent's answers so far, shared by routing, the server, storage and
// the triage: question id (or follow-up id) -> the values given.
//
// Choice questions hold option ids (one for radios, any number for
// checkboxes); text, number and date questions hold one string (dates as
// ISO 8601 "YYYY-MM-DD"). A question with no answer has no entry: an entry
// with an empty vector means the same and routing treats it so.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace safesurvey::defs {

using Answers = std::map<std::string, std::vector<std::string>, std::less<>>;

}  // namespace safesurvey::defs
