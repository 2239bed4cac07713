'use strict';
// The module out of memory inside the engine (issue 16.2): the entry points' guard
// (wasm/entry_points.hpp) answers an errors object "out of memory: …" (built with exceptions,
// the default) or throws a JavaScript Error with that message (built without:
// SUBSIM_WASM_EXCEPTIONS=OFF); either way the page shows it as the text's error
// (web/src/engine-answer.js), and the module keeps answering afterwards. Here the
// module's memory cannot grow and is filled from JavaScript before the call, so that the engine's
// own allocations fail (not the text's copy, which hardening.test.js covers).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SCENARIOS, WASM_DIR } = require('./helpers');

// A fresh module whose memory grows only while `growth.on` is true.
async function moduleWithoutGrowth(growth) {
  const SubSim = require(path.join(WASM_DIR, 'subsim.js'));
  const binary = fs.readFileSync(path.join(WASM_DIR, 'subsim.wasm'));
  return SubSim({
    instantiateWasm(imports, done) {
      let wrapped = 0;
      for (const env of Object.values(imports)) {
        for (const key of Object.keys(env)) {
          if (typeof env[key] !== 'function' || env[key].name !== '_emscripten_resize_heap') continue;
          const resize = env[key];
          env[key] = (bytes) => (growth.on ? resize(bytes) : 0);
          wrapped += 1;
        }
      }
      assert.equal(wrapped, 1, 'the glue imports _emscripten_resize_heap');
      WebAssembly.instantiate(binary, imports).then((r) => done(r.instance, r.module));
      return {};
    },
  });
}

// Blocks malloc'ed until the module's memory is full but for about `room` bytes (a block of that
// size, taken first and freed last).
function fill(m, room) {
  const reserve = m._malloc(room);
  const blocks = [];
  for (let size = 1 << 20; size >= 16; size >>= 1) {
    for (let at = m._malloc(size); at; at = m._malloc(size)) blocks.push(at);
  }
  m._free(reserve);
  return blocks;
}

// The call ran out of memory: its errors object, or the Error it threw, says so.
function saysOutOfMemory(call) {
  let answer;
  try { answer = call(); } catch (e) { assert.match(String(e), /^Error: out of memory: the engine (could not allocate|cannot take)/); return; }
  const errors = JSON.parse(answer).errors;
  assert.ok(Array.isArray(errors), 'an errors object: ' + answer.slice(0, 200));
  assert.match(errors[0].message, /^out of memory: the engine could not allocate/);
}

test('an allocation failure inside the engine is an "out of memory" error, and the module answers after it', async () => {
  const growth = { on: true };
  const m = await moduleWithoutGrowth(growth);
  const text = fs.readFileSync(path.join(SCENARIOS, 'zendesk-notice-missed.json'), 'utf8');
  const expected = m.simulate(text, '2026-03-31');
  assert.ok(!JSON.parse(expected).errors, 'the scenario simulates');

  growth.on = false;
  const blocks = fill(m, text.length + 256);
  try {
    saysOutOfMemory(() => m.simulate(text, '2026-03-31'));
    saysOutOfMemory(() => m.narration(text, 'en', '2026-03-31'));
  } finally {
    blocks.forEach((at) => m._free(at));
    growth.on = true;
  }
  assert.equal(m.simulate(text, '2026-03-31'), expected, 'the next call gives the same answer as before');
  assert.ok(JSON.parse(m.narration(text, 'en', '2026-03-31')).events.length > 0);
});
