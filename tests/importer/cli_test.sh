#!/usr/bin/env bash
# The import-page, check and phone commands as a user runs them, on a
# temporary database. Usage: cli_test.sh PATH_TO_NGODESK (from the source tree).
set -uo pipefail

ngodesk="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/ngodesk.db"
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect_exit() {
  local expected="$1" name="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local actual=$?
  [[ "$actual" == "$expected" ]] || fail "$name: exit $actual, expected $expected; stderr: $(cat "$work/err")"
}

expect_output() {
  local name="$1" pattern="$2" file="$3"
  grep -qF -- "$pattern" "$file" || fail "$name: no \"$pattern\" in output: $(cat "$file")"
}

fixture=tests/fixtures/page-entries.txt

# Import prints a summary and the page's warnings.
expect_exit 0 import "$ngodesk" --lang en import-page "$fixture" --date 2017-04-23 --db "$db"
expect_output import "Imported 33 offices" "$work/out"
expect_output import "41 phone numbers (15 confirmed), 1 fax" "$work/out"
expect_output import "page-entries.txt:61: jiangsu phones[1].text" "$work/out"
expect_output import "qinghai addresses[0].zh" "$work/out"
expect_output import "hubei addresses[0].en" "$work/out"
expect_output import "tianjin addresses[0].en" "$work/out"
"$ngodesk" export --format json --db "$db" >"$work/first.json"

# Importing again changes nothing.
expect_exit 0 reimport "$ngodesk" import-page "$fixture" --date 2017-04-23 --db "$db"
"$ngodesk" export --format json --db "$db" >"$work/second.json"
cmp -s "$work/first.json" "$work/second.json" || fail "reimport: export differs after a second import"

# A malformed page lists every problem with file:line:column, exits 2 and stores nothing.
# Line 9 becomes a stray paragraph between two entries, which moves Beijing's
# telephone to line 12; the misspelt label after the last entry is line 120.
awk 'NR == 9 { print "Lost line"; print "" } { print }' "$fixture" >"$work/bad.txt"
printf '\nAdress: Hefei city (合肥市)\n' >>"$work/bad.txt"
sed -i 's/^Telephone: 010-62638800\*$/Telephone: 62638800*/' "$work/bad.txt"
expect_exit 2 malformed "$ngodesk" --lang en import-page "$work/bad.txt" --date 2017-04-23 --db "$db"
expect_output malformed "bad.txt:9:1: unrecognised line" "$work/err"
expect_output malformed "bad.txt:12:12:" "$work/err"
expect_output malformed "bad.txt:120:1: unknown field label" "$work/err"
expect_output malformed "3 problem(s)" "$work/err"
"$ngodesk" export --format json --db "$db" >"$work/third.json"
cmp -s "$work/first.json" "$work/third.json" || fail "malformed: the database changed"

# A missing file is an I/O failure.
expect_exit 1 missing "$ngodesk" import-page "$work/none.txt" --db "$db"

# check over the stored offices.
expect_exit 0 check "$ngodesk" --lang en check --db "$db"
expect_output check "Checked 33 offices: 8 warning(s)." "$work/out"
expect_exit 1 check-strict "$ngodesk" check --fail-on-warning --db "$db"
expect_exit 0 check-chinese "$ngodesk" --lang zh check --db "$db"
expect_output check-chinese "已检查 33 个机关" "$work/out"

# phone
expect_exit 0 phone "$ngodesk" phone "010-12345678-1234" --json
expect_output phone '"e164": "+861012345678"' "$work/out"
expect_output phone '"extension": "1234"' "$work/out"
expect_exit 2 phone-local "$ngodesk" phone 84661234 --json
expect_output phone-local '"e164": null' "$work/out"
expect_output phone-local '"error":' "$work/out"
expect_exit 0 phone-area "$ngodesk" phone 84661234 --area-code 025 --json
expect_output phone-area '"area_code_completed": true' "$work/out"
expect_exit 2 phone-text "$ngodesk" --lang zh phone 84661234
expect_output phone-text "不带区号" "$work/err"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "importer CLI: all checks passed"
