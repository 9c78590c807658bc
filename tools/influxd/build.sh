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

# Go >= 1.24 (influxdb's go.mod) and a Rust at least as new as libflux's pinned 1.72 (tested with the
# current stable). Debian 12's golang (1.19) and cargo (1.63) are too old: say how to get them, or how
# to do without the build.
GO_MIN=1.24
RUST_MIN=1.72
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
problems=()
go_version=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null | sed 's/^go//') || go_version=""
if [ -z "$go_version" ]; then problems+=("Go is missing (the build needs Go >= $GO_MIN)")
elif ! at_least "$go_version" "$GO_MIN"; then problems+=("Go $go_version is too old (the build needs Go >= $GO_MIN)"); fi
rust_version=$(RUSTUP_TOOLCHAIN=stable rustc --version 2>/dev/null | awk '{ print $2 }') || rust_version=""
if [ -z "$rust_version" ] || ! command -v cargo >/dev/null; then problems+=("Rust (rustc and cargo) is missing (the build needs Rust >= $RUST_MIN; the current stable is what it is tested with)")
elif ! at_least "${rust_version%%-*}" "$RUST_MIN"; then problems+=("Rust $rust_version is too old (the build needs Rust >= $RUST_MIN; the current stable is what it is tested with)"); fi
for tool in gcc pkg-config; do
  command -v "$tool" >/dev/null || problems+=("'$tool' is missing (Debian: apt-get install -y gcc pkg-config)")
done
if [ ${#problems[@]} -gt 0 ]; then
  for problem in "${problems[@]}"; do log "$problem"; done
  log "how to get them (Debian's golang and cargo packages are too old):"
  log "  Go:   the tarball from https://go.dev/dl/ : tar -C /usr/local -xzf go1.26.*.linux-amd64.tar.gz; export PATH=/usr/local/go/bin:\$PATH"
  log "  Rust: rustup (https://rustup.rs), then: rustup toolchain install stable"
  log "or skip this build: point the console at an InfluxDB 2.x you already run (HomeIQ publishes it on localhost:8086):"
  log "  INFLUXDB_URL=http://localhost:8086 INFLUXDB_TOKEN=<token> INFLUXDB_ORG=homeiq bash scripts/start.sh"
  exit 1
fi
log "toolchains: Go $go_version, Rust $rust_version"

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
