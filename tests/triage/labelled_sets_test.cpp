// The committed labelled sets (tests/fixtures/triage/*.jsonl, each written by
// an author who never saw the rules) must keep what the rules achieve on
// them: a rule change that loses a disclosure class, or floods reviewers,
// fails here before it reaches a respondent. Floors sit a little below the
// figures in docs/triage.md so a single honest trade-off can still land.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "triage/engine.hpp"
#include "triage/evaluation.hpp"

using namespace safesurvey::triage;

namespace {

const Engine& engine() {
    static const Engine e = [] {
        auto load = load_engine(SAFESURVEY_SOURCE_DIR "/triage/rules");
        for (const auto& p : load.problems) FAIL(to_string(p));
        return std::move(*load.engine);
    }();
    return e;
}

std::vector<std::filesystem::path> labelled_sets() {
    std::vector<std::filesystem::path> sets;
    for (const auto& entry :
         std::filesystem::directory_iterator(SAFESURVEY_SOURCE_DIR "/tests/fixtures/triage")) {
        if (entry.path().extension() == ".jsonl") sets.push_back(entry.path());
    }
    std::sort(sets.begin(), sets.end());
    return sets;
}

}  // namespace

TEST_CASE("every labelled set keeps recall first and false alarms bounded", "[triage][quality]") {
    const auto sets = labelled_sets();
    REQUIRE_FALSE(sets.empty());
    for (const auto& path : sets) {
        std::ifstream in(path);
        const LabelledRead read = read_labelled(in);
        INFO(path.filename().string());
        REQUIRE(read.problems.empty());
        REQUIRE(read.answers.size() >= 100);
        const EvalReport report = evaluate(engine(), read.answers);
        CHECK(report.recall() >= 0.95);
        CHECK(report.precision() >= 0.80);
        // Urgent and high cases must reach reviewers at high or above.
        CHECK(report.serious_flagged_high >= report.serious_cases * 9 / 10);
    }
}
