#!/usr/bin/env bash
# A real InfluxDB 2.x for development, tests and the console's embedded default.
#   influxd.sh start [--port N] [--data DIR] [--version V]   -> three `export` lines on stdout, the rest on stderr
#                                              (V: v2.8.0, the default, or v2.7.12; also HOMEIQ_INFLUXD_VERSION)
#   influxd.sh stop                            -> stops every server `start` started
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${HOMEIQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/homeiq-influx-console}
state=${HOMEIQ_INFLUXD_STATE:-$cache/run}
ORG=homeiq

log() { printf '[influxd] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
usage() { echo "usage: $0 start [--port N] [--data DIR] [--version V] | stop" >&2; exit 2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true; }

random_hex() { python3 -c "import secrets; print(secrets.token_hex($1))"; }

start() {
  local port="" data="" tmpdata=0 version=${HOMEIQ_INFLUXD_VERSION:-}
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
      --port=*) port=${1#*=}; shift ;;
      --data) [ $# -ge 2 ] || usage; data=$2; shift 2 ;;
      --data=*) data=${1#*=}; shift ;;
      --version) [ $# -ge 2 ] || usage; version=$2; shift 2 ;;
      --version=*) version=${1#*=}; shift ;;
      *) usage ;;
    esac
  done
  [ -z "$port" ] || [[ "$port" =~ ^[0-9]+$ ]] || die "--port takes a number, not '$port'"
  command -v curl >/dev/null || die "curl is needed: apt-get install -y curl"
  command -v python3 >/dev/null || die "python3 is needed: apt-get install -y python3"

  local bin
  bin=$("$here/build.sh" ${version:+"$version"})

  [ -n "$port" ] || port=$(free_port)
  if [ "$(http_code "http://127.0.0.1:$port/health")" != "000" ]; then
    die "port $port is already in use: choose another with --port, or stop what runs there"
  fi
  if [ -z "$data" ]; then
    data=$(mktemp -d "${TMPDIR:-/tmp}/homeiq-influxd.XXXXXX")
    tmpdata=1
  fi
  mkdir -p "$data" "$state"
  data=$(cd "$data" && pwd)

  log "starting $("$bin" version | awk '{print $2}') on 127.0.0.1:$port, data in $data"
  local started=$(date +%s%N)
  # setsid: the server outlives this script and does not receive the caller's terminal signals.
  setsid "$bin" \
    --http-bind-address "127.0.0.1:$port" \
    --bolt-path "$data/influxd.bolt" \
    --engine-path "$data/engine" \
    --sqlite-path "$data/influxd.sqlite" \
    --reporting-disabled --ui-disabled --log-level warn \
    --storage-cache-snapshot-write-cold-duration 30s \
    ${HOMEIQ_INFLUXD_FLAGS:-} \
    >>"$data/influxd.log" 2>&1 < /dev/null &
  local pid=$!
  printf 'pid=%s\nport=%s\ndata=%s\ntmpdata=%s\n' "$pid" "$port" "$data" "$tmpdata" > "$state/$pid"

  local i
  for i in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$state/$pid"
      tail -n 20 "$data/influxd.log" >&2 || true
      die "influxd exited during start-up (log above, full log in $data/influxd.log)"
    fi
    if curl -sf --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status": *"pass"'; then break; fi
    sleep 0.2
  done
  [ "$i" -lt 300 ] || die "influxd did not become healthy within 60s (log: $data/influxd.log)"

  local url="http://127.0.0.1:$port" token
  local allowed
  allowed=$(curl -sf "$url/api/v2/setup" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("allowed", False))')
  if [ "$allowed" = "True" ]; then
    token=$(random_hex 32)
    local password
    password=$(random_hex 16)
    local body
    body=$(printf '{"username":"admin","password":"%s","org":"%s","bucket":"homeiq","token":"%s"}' "$password" "$ORG" "$token")
    local code
    code=$(curl -s -o "$data/setup-response.json" -w '%{http_code}' -X POST "$url/api/v2/setup" -H 'Content-Type: application/json' --data "$body")
    [ "$code" = "201" ] || die "onboarding failed with HTTP $code: $(cat "$data/setup-response.json")"
    rm -f "$data/setup-response.json"
    (umask 077; printf '%s\n' "$token" > "$data/operator-token"; printf 'admin\n%s\n' "$password" > "$data/admin-login")
    log "onboarded org $ORG (user admin; password in $data/admin-login)"
  else
    [ -s "$data/operator-token" ] || die "$data holds an onboarded server but no operator-token file: use a fresh --data folder"
    token=$(head -n 1 "$data/operator-token")
    log "reusing the onboarded server in $data"
  fi
  log "healthy in $(( ($(date +%s%N) - started) / 1000000 )) ms (pid $pid); stop it with: $0 stop"
  printf 'export INFLUXDB_URL=%s\nexport INFLUXDB_TOKEN=%s\nexport INFLUXDB_ORG=%s\n' "$url" "$token" "$ORG"
}

stop_one() {
  local file=$1 pid="" data="" tmpdata=0
  # shellcheck disable=SC1090
  pid=$(sed -n 's/^pid=//p' "$file"); data=$(sed -n 's/^data=//p' "$file"); tmpdata=$(sed -n 's/^tmpdata=//p' "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; fi
    log "stopped influxd (pid $pid)"
  fi
  if [ "$tmpdata" = "1" ] && [ -n "$data" ] && [ -d "$data" ]; then rm -rf "$data"; fi
  rm -f "$file"
}

stop() {
  [ $# -eq 0 ] || usage
  [ -d "$state" ] || return 0
  local f
  for f in "$state"/*; do
    [ -e "$f" ] || continue
    stop_one "$f"
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
