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

say "1/5 type check (tsc --noEmit)"
npx tsc --noEmit
say "2/5 lint (eslint)"
npx eslint --max-warnings 0 .
say "3/5 unit tests (vitest)"
npx vitest run --project unit
say "4/5 integration tests against a real influxd (vitest)"
npx vitest run --project integration
say "5/5 end-to-end tests in Chromium (next build + playwright)"
ensure_next_build
npx playwright test
say "all tests passed"
