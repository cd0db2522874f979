#!/usr/bin/env bash
# `npm test`: type-check, Node tests (core, server), browser tests (headless Chromium).
# Each stage runs even when an earlier one fails, so one run shows every failure.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
run() {
  echo
  echo "── $1"
  shift
  "$@" || status=1
}
run "type-check" npm run --silent test:types
run "node tests (core, server)" npm run --silent test:node
run "browser tests (Chromium)" npm run --silent test:browser
echo
if [ "$status" -eq 0 ]; then echo "All test stages passed."; else echo "Some test stages FAILED."; fi
exit "$status"
