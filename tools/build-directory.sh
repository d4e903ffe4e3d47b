#!/usr/bin/env bash
# Regenerates the bundled directory data/offices.json from the entry lines of
# the published page (tests/fixtures/page-entries.txt) and the corrections in
# data/corrections.json, with the ngodesk binary.
#
# Usage: tools/build-directory.sh [--check] [OUTPUT]
#   OUTPUT   where to write (default: data/offices.json)
#   --check  write to a temporary file and compare it with data/offices.json;
#            exit 1 with a unified diff when they differ
# The binary is $NGODESK, else build/ngodesk.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ngodesk="${NGODESK:-$root/build/ngodesk}"
committed="$root/data/offices.json"

# The page these lines come from: its date line and its title.
page_date="2017-04-23"
page_title="Where Can My NGO Find Contact Information for Public Security NGO Offices to Register or Report a Temporary Activity?"

check=false
if [[ "${1:-}" == "--check" ]]; then
  check=true
  shift
fi
output="${1:-$committed}"

if [[ ! -x "$ngodesk" ]]; then
  echo "build-directory: ngodesk binary not found at $ngodesk; run 'make build' or set NGODESK" >&2
  exit 2
fi

if $check; then
  output="$(mktemp)"
  trap 'rm -f "$output"' EXIT
fi

"$ngodesk" --lang en import-page "$root/tests/fixtures/page-entries.txt" \
  --date "$page_date" --source-title "$page_title" \
  --corrections "$root/data/corrections.json" --json-out "$output"

if $check; then
  if ! diff -u "$committed" "$output"; then
    echo "build-directory: data/offices.json is out of date; run tools/build-directory.sh" >&2
    exit 1
  fi
  echo "build-directory: data/offices.json is up to date"
fi
