// What the triage decided about a response, and why: per answer and for the
// whole response. Reviewers see severity first, then each match with the
// words it matched (byte offsets into the original answer) and the context
// decisions that raised doubts about it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "triage/rule_set.hpp"
#include "triage/severity.hpp"

namespace safesurvey::triage {

// One answer as the survey recorded it: free text, or chosen option values.
struct Answer {
    std::string question_id;
    std::string text;
    std::vector<std::string> chosen;
};

struct RuleMatch {
    std::string rule;
    std::string category;
    std::string explanation;
    Severity rule_severity = Severity::low;  // as written in the rule
    Severity severity = Severity::low;       // after context; none = cleared
    std::uint32_t start = 0;                 // byte offsets into the original answer text
    std::uint32_t end = 0;
    std::string text;                  // original_text[start, end)
    std::vector<std::string> context;  // e.g. "negation: 'never'", "spelling: 'sucide'"
    Experiencer experiencer = Experiencer::unknown;
};

struct AnswerAssessment {
    std::string question_id;
    Severity severity = Severity::none;
    std::vector<std::string> categories;  // of matches that still count, sorted
    std::vector<RuleMatch> matches;       // including cleared ones, in text order
    bool flag() const { return severity != Severity::none; }
};

struct Assessment {
    std::string rules_version;
    Severity severity = Severity::none;
    std::vector<std::string> categories;
    std::vector<AnswerAssessment> answers;  // one per assessed answer, in order
    bool flag() const { return severity != Severity::none; }
    nlohmann::json to_json() const;
};

nlohmann::json to_json(const RuleMatch& m);
nlohmann::json to_json(const AnswerAssessment& a);

}  // namespace safesurvey::triage
