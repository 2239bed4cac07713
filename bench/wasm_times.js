// Times the WebAssembly module's simulate(text) (parse + simulate + print, like the native
// simulate_json row) on each scenario file given, and prints one JSON line per file:
//   node bench/wasm_times.js build/wasm/wasm/subsim.js DIR
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [gluePath, dir] = process.argv.slice(2);
  const factory = require(path.resolve(gluePath));
  const wasmBinary = fs.readFileSync(path.resolve(gluePath).replace(/\.js$/, '.wasm'));
  const mod = await factory({ wasmBinary });
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    if (process.env.SUBSIM_BENCH_SKIP && file.includes(process.env.SUBSIM_BENCH_SKIP)) continue;
    mod.simulate(text); // warm up
    let runs = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    // At least 3 runs and half a second, like a benchmark's minimum time.
    while (runs < 3 || elapsed < 500_000_000n) {
      mod.simulate(text);
      runs += 1;
      elapsed = process.hrtime.bigint() - start;
    }
    const us = Number(elapsed) / 1000 / runs;
    console.log(JSON.stringify({ scenario: file.replace(/\.json$/, ''), wasm_us: us, runs }));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
