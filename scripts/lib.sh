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
# as the Dockerfile does.
prepare_standalone() {
  rm -rf "$repo/.next/standalone/.next/static" "$repo/.next/standalone/public"
  cp -r "$repo/.next/static" "$repo/.next/standalone/.next/static"
  cp -r "$repo/public" "$repo/.next/standalone/public"
}

# `bash scripts/lib.sh prepare-standalone`: the copy step alone.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1:-}" = "prepare-standalone" ]; then prepare_standalone; fi
