#!/usr/bin/env bash
# Runs `ngodesk where` as a user would: exit codes, JSON, batch and CSV.
# Usage: where_cli_test.sh PATH_TO_NGODESK
set -u
ngodesk=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect NAME EXIT_CODE PATTERN COMMAND...: the command exits with EXIT_CODE
# and its standard output and error together match the extended regular
# expression PATTERN.
expect() {
  local name=$1 code=$2 pattern=$3
  shift 3
  "$@" >"$work/out" 2>&1
  local actual=$?
  if [[ $actual != "$code" ]] || ! grep -Eq -- "$pattern" "$work/out"; then
    echo "FAIL $name: exit $actual (expected $code), output:"
    cat "$work/out"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

export NGODESK_DB="$work/db.sqlite"
expect "name gives office" 0 'jiangsu' "$ngodesk" --lang en where 苏州
expect "no place exits 3" 3 'No Chinese division' "$ngodesk" --lang en where Geneva
expect "empty query exits 2" 2 'error: missing QUERY' "$ngodesk" --lang en where ''
expect "punctuation exits 2" 2 'only punctuation' "$ngodesk" --lang en where '，。！'
expect "json ambiguous" 0 '"ambiguous":true' "$ngodesk" where --json 朝阳
expect "json office field" 0 '"office":\{"id":"liaoning"' "$ngodesk" where --json 朝阳
expect "activity rule" 0 '"id":"temporary-activity"' "$ngodesk" where --json --procedure activity 苏州
expect "unknown procedure exits 2" 2 'procedure' "$ngodesk" where --procedure visit 苏州
expect "csv needs batch" 2 'needs --batch' "$ngodesk" where --csv 地址 苏州
expect "chinese messages" 0 '机关' "$ngodesk" --lang zh where 苏州

printf '苏州\n廣州\n' >"$work/good.txt"
expect "batch all found" 0 '"line":2,' "$ngodesk" where --batch "$work/good.txt"
printf '苏州\n\nGeneva\n' >"$work/mixed.txt"
expect "batch bad line exits 2" 2 '"line":2,"query":"","error"' "$ngodesk" where --batch "$work/mixed.txt"
printf '苏州\nGeneva\n' >"$work/unmatched.txt"
expect "batch unmatched exits 3" 3 '"line":2,' "$ngodesk" where --batch "$work/unmatched.txt"
expect "batch from stdin" 0 '"line":1,' bash -c "\"$ngodesk\" where --batch <\"$work/good.txt\""
expect "batch missing file exits 1" 1 'cannot open the batch file' "$ngodesk" where --batch "$work/missing.txt"

printf '\xef\xbb\xbf名称,地址\nA,"江苏省苏州市姑苏区人民路100号"\nB,"Gusu District, Suzhou"\n' >"$work/in.csv"
expect "csv adds columns" 0 'A,江苏省苏州市姑苏区人民路100号,jiangsu,320000' "$ngodesk" where --batch "$work/in.csv" --csv 地址
expect "csv quotes fields" 0 'B,"Gusu District, Suzhou",jiangsu' "$ngodesk" where --batch "$work/in.csv" --csv 2
expect "csv unknown column exits 2" 2 'no column' "$ngodesk" where --batch "$work/in.csv" --csv 电话

# The CSV column and the JSON member carry the same rounded confidence.
for query in 苏州 朝阳 xiangfan 'Gusu District, Suzhou' 南京市鼓楼区; do
  printf 'id,query\nx,"%s"\n' "$query" >"$work/one.csv"
  csv=$("$ngodesk" where --batch "$work/one.csv" --csv 2 | tail -1 | awk -F, '{print $(NF-3)}')
  json=$("$ngodesk" where --json "$query" | grep -o '"confidence":[0-9.]*' | head -1 |
    awk -F: '{printf "%.2f", $2}')
  if [[ $csv == "$json" ]]; then
    echo "ok   csv confidence of $query"
  else
    echo "FAIL csv confidence of $query: $csv in CSV, $json in JSON"
    failures=$((failures + 1))
  fi
done

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
