#include "triage/assessment.hpp"

namespace safesurvey::triage {

nlohmann::json to_json(const RuleMatch& m) {
    return {{"rule", m.rule},
            {"category", m.category},
            {"severity", to_string(m.severity)},
            {"rule_severity", to_string(m.rule_severity)},
            {"start", m.start},
            {"end", m.end},
            {"text", m.text},
            {"context", m.context},
            {"experiencer", to_string(m.experiencer)},
            {"explanation", m.explanation}};
}

nlohmann::json to_json(const AnswerAssessment& a) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& m : a.matches) matches.push_back(to_json(m));
    return {{"question_id", a.question_id},
            {"flag", a.flag()},
            {"severity", to_string(a.severity)},
            {"categories", a.categories},
            {"matches", std::move(matches)}};
}

nlohmann::json Assessment::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& a : answers) list.push_back(triage::to_json(a));
    return {{"rules_version", rules_version},
            {"flag", flag()},
            {"severity", triage::to_string(severity)},
            {"categories", categories},
            {"answers", std::move(list)}};
}

}  // namespace safesurvey::triage
