#!/usr/bin/env bash
# Web benchmark: sizes, time to first timeline, re-simulation time. Prints Markdown tables.
# Builds nothing: run .ci/web (or web/build.sh and `npm ci` in tests/web) first.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f build/site/index.html ] || { echo "build/site is missing: run .ci/web or web/build.sh" >&2; exit 1; }
[ -d tests/web/node_modules/playwright-core ] || (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
NODE_PATH="$PWD/tests/web/node_modules" node bench/web/bench.js
