#!/usr/bin/env bash
# Runs every benchmark program built in BUILD_DIR (default: build) and the
# side-by-side scripts in bench/, printing their reports. Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
for program in "$build_dir"/bench/*_bench; do
  [[ -x "$program" ]] || continue
  echo "== $program"
  "$program" --benchmark_min_time=0.5
done
for script in bench/*.sh; do
  [[ "$script" == bench/run.sh ]] && continue
  echo "== $script"
  "$script" "$build_dir"
done
