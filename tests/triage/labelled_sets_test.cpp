// The committed labelled sets (tests/fixtures/triage/*.jsonl, each written by
// an author who never saw the rules) must keep what the rules achieve on
// them: a rule change that loses a disclosure class, or floods reviewers,
// fails here before it reaches a respondent. Each set's floors are in
// tests/fixtures/triage/floors.json, a little below the measured figures.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "shipped_engine.hpp"
#include "triage/engine.hpp"
#include "triage/evaluation.hpp"

using namespace safesurvey::triage;

namespace {

const std::filesystem::path kSets = SAFESURVEY_SOURCE_DIR "/tests/fixtures/triage";

const Engine& engine() {
    return testing::shipped_engine();
}

std::vector<std::filesystem::path> labelled_sets() {
    std::vector<std::filesystem::path> sets;
    for (const auto& entry : std::filesystem::directory_iterator(kSets)) {
        if (entry.path().extension() == ".jsonl") sets.push_back(entry.path());
    }
    std::sort(sets.begin(), sets.end());
    return sets;
}

EvalReport evaluate_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    const LabelledRead read = read_labelled(in);
    REQUIRE(read.problems.empty());
    REQUIRE(read.answers.size() >= 100);
    return evaluate(engine(), read.answers);
}

}  // namespace

TEST_CASE("every labelled set keeps recall first and false alarms bounded", "[triage][quality]") {
    const auto floors = nlohmann::json::parse(std::ifstream(kSets / "floors.json"));
    const auto sets = labelled_sets();
    REQUIRE(sets.size() >= 4);
    for (const auto& path : sets) {
        const std::string name = path.filename().string();
        INFO(name);
        REQUIRE(floors.contains(name));
        const auto& floor = floors.at(name);
        const EvalReport report = evaluate_file(path);
        CHECK(report.recall() >= floor.at("recall").get<double>());
        CHECK(report.precision() >= floor.at("precision").get<double>());
        // Urgent and high cases must reach reviewers at high or above.
        CHECK(static_cast<double>(report.serious_flagged_high) >=
              floor.at("serious_high").get<double>() * report.serious_cases);
    }
}
