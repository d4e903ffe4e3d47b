#!/usr/bin/env bash
# Time from process start to the first answered GET /api/v1/health of
# `ngodesk serve`, polled every millisecond on loopback. Not part of ctest.
#   usage: bench/server-startup.sh [BINARY] [RUNS]
set -euo pipefail

binary="${1:-build/ngodesk}"
runs="${2:-5}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

# Seed the database once so every run measures a warm start on an existing
# file; the first-ever run also creates and fills the database.
for ((run = 0; run <= runs; run++)); do
  start_ns="$(date +%s%N)"
  "$binary" --db "$workdir/ngodesk.db" serve --listen "127.0.0.1:$port" --no-access-log \
    >/dev/null 2>&1 &
  pid=$!
  answered=""
  for ((poll = 0; poll < 10000; poll++)); do  # at most about 10 s
    if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/api/v1/health"; then
      answered="$(date +%s%N)"
      break
    fi
    sleep 0.001
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -z "$answered" ]]; then echo "run $run: no answer within 10 s" >&2; exit 1; fi
  label="warm"
  [[ $run -eq 0 ]] && label="first (creates the database)"
  echo "run $run, $label: $(( (answered - start_ns) / 1000000 )) ms"
done
