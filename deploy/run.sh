#!/usr/bin/env bash
# The README's first command: install what is missing, build, and start the
# service on its embedded default (SQLite under ./var/, the real survey
# published on a local link that it prints). Extra arguments go to `serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAFESURVEY_TESTS=OFF -DSAFESURVEY_BENCH=OFF >/dev/null
cmake --build build/release --target safesurvey
exec build/release/server/safesurvey serve --data-dir ./var --demo "$@"
