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
ensure_compose_loader
ensure_node24
ensure_influxd
ensure_influxd v2.7.12

timed() { local t=$SECONDS; "$@"; say "   took $((SECONDS - t)) s"; }

say "1/7 type check (tsc --noEmit)"
npx tsc --noEmit
say "2/7 lint (eslint, with the import-graph rule) and format (prettier --check; npm run format fixes it)"
npx eslint --max-warnings 0 .
npx prettier --check . >/dev/null || { npx prettier --list-different .; say "   these files are not formatted: run npm run format"; exit 1; }
say "3/7 unit tests (vitest; the compose files go through Docker Compose's own loader)"
npx vitest run --project unit
# The integration suites run the bundled CLI and the server from the standalone output: built first.
ensure_next_build
export HOMEIQ_TEST_STANDALONE="$repo/.next/standalone"
say "4/7 integration tests against a real influxd v2.8.0, the newest that builds (vitest)"
timed env HOMEIQ_INFLUXD_VERSION=v2.8.0 npx vitest run --project integration
say "5/7 integration tests against a real influxd v2.7.12, the version HomeIQ runs (vitest)"
timed env HOMEIQ_INFLUXD_VERSION=v2.7.12 npx vitest run --project integration
say "6/7 the image's Node ($("$HOMEIQ_NODE24" --version)): the bundled CLI and the standalone server, from a copy of the standalone output"
timed env HOMEIQ_TEST_NODE="$HOMEIQ_NODE24" HOMEIQ_TEST_NODE_SQLITE="$HOMEIQ_NODE24_SQLITE" HOMEIQ_TEST_NODE_MAJOR=24 \
  npx vitest run --project integration tests/influxd/cli-bundle.test.ts tests/influxd/standalone-server.test.ts
say "7/7 end-to-end tests in Chromium against the standalone server on the image's Node ($("$HOMEIQ_NODE24" --version)) (playwright)"
node24_standalone=$(prepare_node24_standalone)
timed env CONSOLE_NODE="$HOMEIQ_NODE24" CONSOLE_STANDALONE="$node24_standalone" npx playwright test
say "all tests passed"
