#include <iostream>

#include "server/cli/command.hpp"

namespace safesurvey::cli {

int run_distribution(std::span<const std::string>) {
    std::cerr << "safesurvey distribution: not built yet\n";
    return 2;
}

}  // namespace safesurvey::cli
