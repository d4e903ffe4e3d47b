#!/usr/bin/env bash
# Requests per second, p99 latency and resident memory of `ngodesk serve`
# against nginx serving a static file of the same size as each response, in
# the same run, with wrk on loopback. Not part of ctest.
#   usage: bench/server-vs-nginx.sh [BINARY] [SECONDS] [CONNECTIONS]
# Installs wrk and nginx-light from Debian with apt-get when they are
# missing, without starting nginx's system service: nginx runs here in the
# foreground with its own configuration, pid and log files in a temporary
# directory. wrk, nginx and ngodesk share the machine's cores.
set -euo pipefail

binary="$(realpath "${1:-build/ngodesk}")"
seconds="${2:-10}"
connections="${3:-64}"
threads=2

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  [[ ${#missing[@]} -eq 0 ]] && return
  # A policy-rc.d that refuses every start keeps the package from starting
  # the system service; it is removed again right after.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
  [[ -n $created_policy ]] && rm -f "$policy"
  return 0
}

install_missing
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
ngodesk_pid=""
nginx_pid=""
cleanup() {
  [[ -n $ngodesk_pid ]] && kill -TERM "$ngodesk_pid" 2>/dev/null && wait "$ngodesk_pid" 2>/dev/null
  [[ -n $nginx_pid ]] && kill -TERM "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {  # URL: polls for at most about 10 s
  for ((i = 0; i < 1000; i++)); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.01
  done
  echo "no answer from $1" >&2
  exit 1
}

# ngodesk, with a rate limit far above what wrk sends, so the limiter's
# cost is measured but it refuses nothing.
ngodesk_port="$(free_port)"
"$binary" --db "$work/ngodesk.db" serve --listen "127.0.0.1:$ngodesk_port" --no-access-log \
  --rate-limit 10000000 --rate-burst 10000000 >"$work/ngodesk.log" 2>&1 &
ngodesk_pid=$!
wait_for "http://127.0.0.1:$ngodesk_port/api/v1/health"

# nginx on a static copy of each response body (identity encoding, as wrk
# does not ask for gzip).
mkdir -p "$work/html" "$work/nginx"
declare -A paths=(
  [office]="/api/v1/offices/jiangsu"
  [resolve]="/api/v1/resolve?q=%E8%8B%8F%E5%B7%9E"
)
for name in office resolve; do
  curl -s -o "$work/html/$name.json" "http://127.0.0.1:$ngodesk_port${paths[$name]}"
done
nginx_port="$(free_port)"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx;
  proxy_temp_path $work/nginx;
  fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx;
  scgi_temp_path $work/nginx;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/html;
  }
}
CONF
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/stderr.log" &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/office.json"

# Prints "requests_per_second p99_ms" from a wrk run.
measure() {
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$1")"
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  # wrk prints units: us, ms or s.
  p99="$(awk -v v="$p99" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
    else { sub(/s$/, "", v); print v * 1000 } }')"
  echo "$rps $p99"
}

rss_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$threads -c$connections -d${seconds}s"
printf '%-10s %8s %12s %9s %12s %9s %7s %9s\n' case bytes ngodesk_rps p99_ms nginx_rps p99_ms ratio rss_mb
# A first short run lets ngodesk finish what it builds in the background after
# start (the place finder's index, the gzip forms), which would otherwise take
# CPU from the first measured run and inflate its tail latency.
wrk -t"$threads" -c"$connections" -d2s "http://127.0.0.1:$ngodesk_port${paths[office]}" >/dev/null
wrk -t"$threads" -c"$connections" -d2s "http://127.0.0.1:$nginx_port/office.json" >/dev/null

for name in office resolve; do
  bytes="$(stat -c %s "$work/html/$name.json")"
  read -r ours ours_p99 < <(measure "http://127.0.0.1:$ngodesk_port${paths[$name]}")
  rss="$(rss_kb "$ngodesk_pid" VmRSS)"
  read -r theirs theirs_p99 < <(measure "http://127.0.0.1:$nginx_port/$name.json")
  ratio="$(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')"
  printf '%-10s %8s %12s %9s %12s %9s %7s %9.1f\n' "$name" "$bytes" "$ours" "$ours_p99" \
    "$theirs" "$theirs_p99" "$ratio" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
done
echo "ngodesk peak resident memory (VmHWM): $(awk -v k="$(rss_kb "$ngodesk_pid" VmHWM)" \
  'BEGIN {printf "%.1f", k / 1024}') MB"
echo "targets: ratio >= 0.8, p99 <= 5 ms, RSS <= 50 MB"
