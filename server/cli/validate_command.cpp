// `safesurvey validate FILE...`: checks survey definitions before they are
// deployed, printing every problem as "FILE: /json/path: message" so an
// editor or CI log points straight at it.
#include <iostream>

#include "server/cli/arguments.hpp"
#include "server/cli/command.hpp"
#include "survey_defs/loader.hpp"

namespace safesurvey::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: safesurvey validate FILE...\n"
    "\n"
    "Checks each survey definition file (JSON, see docs/survey-format.md) and\n"
    "prints every problem found as 'FILE: /json/path: message'.\n"
    "\n"
    "Exit status: 0 every file is valid, 1 some file has problems, 2 bad usage.\n";

// Prints one file's result; true when it is valid.
bool validate_file(const std::string& file) {
    const auto result = defs::load_survey_file(file);
    if (result.ok()) {
        const auto& survey = *result.survey;
        std::cout << file << ": OK (survey '" << survey.id << "' version " << survey.version << ", "
                  << survey.pages.size() << " pages)\n";
        return true;
    }
    for (const auto& problem : result.problems) {
        std::cout << file << ": " << (problem.path.empty() ? "/" : problem.path) << ": "
                  << problem.message << "\n";
    }
    return false;
}

}  // namespace

int run_validate(std::span<const std::string> args) {
    std::string error;
    const auto arguments = Arguments::parse(args, ArgumentSpec{{}, {"help"}}, error);
    if (!arguments) {
        std::cerr << "safesurvey validate: " << error << "\n" << kUsage;
        return 2;
    }
    if (arguments->has("help")) {
        std::cout << kUsage;
        return 0;
    }
    if (arguments->positional().empty()) {
        std::cerr << "safesurvey validate: name at least one definition file\n" << kUsage;
        return 2;
    }
    bool all_valid = true;
    for (const auto& file : arguments->positional()) {
        all_valid = validate_file(file) && all_valid;
    }
    return all_valid ? 0 : 1;
}

}  // namespace safesurvey::cli
