#!/usr/bin/env bash
# The README's second command (and what CI runs): install what is missing,
# build once with AddressSanitizer + UndefinedBehaviorSanitizer, and run every
# test through CTest: unit, loopback-server, storage and server crash, ENOSPC
# and browser.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh --test
cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFESURVEY_SANITIZE=ON -DSAFESURVEY_BENCH=OFF >/dev/null
cmake --build build/ci
cd build/ci
# Sanitizer reports fail the run; leak checking is on for everything we own.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --output-on-failure --timeout 900 -j2
