// How long a survey's responses are kept. The definition states the rule;
// storage applies it. For the SEND surveys the clock starts at a date nobody
// knows when the survey opens (the national report's publication, recorded
// later by an admin), so the rule names its starting event instead of a date.
//
//   "retention": {"starts": "national_report_published", "years": 3}
#pragma once

#include <string_view>

namespace safesurvey::defs {

struct RetentionRule {
    enum class Start {
        national_report_published,  // "national_report_published"
        response_submitted,         // "response_submitted"
    };

    Start starts = Start::national_report_published;
    int years = 3;
};

// The JSON name of a start event.
std::string_view to_string(RetentionRule::Start start);

}  // namespace safesurvey::defs
