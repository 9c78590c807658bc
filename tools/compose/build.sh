#!/usr/bin/env bash
# Builds compose-config (compose-go, Docker Compose's loader) from the Go module proxy into the cache,
# once per version of its sources; prints the binary's path on stdout, progress on stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${HOMEIQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/homeiq-influx-console}
version=$(awk '{ for (i = 1; i < NF; i++) if ($i == "github.com/compose-spec/compose-go/v2") { print $(i + 1); exit } }' "$here/go.mod")
# A change to main.go or go.mod/go.sum builds a new binary instead of reusing a stale one.
sources=$(cat "$here/main.go" "$here/go.mod" "$here/go.sum" | sha256sum | cut -c1-12)
bin="$cache/compose-config-$version-$sources"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

log() { printf '[compose-config build] %s\n' "$*" >&2; }
command -v go >/dev/null || { log "missing 'go' (Go >= 1.24): see tools/influxd/README.md for how to get it"; exit 1; }

mkdir -p "$cache"
start=$(date +%s)
log "building the compose loader (compose-go $version) from the Go module proxy (first time only, under a minute)"
cd "$here"
tmp="$bin.tmp.$$"
trap 'rm -f "$tmp"' EXIT
GOTOOLCHAIN=local GOFLAGS=-mod=mod go build -o "$tmp" .
mv "$tmp" "$bin"
trap - EXIT
log "done in $(( $(date +%s) - start ))s: $bin"
echo "$bin"
