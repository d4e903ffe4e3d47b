#!/usr/bin/env bash
# Installs the npm packages that the tests use (pinned by package-lock.json).
# Skips the install when node_modules already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")"
[[ -f package.json ]] || exit 0
stamp=node_modules/.package-lock.json
if [[ -f "$stamp" && "$stamp" -nt package-lock.json ]]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
