// Rule files are checked at start and every problem names its file and path.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "triage/engine.hpp"
#include "triage/rule_set.hpp"

using namespace safesurvey::triage;

namespace {
const char* kContext = R"({"schema_version": 1, "version": "t1", "kind": "context",
  "terminators": ["but"], "experiencer": {"respondent": ["i"], "particular_person": ["he"],
  "people_in_general": ["children"]},
  "triggers": [{"type": "negation", "direction": "before", "window": 5, "phrases": ["never"]}]})";

bool has_problem(const RuleSetLoad& load, std::string_view file, std::string_view path) {
    for (const auto& p : load.problems) {
        if (p.file == file && p.path == path) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("the shipped rules load without problems", "[triage][rules]") {
    const auto load = load_rule_set(SAFESURVEY_SOURCE_DIR "/triage/rules");
    for (const auto& p : load.problems) INFO(to_string(p));
    REQUIRE(load.problems.empty());
    const RuleSet& rules = *load.rules;
    for (const char* category :
         {"physical_abuse", "emotional_abuse", "sexual_abuse", "neglect", "domestic_abuse",
          "self_harm", "suicidal_ideation", "exploitation", "radicalisation", "honour_based_abuse",
          "trafficking", "child_on_child", "missing_child", "unsafe_home", "restrictive_practice",
          "respondent_at_risk"}) {
        CHECK(rules.categories.contains(category));
    }
    CHECK(rules.rules.size() > 40);
}

TEST_CASE("each problem is reported with file and JSON path", "[triage][rules]") {
    const char* bad = R"({"schema_version": 1, "version": "t1", "kind": "category",
      "category": "x", "title": "X", "rules": [
        {"id": "x.ok", "severity": "high", "explanation": "e", "terms": ["hit him"]},
        {"id": "x.bad", "severity": "severe", "explanation": "e", "terms": ["...", "@nope"],
         "near": {"terms": ["him"], "within": 99}, "colour": "red"}]})";
    const auto load = parse_rule_set({{"context.json", kContext}, {"x.json", bad}});
    CHECK_FALSE(load.rules);
    CHECK(has_problem(load, "x.json", "/rules/1/severity"));
    CHECK(has_problem(load, "x.json", "/rules/1/terms/0"));
    CHECK(has_problem(load, "x.json", "/rules/1/near/within"));
    CHECK(has_problem(load, "x.json", "/rules/1/colour"));
    bool unknown_set = false;
    for (const auto& p : load.problems) unknown_set |= p.message.find("@nope") != std::string::npos;
    CHECK(unknown_set);
}

TEST_CASE("broken JSON and mismatched versions are problems, not crashes", "[triage][rules]") {
    const auto load = parse_rule_set({{"context.json", kContext}, {"y.json", "{ not json"}});
    CHECK(has_problem(load, "y.json", "/"));
    const char* other = R"({"schema_version": 1, "version": "t2", "kind": "lexicon", "sets": {}})";
    CHECK(has_problem(parse_rule_set({{"context.json", kContext}, {"l.json", other}}), "l.json",
                      "/version"));
    CHECK_FALSE(load_engine("/nonexistent/rules").engine);
}

TEST_CASE("a rule set from data matches what it says", "[triage][rules]") {
    const char* cat = R"({"schema_version": 1, "version": "t1", "kind": "category",
      "category": "x", "title": "X", "rules": [
        {"id": "x.hit", "severity": "high", "explanation": "e", "terms": ["hit"],
         "near": {"terms": ["him"], "within": 2}}]})";
    const auto load = parse_rule_set({{"context.json", kContext}, {"x.json", cat}});
    REQUIRE(load.rules);
    const Engine e(*load.rules);
    CHECK(e.assess_text("they hit him").flag());
    CHECK_FALSE(e.assess_text("hit the road, then later we saw him").flag());  // too far apart
    CHECK_FALSE(e.assess_text("they never hit him").flag());
}

TEST_CASE("several near conditions must all hold", "[triage][rules]") {
    const char* cat = R"({"schema_version": 1, "version": "t1", "kind": "category",
      "category": "x", "title": "X", "rules": [
        {"id": "x.sextortion", "severity": "high", "explanation": "e", "terms": ["send"],
         "near": [{"terms": ["picture", "photo"], "within": 4},
                  {"terms": ["everyone", "unless"], "within": 10}]}]})";
    const auto load = parse_rule_set({{"context.json", kContext}, {"x.json", cat}});
    REQUIRE(load.rules);
    const Engine e(*load.rules);
    CHECK(e.assess_text("he will send the photo to everyone at school").flag());
    CHECK(e.assess_text("unless I pay he says he sends my pictures").flag());
    CHECK_FALSE(e.assess_text("I will send you a photo of his drawing").flag());  // one of two
    CHECK_FALSE(e.assess_text("send it to everyone").flag());
    const char* bad = R"({"schema_version": 1, "version": "t1", "kind": "category",
      "category": "x", "title": "X", "rules": [
        {"id": "x.b", "severity": "high", "explanation": "e", "terms": ["send"],
         "near": [{"terms": ["photo"], "within": 4}, "everyone"]}]})";
    CHECK(has_problem(parse_rule_set({{"context.json", kContext}, {"x.json", bad}}), "x.json",
                      "/rules/0/near/1"));
}

TEST_CASE("a word list line that is not one word is reported with its line", "[triage][rules]") {
    const auto dir = std::filesystem::temp_directory_path() / "safesurvey-words-test";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(SAFESURVEY_SOURCE_DIR "/triage/rules", dir);
    std::ofstream(dir / "extra.words") << "# comment\nfine\ntwo words\n";
    const auto load = load_rule_set(dir);
    REQUIRE_FALSE(load.rules);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].path == "line 3");
    CHECK(load.problems[0].message.find("two words") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("listed misspellings are read as the word meant, and bad entries are problems",
          "[triage][rules]") {
    const char* context = R"({"schema_version": 1, "version": "t1", "kind": "context",
      "terminators": ["but"], "experiencer": {"respondent": ["i"], "particular_person": ["he"],
      "people_in_general": ["children"]},
      "misspellings": {"dosnt": "doesnt", "wiv": "with", "frends": "friends", "u": "you"},
      "triggers": [{"type": "negation", "direction": "before", "window": 5, "phrases": ["never"]}]})";
    const char* cat = R"({"schema_version": 1, "version": "t1", "kind": "category",
      "category": "x", "title": "X", "rules": [
        {"id": "x.isolate", "severity": "medium", "explanation": "e",
         "terms": ["doesnt let her see"], "near": {"terms": ["friends"], "within": 4}},
        {"id": "x.text", "severity": "high", "explanation": "e", "terms": ["hate u"]}]})";
    const auto load = parse_rule_set({{"context.json", context}, {"x.json", cat}});
    REQUIRE(load.rules);
    const Engine e(*load.rules);
    const AnswerAssessment a = e.assess_text("he dosnt let her see her frends");
    REQUIRE(a.flag());
    CHECK(a.matches[0].context[0] == "spelling: 'dosnt' read as 'doesnt'");
    // A rule written with a listed misspelling ("hate u") is respelled the
    // same way as answers, so it finds both spellings.
    CHECK(e.assess_text("i hate u").flag());
    CHECK(e.assess_text("i hate you").flag());
    const char* bad = R"({"schema_version": 1, "version": "t1", "kind": "context",
      "terminators": ["but"], "experiencer": {"respondent": ["i"], "particular_person": ["he"],
      "people_in_general": ["children"]}, "misspellings": {"hitt": "hit", "wot": "what is"},
      "triggers": [{"type": "negation", "direction": "before", "window": 5, "phrases": ["never"]}]})";
    const auto broken = parse_rule_set({{"context.json", bad}, {"x.json", cat}});
    CHECK(has_problem(broken, "context.json", "/misspellings/hitt"));  // "hit" once squashed
    CHECK(has_problem(broken, "context.json", "/misspellings/wot"));   // two words
}
