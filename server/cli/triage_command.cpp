// `safesurvey triage`: the rule maintainers' tools.
//   safesurvey triage [--rules DIR]                 JSON Lines in, one verdict line out per input
//   safesurvey triage eval [--rules DIR] [--summary] LABELLED.jsonl
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "server/cli/arguments.hpp"
#include "server/cli/command.hpp"
#include "triage/engine.hpp"
#include "triage/evaluation.hpp"

namespace safesurvey::cli {

namespace {

constexpr const char* kUsage =
    "usage: safesurvey triage [--rules DIR]\n"
    "         reads JSON Lines {\"id\": ..., \"text\": ...} on stdin and writes one\n"
    "         verdict line per input, in order\n"
    "       safesurvey triage eval [--rules DIR] [--summary] LABELLED.jsonl\n"
    "         prints recall, precision, F2, recall per category and severity, and\n"
    "         every miss and false alarm (--summary: figures only)\n"
    "DIR defaults to the source tree's triage/rules.\n";

nlohmann::json verdict(const nlohmann::json& id, const triage::AnswerAssessment& a) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& m : a.matches) matches.push_back(triage::to_json(m));
    return {{"id", id},
            {"flag", a.flag()},
            {"severity", triage::to_string(a.severity)},
            {"categories", a.categories},
            {"matches", std::move(matches)}};
}

// One input line to one output line; a bad line gets an error naming its id
// (or line number) and the run goes on.
nlohmann::json triage_line(const triage::Engine& engine, const std::string& line, int number) {
    const auto input = nlohmann::json::parse(line, nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
        return {{"id", number},
                {"error", "line " + std::to_string(number) + " is not a JSON object"}};
    }
    const nlohmann::json id = input.contains("id") ? input["id"] : nlohmann::json(number);
    if (!input.contains("text") || !input["text"].is_string()) {
        return {{"id", id},
                {"error", "line " + std::to_string(number) + " has no \"text\" string"}};
    }
    return verdict(id, engine.assess_text(input["text"].get<std::string>()));
}

int run_stream(const triage::Engine& engine) {
    std::string line;
    int errors = 0;
    for (int number = 1; std::getline(std::cin, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const nlohmann::json out = triage_line(engine, line, number);
        errors += out.contains("error");
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    std::cout.flush();
    return errors ? 1 : 0;
}

int run_eval(const triage::Engine& engine, const std::string& path, bool summary) {
    std::ifstream in(path);
    if (!in) {
        std::cerr << "safesurvey triage eval: cannot read " << path << "\n";
        return 2;
    }
    const triage::LabelledRead read = triage::read_labelled(in);
    for (const auto& p : read.problems) std::cerr << path << " " << p << "\n";
    const triage::EvalReport report = triage::evaluate(engine, read.answers);
    triage::print_report(report, std::cout, !summary);
    return read.problems.empty() ? 0 : 1;
}

}  // namespace

int run_triage(std::span<const std::string> args) {
    std::string error;
    const auto parsed = Arguments::parse(args, {{"rules"}, {"help", "summary"}}, error);
    if (!parsed) {
        std::cerr << "safesurvey triage: " << error << "\n" << kUsage;
        return 2;
    }
    if (parsed->has("help")) {
        std::cout << kUsage;
        return 0;
    }
    const auto& words = parsed->positional();
    const bool eval = !words.empty() && words[0] == "eval";
    if ((eval && words.size() != 2) || (!eval && !words.empty())) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string dir = parsed->value("rules").value_or(SAFESURVEY_SOURCE_DIR "/triage/rules");
    auto load = triage::load_engine(dir);
    if (!load.engine) {
        for (const auto& p : load.problems)
            std::cerr << "safesurvey triage: " << to_string(p) << "\n";
        return 2;
    }
    return eval ? run_eval(*load.engine, words[1], parsed->has("summary"))
                : run_stream(*load.engine);
}

}  // namespace safesurvey::cli
