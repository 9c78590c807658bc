#!/usr/bin/env bash
# Runs the built standalone server (.next/standalone/server.js), the same one the container runs
# (`npm start`; `npm run build` makes it).
#   PORT (default 3000), HOSTNAME_BIND (default 127.0.0.1); CONSOLE_LOG_FILE: append its output there.
#   CONSOLE_NODE: the node binary (default: node on PATH); CONSOLE_STANDALONE: another standalone folder
#   (scripts/test.sh runs the image's Node 24 on a copy whose better-sqlite3 is built for it).
# The server changes into its own folder, so relative CONSOLE_DATA_DIR and CONSOLE_SPEC are made absolute here.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
standalone=${CONSOLE_STANDALONE:-$repo/.next/standalone}
node=${CONSOLE_NODE:-node}
server="$standalone/server.js"
[ -f "$server" ] || { echo "[console] no standalone build in $standalone: run 'npm run build' (bash scripts/start.sh does it)" >&2; exit 1; }
[ -d "$standalone/.next/static" ] || { echo "[console] the standalone build lacks its static files: run 'bash scripts/lib.sh prepare-standalone'" >&2; exit 1; }
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
[ -z "${CONSOLE_DATA_DIR:-}" ] || export CONSOLE_DATA_DIR="$(absolute "$CONSOLE_DATA_DIR")"
[ -z "${CONSOLE_DATA_DIR:-}" ] && export CONSOLE_DATA_DIR="$repo/.data"
[ -z "${CONSOLE_SPEC:-}" ] || export CONSOLE_SPEC="$(absolute "$CONSOLE_SPEC")"
export HOSTNAME="${HOSTNAME_BIND:-127.0.0.1}" PORT="${PORT:-3000}" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# V8 sizes its heap from the machine's memory and collects late: on a 24 GB host the server grew past
# 400 MB under load with nothing leaking. 128 MB of old space and 8 MB semi-spaces keep it within HomeIQ's 256 MB limit.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=128 --max-semi-space-size=8}"
# JSON logs (LOG_FORMAT=json, or by default when the output is not a terminal): every line, Next.js's own included.
preload=()
if [ -n "${CONSOLE_LOG_FILE:-}" ]; then
  [ "${LOG_FORMAT:-json}" = json ] && preload=(--require "$repo/scripts/json-stdout.cjs")
  mkdir -p "$(dirname "$CONSOLE_LOG_FILE")"
  exec "$node" "${preload[@]}" "$server" >>"$CONSOLE_LOG_FILE" 2>&1
fi
if [ "${LOG_FORMAT:-}" = json ] || { [ -z "${LOG_FORMAT:-}" ] && [ ! -t 1 ]; }; then preload=(--require "$repo/scripts/json-stdout.cjs"); fi
exec "$node" "${preload[@]}" "$server"
