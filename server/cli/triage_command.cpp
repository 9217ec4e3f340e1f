#include <iostream>

#include "server/cli/command.hpp"

namespace safesurvey::cli {

int run_triage(std::span<const std::string>) {
    std::cerr << "safesurvey triage: not built yet\n";
    return 2;
}

}  // namespace safesurvey::cli
