#include "triage/evaluation.hpp"

#include <iomanip>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

namespace safesurvey::triage {

namespace {

std::string fixed(double value) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << value;
    return s.str();
}

std::optional<LabelledAnswer> parse_labelled(const std::string& line, std::string& error) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not a JSON object";
        return std::nullopt;
    }
    if (!j.contains("text") || !j["text"].is_string() || !j.contains("concern") ||
        !j["concern"].is_boolean()) {
        error = "needs \"text\" (string) and \"concern\" (true or false)";
        return std::nullopt;
    }
    LabelledAnswer a;
    a.id =
        j.contains("id") ? (j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump()) : "";
    a.perspective = j.value("perspective", "");
    a.question = j.value("question", "");
    a.text = j["text"].get<std::string>();
    a.concern = j["concern"].get<bool>();
    a.category = j.value("category", a.concern ? "unspecified" : "none");
    const auto severity = parse_severity(j.value("severity", a.concern ? "low" : "none"));
    if (!severity) {
        error = "\"severity\" must be none, low, medium, high or urgent";
        return std::nullopt;
    }
    a.severity = *severity;
    return a;
}

void print_case(const EvalCase& c, std::ostream& out) {
    out << "  " << c.label.id << " [" << c.label.category << "/" << to_string(c.label.severity)
        << " -> " << to_string(c.result.severity) << "] " << c.label.text << "\n";
    for (const RuleMatch& m : c.result.matches) {
        out << "      " << m.rule << " (" << to_string(m.severity) << ") '" << m.text << "'";
        for (const auto& note : m.context) out << " {" << note << "}";
        out << "\n";
    }
}

}  // namespace

LabelledRead read_labelled(std::istream& in) {
    LabelledRead read;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string error;
        if (auto a = parse_labelled(line, error)) {
            read.answers.push_back(std::move(*a));
        } else {
            read.problems.push_back("line " + std::to_string(number) + ": " + error);
        }
    }
    return read;
}

double EvalReport::recall() const {
    const int positives = true_positives + false_negatives;
    return positives ? static_cast<double>(true_positives) / positives : 1.0;
}
double EvalReport::precision() const {
    const int flagged = true_positives + false_positives;
    return flagged ? static_cast<double>(true_positives) / flagged : 1.0;
}
double EvalReport::f2() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 5 * p * r / (4 * p + r) : 0.0;
}
double EvalReport::flags_per_thousand() const {
    return answers ? 1000.0 * (true_positives + false_positives) / answers : 0.0;
}

EvalReport evaluate(const Engine& engine, const std::vector<LabelledAnswer>& answers) {
    EvalReport report;
    for (const LabelledAnswer& a : answers) {
        EvalCase c{a, engine.assess_text(a.text, a.id)};
        const bool flagged = c.result.flag();
        ++report.answers;
        if (a.concern) {
            Tally& cat = report.by_category[a.category];
            Tally& sev = report.by_severity[a.severity];
            ++cat.cases, ++sev.cases;
            cat.flagged += flagged, sev.flagged += flagged;
            if (a.severity >= Severity::high) {
                ++report.serious_cases;
                report.serious_flagged_high += c.result.severity >= Severity::high;
            }
            if (flagged) {
                ++report.true_positives;
            } else {
                ++report.false_negatives;
                report.misses.push_back(std::move(c));
            }
        } else if (flagged) {
            ++report.false_positives;
            report.false_alarms.push_back(std::move(c));
        }
    }
    return report;
}

void print_report(const EvalReport& r, std::ostream& out, bool list_cases) {
    out << "answers " << r.answers << ", concerns " << r.true_positives + r.false_negatives
        << ", flagged " << r.true_positives + r.false_positives << "\n";
    out << "recall " << fixed(r.recall()) << "  precision " << fixed(r.precision()) << "  F2 "
        << fixed(r.f2()) << "\n";
    out << "urgent/high cases flagged high or above: " << r.serious_flagged_high << "/"
        << r.serious_cases << " ("
        << fixed(r.serious_cases ? static_cast<double>(r.serious_flagged_high) / r.serious_cases
                                 : 1.0)
        << ")\n";
    out << "flags per 1,000 answers: " << std::fixed << std::setprecision(1)
        << r.flags_per_thousand() << "\n";
    out << "recall by category:\n";
    for (const auto& [category, t] : r.by_category) {
        out << "  " << std::left << std::setw(22) << category << fixed(t.recall()) << "  ("
            << t.flagged << "/" << t.cases << ")\n";
    }
    out << "recall by severity:\n";
    for (const auto& [severity, t] : r.by_severity) {
        out << "  " << std::left << std::setw(22) << to_string(severity) << fixed(t.recall())
            << "  (" << t.flagged << "/" << t.cases << ")\n";
    }
    if (!list_cases) {
        out << "(" << r.misses.size() << " misses and " << r.false_alarms.size()
            << " false alarms not listed: --summary)\n";
        return;
    }
    out << "misses (" << r.misses.size() << "):\n";
    for (const auto& c : r.misses) print_case(c, out);
    out << "false alarms (" << r.false_alarms.size() << "):\n";
    for (const auto& c : r.false_alarms) print_case(c, out);
}

}  // namespace safesurvey::triage
