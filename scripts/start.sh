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
say "console ready: open http://127.0.0.1:$port  (Ctrl-C stops it)"
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
wait "$console_pid"
