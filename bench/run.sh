#!/usr/bin/env bash
# Every benchmark figure in one run (bench/README.md explains each one):
#   1. native: per generated scenario, read / simulate() / write / the whole text API, min and
#      median over repetitions, beside the floors (copying the answer's bytes, a bare loop over the
#      same billing boundaries);
#   2. wasm and native interleaved in one Node process with the same clock (needs build/wasm:
#      `bash .ci/web --build-only`), wasm/native ratio per scenario;
#   3. the page (bench/web/run.sh, needs build/site).
# Machine-readable: every figure is also a line `bench: NAME VALUE UNIT`.
#   bash bench/run.sh                       # everything
#   bash bench/run.sh --only 10y20p         # one native scenario, no wasm or page
#   bash bench/run.sh --dump-scenarios DIR  # only write the generated scenario set (indented JSON)
#   BENCH_WASM_ALSO="build/wasm-split/wasm/subsim.js" bash bench/run.sh  # compare module builds too
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S bench -B build/bench -DCMAKE_BUILD_TYPE=Release >/dev/null
log=$(cmake --build build/bench -j2 2>&1) || { echo "$log" >&2; exit 1; }
bin=build/bench/subsim_bench
if [ "${1:-}" = "--dump-scenarios" ]; then
  mkdir -p "$2" && exec "$bin" --dump-scenarios "$2"
fi
if [ "${1:-}" = "--only" ]; then
  exec "$bin" --only "$2"
fi
echo "## native (Release; wall time on the monotonic clock; min / median per call)"
"$bin"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs)"

echo
echo "## wasm and native interleaved"
glue=build/wasm/wasm/subsim.js
if [ -f "$glue" ] && command -v node >/dev/null; then
  mkdir -p build/bench/scenarios && "$bin" --dump-scenarios build/bench/scenarios
  # BENCH_WASM_ALSO="other/build/wasm/subsim.js ...": other builds of the module (other flags),
  # measured in the same rotation (bench/README.md, "wasm size").
  node bench/interleaved.js "$glue" "$bin" build/bench/scenarios ${BENCH_WASM_ALSO:-}
  node -e 'const b = require("fs").readFileSync(process.argv[1]), z = require("zlib");
    console.log(`bench: wasm_bytes ${b.length} bytes`);
    console.log(`bench: wasm_gzip_bytes ${z.gzipSync(b, { level: 9 }).length} bytes`);
    console.log(`bench: wasm_brotli_bytes ${z.brotliCompressSync(b).length} bytes`);' build/wasm/wasm/subsim.wasm
else
  echo "(skipped: $glue is missing; bash .ci/web --build-only builds the module)"
fi

echo
echo "## page"
if [ -f build/site/index.html ] && [ -f bench/web/run.sh ]; then
  bash bench/web/run.sh
else
  echo "(skipped: build/site is missing; bash .ci/web --build-only builds the site)"
fi
