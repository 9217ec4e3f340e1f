#include <iostream>

#include "server/cli/command.hpp"

namespace safesurvey::cli {

int run_validate(std::span<const std::string>) {
    std::cerr << "safesurvey validate: not built yet\n";
    return 2;
}

}  // namespace safesurvey::cli
