#!/usr/bin/env bash
# Starts the console. Without INFLUXDB_URL it launches its own local InfluxDB 2.x (org homeiq),
# keeping its data in $CONSOLE_DATA_DIR (default ~/.local/share/homeiq-influx-console).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

port=${PORT:-3000}
embedded=0
data_dir=${CONSOLE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/homeiq-influx-console}
mkdir -p "$data_dir"

ensure_system_packages
ensure_node_modules
health="http://127.0.0.1:$port/api/health"
if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$health" || true)" != 000 ]; then
  say "port $port is already taken by another program: stop it, or choose another port (PORT=3001 bash scripts/start.sh)"
  exit 1
fi

if [ -z "${INFLUXDB_URL:-}" ]; then
  ensure_influxd
  export HOMEIQ_INFLUXD_STATE="$data_dir/influxd-run"
  say "starting the embedded InfluxDB (data in $data_dir/influxd)"
  eval "$("$repo/tools/influxd/influxd.sh" start --data "$data_dir/influxd")"
  embedded=1
else
  say "using the InfluxDB at $INFLUXDB_URL (org ${INFLUXDB_ORG:-homeiq})"
fi
export INFLUXDB_ORG=${INFLUXDB_ORG:-homeiq} CONSOLE_DATA_DIR="$data_dir"

ensure_next_build
say "starting the console on http://127.0.0.1:$port"
cd "$repo"
PORT=$port bash "$repo/scripts/serve.sh" &
console_pid=$!
# Ctrl-C or the end of this script stops the console and, when it was started here, its InfluxDB.
cleanup() {
  kill "$console_pid" 2>/dev/null || true
  wait "$console_pid" 2>/dev/null || true
  if [ "${embedded:-0}" = 1 ]; then "$repo/tools/influxd/influxd.sh" stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Ready means /api/health answers: 200 (`ok`, or `degraded` while InfluxDB is away); 503 is a console
# that cannot write its own database.
timeout=${CONSOLE_START_TIMEOUT:-60}
waited=0
until body=$(curl -s --max-time 2 -w '\n%{http_code}' "$health") && [ "${body##*$'\n'}" != 000 ]; do
  if ! kill -0 "$console_pid" 2>/dev/null; then
    wait "$console_pid" && status=0 || status=$?
    say "the console exited (status $status) before answering $health: see its output above"
    exit 1
  fi
  if [ "$waited" -ge "$timeout" ]; then
    say "the console did not answer $health within ${timeout}s (CONSOLE_START_TIMEOUT): see its output above; is port $port taken?"
    exit 1
  fi
  sleep 1
  waited=$((waited + 1))
done
code=${body##*$'\n'}
state=$(printf '%s' "${body%$'\n'*}" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { try { console.log(JSON.parse(s).status); } catch { console.log("unreadable"); } })')
case "$code:$state" in
  200:ok) say "console ready: open http://127.0.0.1:$port  (Ctrl-C stops it)" ;;
  200:degraded) say "console ready at http://127.0.0.1:$port, but $state: InfluxDB at $INFLUXDB_URL does not answer yet (Ctrl-C stops it)" ;;
  503:down) say "the console answers $health with 503: it cannot write its data folder $data_dir (see its output above)"; exit 1 ;;
  *) say "$health answers $code, not as the console does: is port $port taken by another program? (choose another with PORT=…)"; exit 1 ;;
esac
wait "$console_pid"
