#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, integration tests against a real influxd,
# and Playwright end-to-end tests in Debian's Chromium. Each suite starts its own influxd.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"

ensure_system_packages
ensure_chromium
ensure_node_modules
ensure_influxd
ensure_influxd v2.7.12

timed() { local t=$SECONDS; "$@"; say "   took $((SECONDS - t)) s"; }

say "1/6 type check (tsc --noEmit)"
npx tsc --noEmit
say "2/6 lint (eslint)"
npx eslint --max-warnings 0 .
say "3/6 unit tests (vitest)"
npx vitest run --project unit
say "4/6 integration tests against a real influxd v2.8.0, the newest that builds (vitest)"
timed env HOMEIQ_INFLUXD_VERSION=v2.8.0 npx vitest run --project integration
say "5/6 integration tests against a real influxd v2.7.12, the version HomeIQ runs (vitest)"
timed env HOMEIQ_INFLUXD_VERSION=v2.7.12 npx vitest run --project integration
say "6/6 end-to-end tests in Chromium against the standalone server (next build + playwright)"
ensure_next_build
npx playwright test
say "all tests passed"
