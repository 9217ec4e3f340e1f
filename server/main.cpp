// safesurvey: one binary, many subcommands. `safesurvey serve` runs the web
// service; the others administer data, surveys and the triage rules.
#include <array>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "server/cli/command.hpp"

namespace {

using safesurvey::cli::Command;

constexpr std::array kCommands{
    Command{"serve", "run the web service", safesurvey::cli::run_serve},
    Command{"validate", "check survey definition files", safesurvey::cli::run_validate},
    Command{"triage", "run or evaluate the safeguarding triage rules", safesurvey::cli::run_triage},
    Command{"distribution", "add, list or close a survey's local-area links",
            safesurvey::cli::run_distribution},
    Command{"survey", "record facts about a survey (set-report-date)", safesurvey::cli::run_survey},
    Command{"purge", "delete responses whose retention has ended", safesurvey::cli::run_purge},
    Command{"backup", "write a consistent copy of the database", safesurvey::cli::run_backup},
    Command{"keys", "manage the key-encryption key (rotate)", safesurvey::cli::run_keys},
};

void print_usage(std::ostream& out) {
    out << "usage: safesurvey COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& c : kCommands) {
        out << "  " << c.name << std::string(14 - c.name.size(), ' ') << c.summary << "\n";
    }
    out << "\n'safesurvey COMMAND --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return 0;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : kCommands) {
        if (c.name != name) continue;
        try {
            return c.run(args);
        } catch (const std::exception& e) {
            // The edge: anything truly exceptional ends here with a message.
            std::cerr << "safesurvey " << name << ": " << e.what() << "\n";
            return 70;
        }
    }
    std::cerr << "safesurvey: unknown command '" << name << "'\n";
    print_usage(std::cerr);
    return 2;
}
