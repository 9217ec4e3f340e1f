// A subcommand of the `safesurvey` binary. Each area owns the file that
// implements its commands (validate_command.cpp, triage_command.cpp, ...);
// main.cpp only lists them.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace safesurvey::cli {

struct Command {
    std::string_view name;
    std::string_view summary;
    // args excludes the program and the command name. Returns the exit code:
    // 0 success, 1 the work found problems, 2 bad usage or configuration.
    int (*run)(std::span<const std::string> args);
};

int run_serve(std::span<const std::string> args);         // serve_command.cpp
int run_validate(std::span<const std::string> args);      // validate_command.cpp
int run_triage(std::span<const std::string> args);        // triage_command.cpp
int run_keys(std::span<const std::string> args);          // storage_commands.cpp
int run_purge(std::span<const std::string> args);         // storage_commands.cpp
int run_backup(std::span<const std::string> args);        // storage_commands.cpp
int run_survey(std::span<const std::string> args);        // storage_commands.cpp
int run_distribution(std::span<const std::string> args);  // distribution_command.cpp

}  // namespace safesurvey::cli
