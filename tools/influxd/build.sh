#!/usr/bin/env bash
# Builds influxd from the Go module proxy into the cache, once; prints the binary's path on stdout.
#   build.sh [VERSION]   VERSION: v2.8.0 (the default, the newest that builds here) or v2.7.12 (HomeIQ's)
# Progress goes to stderr. See README.md in this folder for why each setting is here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module_version() { awk '$1 == "github.com/influxdata/influxdb/v2" { print $2; exit }' "$1/go.mod"; }
default=$(module_version "$here")
requested=${1:-${HOMEIQ_INFLUXD_VERSION:-$default}}
case "$requested" in v*) ;; *) requested="v$requested" ;; esac
if [ "$requested" = "$default" ]; then
  module="$here"
elif [ -f "$here/versions/$requested/go.mod" ]; then
  module="$here/versions/$requested"
else
  echo "[influxd build] unknown influxd version '$requested': choose $default or one of: $(ls "$here/versions" | tr '\n' ' ')" >&2
  exit 2
fi
version=$(module_version "$module")
cache=${HOMEIQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/homeiq-influx-console}
bin="$cache/influxd-$version"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi

log() { printf '[influxd build] %s\n' "$*" >&2; }
for tool in go cargo gcc pkg-config; do
  command -v "$tool" >/dev/null || { log "missing '$tool': install it (Debian: apt-get install -y golang cargo gcc pkg-config) and retry"; exit 1; }
done

mkdir -p "$cache/bin"
start=$(date +%s)
log "building influxd $version from the Go module proxy (first time only: about 3-10 minutes on 2 cores; cached afterwards in $cache)"

cd "$module"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
log "step 1/3: InfluxData's pkg-config shim (builds libflux, the Rust half of Flux, through cargo)"
go build -o "$cache/bin/pkg-config" github.com/influxdata/pkg-config

# libflux pins Rust 1.72, which cannot be downloaded here: build it with the stable toolchain,
# and cap lints so the warnings of a newer compiler do not fail its deny(warnings).
export PATH="$cache/bin:$PATH" RUSTUP_TOOLCHAIN=stable RUSTC_WRAPPER="$here/rustc-cap-lints.sh"
export PKG_CONFIG="$cache/bin/pkg-config"
log "step 2/3: influxd and its dependencies (each package is listed as it compiles)"
tmp="$bin.tmp.$$"
buildlog="$cache/build-$version.log"
trap 'rm -f "$tmp"' EXIT
go build -v -tags 'sqlite_foreign_keys,sqlite_json' \
  -ldflags "-s -w -X main.version=$version -X main.commit=go-module-proxy" \
  -o "$tmp" github.com/influxdata/influxdb/v2/cmd/influxd >"$buildlog" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  sleep 10
  log "$(( $(date +%s) - start ))s: $(grep -c '^[a-z]' "$buildlog" || true) packages compiled, now: $(tail -n 1 "$buildlog" | cut -c1-80)"
done
if ! wait "$pid"; then
  log "the build failed; the last lines of $buildlog:"
  tail -n 60 "$buildlog" >&2
  exit 1
fi
log "step 3/3: checking the binary"
"$tmp" version >&2
mv "$tmp" "$bin"
trap - EXIT
log "done in $(( $(date +%s) - start ))s: $bin ($(du -h "$bin" | cut -f1))"
echo "$bin"
