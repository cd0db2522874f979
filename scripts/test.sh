#!/usr/bin/env bash
# `npm test`: type-check, Node tests (core, server, build), the npm packages as a user installs
# them, browser tests (headless Chromium), e2e tests of the three embeddings (Chromium), size
# budgets of the CDN build.
# Each stage runs even when an earlier one fails, so one run shows every failure.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
failed=()
run() {
  local stage=$1
  echo
  echo "── $stage"
  shift
  "$@" || { status=1; failed+=("$stage"); }
}
run "type-check" npm run --silent test:types
run "node tests (core, server, build)" npm run --silent test:node
run "npm packages: packed, installed outside the workspace, consumed (tsc, Node, esbuild, Chromium)" npm run --silent test:package
run "browser tests (Chromium)" npm run --silent test:browser
run "e2e: the three embeddings (Chromium)" npm run --silent test:e2e
run "size budgets (CDN build, gzip/brotli)" npm run --silent test:size
echo
if [ "$status" -eq 0 ]; then echo "All test stages passed."; else printf 'FAILED test stages:\n'; printf '  - %s\n' "${failed[@]}"; fi
exit "$status"
