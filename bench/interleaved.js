'use strict';
// wasm and native measured interleaved, in one run, with the same clock (bench/README.md):
//   node bench/interleaved.js GLUE NATIVE_BENCH DIR
// GLUE is the module's subsim.js, NATIVE_BENCH the harness (subsim_bench, spawned once with
// --serve), DIR the dumped scenario set. For each scenario, repetition after repetition, the
// same number of text-API calls runs natively then in wasm (the order flips every repetition);
// both sides read CLOCK_MONOTONIC (steady_clock in C++, performance.now in Node). The wasm side
// times the module's simulate_utf8 on text already in its memory, as native simulate_json gets
// its text: parse + validate + simulate + print, no JavaScript string conversion.
// Prints one JSON line per scenario, then `bench:` lines.
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');

function stats(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  return { min: s[0], median: n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2 };
}

function nativeServer(bin) {
  const child = spawn(bin, ['--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (l) => waiting.shift()(Number(l)));
  return {
    time(file, calls) {  // total microseconds of `calls` calls
      return new Promise((resolve) => { waiting.push(resolve); child.stdin.write(`${file} ${calls}\n`); });
    },
    close() { child.stdin.end(); },
  };
}

async function main() {
  const [gluePath, nativeBin, dir] = process.argv.slice(2);
  const factory = require(path.resolve(gluePath));
  const wasmBinary = fs.readFileSync(path.resolve(gluePath).replace(/\.js$/, '.wasm'));
  const mod = await factory({ wasmBinary });
  const native = nativeServer(path.resolve(nativeBin));
  const ratios = [], minRatios = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const full = path.resolve(dir, file);
    const bytes = new TextEncoder().encode(fs.readFileSync(full, 'utf8'));
    const at = mod._malloc(bytes.length + 1);
    mod.HEAPU8.set(bytes, at);
    const wasmCalls = (calls) => {
      const start = performance.now();
      for (let i = 0; i < calls; i += 1) mod.simulate_utf8(at, bytes.length, '');  // no reference date, as native simulate_json(text)
      return (performance.now() - start) * 1000;
    };
    wasmCalls(1);
    const one = Math.max(await native.time(full, 1), 1);
    const huge = one > 100000;
    const calls = Math.max(1, Math.ceil(5000 / one));    // a repetition lasts at least ~5 ms
    const reps = huge ? 5 : 21;
    const n = [], w = [];
    for (let r = 0; r < reps; r += 1) {
      if (r % 2 === 0) { n.push(await native.time(full, calls) / calls); w.push(wasmCalls(calls) / calls); }
      else { w.push(wasmCalls(calls) / calls); n.push(await native.time(full, calls) / calls); }
    }
    mod._free(at);
    const ns = stats(n), ws = stats(w);
    const name = file.replace(/\.json$/, '');
    const ratio = ws.median / ns.median;
    ratios.push(ratio);
    minRatios.push(ws.min / ns.min);
    console.log(JSON.stringify({ scenario: name, reps, calls, native_us: ns, wasm_us: ws, ratio_median: ratio,
                                 ratio_min: ws.min / ns.min }));
  }
  native.close();
  console.log(`bench: wasm_native_ratio_max ${Math.max(...ratios).toFixed(3)} x`);
  console.log(`bench: wasm_native_min_ratio_max ${Math.max(...minRatios).toFixed(3)} x`);
}

main().catch((e) => { console.error(e); process.exit(1); });
