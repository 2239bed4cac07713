'use strict';
// The page parses a result line by line, reusing the last result's unchanged lines
// (web/src/engine-result-lines.js): the value must be JSON.parse's for every bundled scenario,
// for the bench's large scenario edited one day at a time, for an invalid text's errors and for
// a text of another layout; an unchanged item must be the last result's object, a changed one not.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, SCENARIOS, scenarioFiles, loadWasm } = require('./helpers');

const TODAY = '2026-03-31';
const lines = () => import(path.join(ROOT, 'web', 'src', 'engine-result-lines.js'));

test('every bundled scenario: the same value as JSON.parse, parsed after another scenario', async () => {
  const [{ parseResult }, m] = await Promise.all([lines(), loadWasm()]);
  for (const file of scenarioFiles()) {
    const out = m.simulate(fs.readFileSync(path.join(SCENARIOS, file), 'utf8'), TODAY);
    assert.deepStrictEqual(parseResult(out), JSON.parse(out), file);
    assert.deepStrictEqual(parseResult(out), JSON.parse(out), file + ' (again: every line reused)');
  }
});

test('an invalid text, a result of another layout, a broken text', async () => {
  const [{ parseResult }, m] = await Promise.all([lines(), loadWasm()]);
  const errors = m.simulate('{"subsim": 1, "start": 3}', TODAY);
  assert.ok(JSON.parse(errors).errors);
  assert.deepStrictEqual(parseResult(errors), JSON.parse(errors));
  const one = JSON.stringify({ subsim: 1, events: [{ a: 1 }], summary: { total_charged: 3 } });
  assert.deepStrictEqual(parseResult(one), JSON.parse(one));
  const pretty = JSON.stringify(JSON.parse(errors), null, 2) + '\n';
  assert.deepStrictEqual(parseResult(pretty), JSON.parse(pretty));
  assert.throws(() => parseResult('{\n  "events": [\n    {"a": 1},\n'));
});

test('a what-if moved day by day: JSON.parse\'s value, unchanged items kept, changed ones new', async () => {
  const [{ parseResult }, m] = await Promise.all([lines(), loadWasm()]);
  const file = path.join(SCENARIOS, 'zendesk-suite-annual-cancel-refused.json');
  const scenario = JSON.parse(fs.readFileSync(fs.existsSync(file) ? file : path.join(SCENARIOS, scenarioFiles()[0]), 'utf8'));
  const sub = (scenario.subscriptions || [])[0];
  assert.ok(sub, 'a scenario with a subscription');
  const day = (k) => new Date(Date.parse(scenario.start) + (Date.parse(scenario.until) - Date.parse(scenario.start)) / 2 + k * 864e5).toISOString().slice(0, 10);
  const text = (k) => JSON.stringify(Object.assign({}, scenario, {
    actions: (scenario.actions || []).concat([{ on: day(k), do: 'cancel', subscription: sub.id, by: scenario.account && scenario.account.owner }]),
  }));
  let before = parseResult(m.simulate(text(0), TODAY));
  let kept = 0;
  for (let k = 1; k <= 5; k++) {
    const out = m.simulate(text(k), TODAY), now = parseResult(out);
    assert.deepStrictEqual(now, JSON.parse(out));
    const old = new Set(before.events), count = new Map();
    for (const b of before.events) count.set(JSON.stringify(b), (count.get(JSON.stringify(b)) || 0) + 1);
    for (const e of now.events) {
      const seen = count.get(JSON.stringify(e)) || 0;
      if (old.has(e)) { kept++; assert.ok(seen > 0, 'a changed event kept'); } else assert.ok(seen !== 1, 'an unchanged event parsed again');
    }
    before = now;
  }
  assert.ok(kept > 0, 'unchanged events are the last result\'s objects');
});

test('the page\'s answer as bytes: simulate()\'s bytes, parsed to the same value', async () => {
  const [{ parseResult }, m] = await Promise.all([lines(), loadWasm()]);
  const P = await import(path.join(ROOT, 'web', 'src', 'engine-page.js'));
  for (const file of scenarioFiles().slice(0, 8)) {
    const text = fs.readFileSync(path.join(SCENARIOS, file), 'utf8'), want = m.simulate(text, TODAY);
    const got = P.pageAnswerBytes(m, text, 'en', TODAY);
    assert.ok(Buffer.from(got.bytes).equals(Buffer.from(want, 'utf8')), file);
    assert.deepStrictEqual(parseResult(P.pageAnswerBytes(m, text, 'fr', TODAY).bytes), JSON.parse(want), file);
  }
});
