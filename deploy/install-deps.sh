#!/usr/bin/env bash
# Installs what safesurvey needs on Debian 12 and is missing, then the npm
# packages pinned by package-lock.json. Safe to run again: it only asks apt
# for packages that are not installed, and runs `npm ci` only when the lock
# file changed since the last install.
#
#   deploy/install-deps.sh           what building and running need
#   deploy/install-deps.sh --test    also what the tests need (Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config ninja-build libboost1.81-dev libsqlite3-dev
          nlohmann-json3-dev libsodium-dev libicu-dev catch2 nodejs npm ca-certificates)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(chromium sqlite3 util-linux)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        # npm may come with nodejs from elsewhere; do not fight it.
        if [[ "$p" == npm || "$p" == nodejs ]] && command -v "${p/nodejs/node}" >/dev/null; then
            continue
        fi
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.safesurvey-lock
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
    echo "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
fi
