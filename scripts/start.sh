#!/usr/bin/env bash
# Starts the console. Without INFLUXDB_URL it launches its own local InfluxDB 2.x (org homeiq),
# keeping its data in $CONSOLE_DATA_DIR (default ~/.local/share/homeiq-influx-console).
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

port=${PORT:-3000}
data_dir=${CONSOLE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/homeiq-influx-console}
mkdir -p "$data_dir"

ensure_system_packages
ensure_node_modules

if [ -z "${INFLUXDB_URL:-}" ]; then
  ensure_influxd
  export HOMEIQ_INFLUXD_STATE="$data_dir/influxd-run"
  say "starting the embedded InfluxDB (data in $data_dir/influxd)"
  eval "$("$repo/tools/influxd/influxd.sh" start --data "$data_dir/influxd")"
  trap '"$repo/tools/influxd/influxd.sh" stop' EXIT INT TERM
else
  say "using the InfluxDB at $INFLUXDB_URL (org ${INFLUXDB_ORG:-homeiq})"
fi
export INFLUXDB_ORG=${INFLUXDB_ORG:-homeiq} CONSOLE_DATA_DIR="$data_dir"

ensure_next_build
say "console ready: open http://127.0.0.1:$port  (Ctrl-C stops it)"
cd "$repo"
npx next start --hostname "${HOSTNAME_BIND:-127.0.0.1}" --port "$port"
