// The safeguarding triage. Load the rules once at start; the engine is then
// immutable and safe to share between threads (assess() is const and keeps
// no state between calls).
//
//   auto load = safesurvey::triage::load_engine("triage/rules");
//   if (!load.engine) { for (auto& p : load.problems) log(to_string(p)); exit(2); }
//   Assessment a = load.engine->assess(answers);   // a.flag(), a.severity, a.to_json()
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "triage/assessment.hpp"
#include "triage/rule_set.hpp"

namespace safesurvey::triage {

struct CompiledRules;

class Engine {
  public:
    explicit Engine(RuleSet rules);

    // Free-text answers are read; closed answers fire closed-answer rules
    // keyed by question id and option value. Answers with neither are skipped.
    Assessment assess(std::span<const Answer> answers) const;

    // One free-text answer on its own (the command line and the bench use it).
    AnswerAssessment assess_text(std::string_view text, std::string question_id = {}) const;

    const RuleSet& rules() const;
    std::size_t phrase_count() const;

  private:
    std::shared_ptr<const CompiledRules> compiled_;
};

struct EngineLoad {
    std::optional<Engine> engine;  // set only when there were no problems
    std::vector<RuleProblem> problems;
};

// Loads, checks and compiles every rule file in `dir`.
EngineLoad load_engine(const std::filesystem::path& dir);

}  // namespace safesurvey::triage
