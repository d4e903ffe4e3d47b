#!/usr/bin/env bash
# Side by side: ngodesk's resolver against the npm package address-parse,
# on the same address files (the published office list's Chinese addresses
# and a full address for every county-level division), throughput on one
# core and accuracy on the resolver's case files.
# Usage: bench/resolver-vs-address-parse.sh [BUILD_DIR]   (default: build)
# Needs: cmake --build BUILD_DIR --target resolver_throughput resolver_bench_corpus
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ ! -d bench/js/node_modules/address-parse ]]; then
  (cd bench/js && npm ci --no-audit --no-fund --loglevel=error)
fi

# The Chinese side of every "Address:" line of the published list: the text
# in the outermost brackets that contains Han characters.
page=../shared/seed/ngo-offices-2017-04-23.txt
if [[ -f "$page" ]]; then
  grep '^Address: ' "$page" | sed -E 's/^[^（(]*[（(]//; s/[)）]$//' >"$work/page-addresses.txt"
fi
"$build_dir/bench/resolver_bench_corpus" >"$work/county-addresses.txt"

cases=(tests/resolver/cases.jsonl)
[[ -f ../shared/cases/hard-cases.jsonl ]] && cases+=(../shared/cases/hard-cases.jsonl)
: >"$work/case-inputs.txt"
for file in "${cases[@]}"; do
  node -e 'for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) if (l.trim()) console.log(JSON.parse(l).input)' "$file" >>"$work/case-inputs.txt"
done
"$build_dir/bench/resolver_throughput" --json "$work/case-inputs.txt" >"$work/ngodesk.jsonl"

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
address_files=()
for file in "$work/page-addresses.txt" "$work/county-addresses.txt"; do
  [[ -f "$file" ]] || continue
  address_files+=(--addresses "$file")
  echo "ngodesk resolver on $(basename "$file"): $("${pin[@]}" "$build_dir/bench/resolver_throughput" "$file")"
done
case_arguments=()
for file in "${cases[@]}"; do case_arguments+=(--cases "$file"); done
echo "address-parse:"
"${pin[@]}" node bench/js/compare-address-parse.mjs --divisions data/divisions.tsv "${address_files[@]}" \
  "${case_arguments[@]}" --ngodesk-json "$work/ngodesk.jsonl" | sed "s|$work/||g"
