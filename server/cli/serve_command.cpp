#include <iostream>

#include "server/cli/command.hpp"

namespace safesurvey::cli {

int run_serve(std::span<const std::string>) {
    std::cerr << "safesurvey serve: not built yet\n";
    return 2;
}

}  // namespace safesurvey::cli
