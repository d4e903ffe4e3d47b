#!/usr/bin/env bash
# The hours and open commands as a user runs them: exit code and a line of
# output for each case. Usage: cli_test.sh PATH_TO_ngodesk
set -uo pipefail
ngodesk=$1
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
export NGODESK_DB="$workdir/ngodesk.db"

passed=0
failed=0
# expect EXIT_CODE EXPECTED_TEXT ARGS...: runs ngodesk with ARGS and checks both.
expect() {
  local code=$1 text=$2
  shift 2
  local output
  output=$("$ngodesk" "$@" 2>&1)
  local actual=$?
  if [[ $actual -eq $code && $output == *"$text"* ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL: ngodesk %s\n  expected exit %s and "%s"\n  got exit %s:\n%s\n' "$*" "$code" "$text" "$actual" "$output"
  fi
}

standard='Mo-Fr 08:30-17:00; PH off'
expect 0 'State: closed: public holiday: Spring Festival' --lang en hours --expr "$standard" --at 2026-02-17T10:00+08:00
expect 0 'Next change: 2026-02-24 08:30, open' --lang en hours --expr "$standard" --at 2026-02-17T10:00+08:00
expect 0 '状态：办公：调休上班日（春节）' --lang zh hours --expr "$standard" --at 2026-02-14T10:00+08:00
expect 0 '"code": "public_holiday"' --lang en hours --expr "$standard" --at 2026-10-05T02:00Z --json
expect 0 '"next_change": "2026-10-08T08:30:00+08:00"' --lang en hours --expr "$standard" --at 2026-10-05T02:00Z --json
expect 0 'State: closed: lunch break' --lang en hours --expr 'Mo-Fr 09:00-11:30,14:00-17:00; PH off' \
  --at 2026-03-10T12:30+08:00
expect 0 'Sat 2026-02-14  make-up working day (调休) for Spring Festival: 08:30-17:00 open' \
  --lang en hours --expr "$standard" --at 2026-02-12T10:00 --week
expect 0 'Tue 2026-02-17  closed all day: public holiday: Spring Festival' \
  --lang en hours --expr "$standard" --at 2026-02-12T10:00 --week
expect 0 'calendar not loaded' --lang en hours --expr "$standard" --at 2027-10-01T10:00+08:00
expect 2 "line 1:4: invalid opening_hours expression \"Mo-Fx\": unknown word 'Fx'" \
  --lang en hours --expr 'Mo-Fx' --at 2026-02-12T10:00
expect 2 '第 1:4 处' --lang zh hours --expr 'Mo-Fx' --at 2026-02-12T10:00
expect 2 'invalid instant "2026-02-12": expected ISO 8601' --lang en hours --expr "$standard" --at 2026-02-12
expect 2 'give either an office ID or --expr' --lang en hours
expect 3 'no office has the id "nowhere"' --lang en hours nowhere
expect 0 'Jiangsu' --lang en hours 江苏 --at 2026-03-03T10:00+08:00
expect 0 'Overseas NGO Management Office, Hebei' --lang en hours hebei --at 2026-07-15T14:15+08:00
expect 0 '"office": "tianjin"' --lang en hours tianjin --at 2026-03-13T16:30+08:00 --json
expect 0 'offices open' --lang en open --at 2026-03-10T10:00+08:00
expect 0 '"offices": [' --lang en open --at 2026-03-10T10:00+08:00 --json

echo "hours cli: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
