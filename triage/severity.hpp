// How urgently a person must look at an answer. Reviewers see severity first,
// so the scale is small and ordered: none < low < medium < high < urgent.
#pragma once

#include <optional>
#include <string_view>

namespace safesurvey::triage {

enum class Severity { none = 0, low = 1, medium = 2, high = 3, urgent = 4 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

// One step down the scale, never below `floor`. Context modifiers use this:
// they may lower a flag but the caller decides whether they may clear it.
Severity lowered(Severity s, int steps, Severity floor = Severity::low);

}  // namespace safesurvey::triage
