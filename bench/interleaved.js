'use strict';
// wasm and native measured interleaved, in one run, with the same clock (bench/README.md):
//   node bench/interleaved.js GLUE NATIVE_BENCH DIR [GLUE2 ...]
// GLUE is the module's subsim.js, NATIVE_BENCH the harness (subsim_bench, spawned once with
// --serve), DIR the dumped scenario set. For each scenario, repetition after repetition, the
// same number of text-API calls runs natively then in wasm (the order rotates every repetition);
// both sides read CLOCK_MONOTONIC (steady_clock in C++, performance.now in Node). The wasm side
// times the module's simulate_utf8 on text already in its memory, as native simulate_json gets
// its text: parse + validate + simulate + print, no JavaScript string conversion.
// GLUE2 ...: other builds of the module (e.g. other compiler flags), measured in the same
// rotation, so that builds are compared under the same machine load; the `bench:` lines are the
// first module's, the others' ratios are in their JSON lines and in `bench: wasm_native_*_VARIANT`.
// The modules are compiled with V8's optimizing compiler (TurboFan) from the start
// (--no-liftoff, set below before any module is compiled): by default V8 runs a wasm function
// as baseline (Liftoff) code first and optimizes it in the background once it is hot, and on a
// loaded machine that background compile of the 80 KB reader and engine functions may not have
// finished after seconds of warm-up, so repetitions timed partly baseline code (2.4x slower on
// 1y_single_plan) or shared a CPU with the compiler. Node 20 does no feedback-driven wasm
// inlining (--no-wasm-inlining is its default): the optimized code is the same either way, the
// steady cost of the module, which is what this ratio compares (bench/README.md).
// Before timing a scenario each module still runs it for WARM_MS (default 1500) milliseconds
// (caches, the allocator's free lists, the glue's JavaScript).
// A repetition is as many calls as last REP_US (default 2000) microseconds natively, REPS (default
// 41) of them (5 when one call takes over 100 ms): short repetitions, each after a rest, so that
// neither side's repetitions outlast the scheduler slice a process gets back from a sleep.
// Every repetition, native or wasm, starts after the same rest (REST_MS, default 5 ms) in which
// both processes sleep: the native harness sleeps between its turns anyway and, back from a
// sleep, is not preempted, while Node without a rest runs without pause from one turn into the
// next and on a loaded machine loses whole scheduler slices inside its repetitions
// (bench/README.md, "Rest before each repetition").
// Prints one JSON line per scenario and module, then `bench:` lines.
require('node:v8').setFlagsFromString('--no-liftoff');
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

async function loadModule(gluePath) {
  const factory = require(path.resolve(gluePath));
  const wasmBinary = fs.readFileSync(path.resolve(gluePath).replace(/\.js$/, '.wasm'));
  return factory({ wasmBinary });
}

// The scenario's bytes in the module's memory; timeCalls(calls) -> total microseconds.
function wasmSide(mod, bytes) {
  const at = mod._malloc(bytes.length + 1);
  mod.HEAPU8.set(bytes, at);
  return {
    timeCalls(calls) {
      const start = performance.now();
      for (let i = 0; i < calls; i += 1) mod.simulate_utf8(at, bytes.length, '');  // no reference date, as native simulate_json(text)
      return (performance.now() - start) * 1000;
    },
    free() { mod._free(at); },
  };
}

// Calls for at least `ms` milliseconds and 3 calls. V8 runs a wasm function first as its
// baseline (Liftoff) code and swaps in optimized (TurboFan) code once the function is hot, in
// the background: measured on 1y_single_plan, a call takes ~80 us for the first ~1,000 calls and
// ~37 us from ~3,000 on (~0.3 s of calls), about twice the steady cost.
function warmUp(side, ms) {
  const start = performance.now();
  for (let n = 0; n < 3 || performance.now() - start < ms; n += 1) side.timeCalls(1);
}

function variantName(gluePath, i) {
  return i === 0 ? '' : path.basename(path.dirname(path.dirname(path.resolve(gluePath)))).replace(/[^A-Za-z0-9]+/g, '_');
}

function rest(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
  const [gluePath, nativeBin, dir, ...others] = process.argv.slice(2);
  const glues = [gluePath, ...others];
  const warmMs = Number(process.env.WARM_MS || 1500);
  const restMs = Number(process.env.REST_MS ?? 5);
  const repUs = Number(process.env.REP_US || 2000), repeat = Number(process.env.REPS || 41);
  const mods = [];
  for (const g of glues) mods.push(await loadModule(g));
  const native = nativeServer(path.resolve(nativeBin));
  const ratios = glues.map(() => []), minRatios = glues.map(() => []);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const full = path.resolve(dir, file);
    const bytes = new TextEncoder().encode(fs.readFileSync(full, 'utf8'));
    const sides = mods.map((m) => wasmSide(m, bytes));
    for (const s of sides) warmUp(s, warmMs);
    await native.time(full, 3);
    let one = Infinity;  // a warm native call: the least of 5 tries (one preempted try gave 1y1p 4 calls a repetition)
    for (let t = 0; t < 5; t += 1) one = Math.min(one, Math.max(await native.time(full, 3) / 3, 1));
    const huge = one > 100000;
    const calls = Math.max(1, Math.ceil(repUs / one));   // a repetition lasts at least ~REP_US natively
    const reps = huge ? 5 : repeat;
    const n = [], w = sides.map(() => []);
    const runners = [async () => n.push(await native.time(full, calls) / calls),
      ...sides.map((s, i) => async () => w[i].push(s.timeCalls(calls) / calls))];
    for (let r = 0; r < reps; r += 1) {
      for (let k = 0; k < runners.length; k += 1) {
        await rest(restMs);
        await runners[(k + r) % runners.length]();
      }
    }
    for (const s of sides) s.free();
    const ns = stats(n);
    const name = file.replace(/\.json$/, '');
    sides.forEach((s, i) => {
      const ws = stats(w[i]);
      ratios[i].push(ws.median / ns.median);
      minRatios[i].push(ws.min / ns.min);
      const line = { scenario: name, reps, calls, native_us: ns, wasm_us: ws, ratio_median: ws.median / ns.median,
                     ratio_min: ws.min / ns.min };
      if (i > 0) line.module = glues[i];
      console.log(JSON.stringify(line));
    });
  }
  native.close();
  glues.forEach((g, i) => {
    const suffix = i === 0 ? '' : `_${variantName(g, i)}`;
    console.log(`bench: wasm_native_ratio_max${suffix} ${Math.max(...ratios[i]).toFixed(3)} x`);
    console.log(`bench: wasm_native_min_ratio_max${suffix} ${Math.max(...minRatios[i]).toFixed(3)} x`);
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
