#!/usr/bin/env bash
# Web benchmark (see bench/web/README.md): prints `bench: NAME VALUE UNIT` lines (page_gzip_bytes,
# page_brotli_bytes, first_timeline_ms, whatif_edit_p50_ms, whatif_edit_p95_ms, …) and a table.
# Builds nothing but the generated scenarios: run .ci/web (or web/build.sh and `npm ci` in
# tests/web) first. BENCH_RUNS (page loads, default 7) and BENCH_EDITS (pin moves, default 40).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f build/site/index.html ] || { echo "build/site is missing: run .ci/web or web/build.sh" >&2; exit 1; }
[ -d tests/web/node_modules/playwright-core ] || (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
# The native bench's generated scenarios (the same 10 years × 20 products file, 1,827 events).
[ -f build/bench/scenarios/20_products_10y.json ] || bash bench/run.sh --dump-scenarios build/bench/scenarios >/dev/null
NODE_PATH="$PWD/tests/web/node_modules" node bench/web/bench.js
