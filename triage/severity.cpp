#include "triage/severity.hpp"

#include <algorithm>
#include <array>

namespace safesurvey::triage {

namespace {
constexpr std::array<std::string_view, 5> kNames{"none", "low", "medium", "high", "urgent"};
}

std::string_view to_string(Severity s) {
    return kNames[static_cast<int>(s)];
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == text) return static_cast<Severity>(i);
    }
    return std::nullopt;
}

Severity lowered(Severity s, int steps, Severity floor) {
    if (s == Severity::none) return s;
    const int value = std::max(static_cast<int>(s) - steps, static_cast<int>(floor));
    return static_cast<Severity>(std::min(value, static_cast<int>(s)));
}

}  // namespace safesurvey::triage
