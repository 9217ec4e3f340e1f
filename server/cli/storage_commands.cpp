#include <iostream>

#include "server/cli/command.hpp"

namespace safesurvey::cli {

static int not_built(const char* name) {
    std::cerr << "safesurvey " << name << ": not built yet\n";
    return 2;
}
int run_keys(std::span<const std::string>) { return not_built("keys"); }
int run_purge(std::span<const std::string>) { return not_built("purge"); }
int run_backup(std::span<const std::string>) { return not_built("backup"); }
int run_survey(std::span<const std::string>) { return not_built("survey"); }

}  // namespace safesurvey::cli
