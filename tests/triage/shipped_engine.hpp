// The engine with the rules the product ships (triage/rules), loaded once per
// test binary: tests assert what reviewers would see with those rules.
#pragma once

#include <catch2/catch.hpp>

#include "triage/engine.hpp"

namespace safesurvey::triage::testing {

inline const Engine& shipped_engine() {
    static const Engine e = [] {
        auto load = load_engine(SAFESURVEY_SOURCE_DIR "/triage/rules");
        for (const auto& p : load.problems) FAIL(to_string(p));
        return std::move(*load.engine);
    }();
    return e;
}

}  // namespace safesurvey::triage::testing
