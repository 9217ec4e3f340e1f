// Measuring the triage against labelled answers (the format of
// /work/shared/triage/dev.jsonl: id, perspective, question, text, concern,
// category, severity). Recall comes first: a miss can cost a child.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "triage/assessment.hpp"
#include "triage/engine.hpp"

namespace safesurvey::triage {

struct LabelledAnswer {
    std::string id;
    std::string perspective;
    std::string question;
    std::string text;
    bool concern = false;
    std::string category;
    Severity severity = Severity::none;
};

struct LabelledRead {
    std::vector<LabelledAnswer> answers;
    std::vector<std::string> problems;  // "line 7: ..." for lines that could not be read
};
LabelledRead read_labelled(std::istream& in);

struct EvalCase {
    LabelledAnswer label;
    AnswerAssessment result;
};

struct Tally {
    int cases = 0;
    int flagged = 0;
    double recall() const { return cases ? static_cast<double>(flagged) / cases : 1.0; }
};

struct EvalReport {
    int answers = 0, true_positives = 0, false_positives = 0, false_negatives = 0;
    int serious_cases = 0, serious_flagged_high = 0;  // labelled urgent or high
    std::map<std::string, Tally> by_category;
    std::map<Severity, Tally> by_severity;
    std::vector<EvalCase> misses;
    std::vector<EvalCase> false_alarms;

    double recall() const;
    double precision() const;
    double f2() const;
    double flags_per_thousand() const;
};

EvalReport evaluate(const Engine& engine, const std::vector<LabelledAnswer>& answers);

// `list_cases` false prints figures only (for a held-out set nobody may read).
void print_report(const EvalReport& report, std::ostream& out, bool list_cases);

}  // namespace safesurvey::triage
