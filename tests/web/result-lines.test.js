'use strict';
// The page parses a result line by line, reusing the last result's unchanged lines, which the
// module matches (page_lines(): web/src/engine-result-lines.js, core/io/result_lines.hpp): the
// value must be JSON.parse's for every bundled scenario, for a what-if moved one day at a time,
// for an invalid text's errors, for a text of another layout and for lines that are not the
// bytes'; an unchanged item must be the last result's object, a changed one not.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, SCENARIOS, scenarioFiles, loadWasm } = require('./helpers');

const TODAY = '2026-03-31';
const lines = () => import(path.join(ROOT, 'web', 'src', 'engine-result-lines.js'));

// The page's answer for `text`, parsed as the page parses it: { value, want } (JSON.parse's).
async function pageParse(P, parseResult, m, text, lang = 'en') {
  const got = P.pageAnswerBytes(m, text, lang, TODAY);
  assert.ok(got.lines instanceof Int32Array, 'the module gives the lines');
  const want = JSON.parse(Buffer.from(got.bytes).toString('utf8'));
  return { value: parseResult(got.bytes, got.lines, m), want, bytes: Buffer.from(got.bytes) };
}
const page = () => import(path.join(ROOT, 'web', 'src', 'engine-page.js'));

test('every bundled scenario: the same value as JSON.parse, parsed after another scenario', async () => {
  const [{ parseResult }, m, P] = await Promise.all([lines(), loadWasm(), page()]);
  for (const file of scenarioFiles()) {
    const text = fs.readFileSync(path.join(SCENARIOS, file), 'utf8');
    const first = await pageParse(P, parseResult, m, text);
    assert.ok(first.bytes.equals(Buffer.from(m.simulate(text, TODAY), 'utf8')), file + ': simulate()\'s bytes');
    assert.deepStrictEqual(first.value, first.want, file);
    const again = await pageParse(P, parseResult, m, text, 'fr');
    assert.deepStrictEqual(again.value, again.want, file + ' (again: every line reused)');
    for (const k of ['events', 'spans', 'invoices']) {
      (again.value[k] || []).forEach((x, i) => assert.equal(x, first.value[k][i], `${file}: ${k}[${i}] reused`));
    }
    assert.deepStrictEqual(parseResult(m.simulate(text, TODAY)), first.want, file + ' (as text: parsed whole)');
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
  const P = await page(), invalid = await pageParse(P, parseResult, m, '{"subsim": 1, "start": 3}');
  assert.ok(invalid.want.errors);
  assert.deepStrictEqual(invalid.value, invalid.want);
});

test('a what-if moved day by day: JSON.parse\'s value, unchanged items kept, changed ones new', async () => {
  const [{ parseResult }, m, P] = await Promise.all([lines(), loadWasm(), page()]);
  const file = path.join(SCENARIOS, 'zendesk-suite-annual-cancel-refused.json');
  const scenario = JSON.parse(fs.readFileSync(fs.existsSync(file) ? file : path.join(SCENARIOS, scenarioFiles()[0]), 'utf8'));
  const sub = (scenario.subscriptions || [])[0];
  assert.ok(sub, 'a scenario with a subscription');
  const day = (k) => new Date(Date.parse(scenario.start) + (Date.parse(scenario.until) - Date.parse(scenario.start)) / 2 + k * 864e5).toISOString().slice(0, 10);
  const text = (k) => JSON.stringify(Object.assign({}, scenario, {
    actions: (scenario.actions || []).concat([{ on: day(k), do: 'cancel', subscription: sub.id, by: scenario.account && scenario.account.owner }]),
  }));
  let before = (await pageParse(P, parseResult, m, text(0))).value;
  let kept = 0;
  for (let k = 1; k <= 5; k++) {
    const { value: now, want } = await pageParse(P, parseResult, m, text(k));
    assert.deepStrictEqual(now, want);
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

test('lines of another module, another answer or none: nothing reused, JSON.parse\'s value', async () => {
  const [{ parseResult }, m, P] = await Promise.all([lines(), loadWasm(), page()]);
  const text = fs.readFileSync(path.join(SCENARIOS, scenarioFiles()[0]), 'utf8');
  const first = await pageParse(P, parseResult, m, text);
  const got = P.pageAnswerBytes(m, text, 'en', TODAY);
  const other = parseResult(got.bytes, got.lines, {});   // the same lines, said to be another module's
  assert.deepStrictEqual(other, first.want);
  assert.notEqual(other.events[0], first.value.events[0], 'another module\'s lines reuse nothing');
  const skipped = P.pageAnswerBytes(m, text, 'en', TODAY);   // compared with an answer the page did not parse
  const after = parseResult(skipped.bytes, skipped.lines, m);
  assert.deepStrictEqual(after, first.want);
  assert.notEqual(after.events[0], other.events[0], 'lines matched with an unparsed answer reuse nothing');
  const shifted = P.pageAnswerBytes(m, text, 'en', TODAY), wrong = shifted.lines.slice();
  wrong[3] += 1;   // the first line's start one byte off: the lines are not the bytes'
  assert.deepStrictEqual(parseResult(shifted.bytes, wrong, m), first.want);
  const bytes = P.pageAnswerBytes(m, text, 'en', TODAY).bytes;
  assert.deepStrictEqual(parseResult(bytes, null, m), first.want);
});
