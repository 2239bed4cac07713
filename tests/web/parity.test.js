'use strict';
// The WebAssembly module and the native CLI must give byte-identical answers (issue 3): every
// bundled scenario, plus invalid inputs whose errors JSON must match too.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, SCENARIOS, CLI, WASM_DIR, scenarioFiles, loadWasm, runCliArgs } = require('./helpers');

// The reference date of relative dates (SPEC-v2 §8), the same on both sides: `--today` for the
// CLI, the last argument for the module (scenarios/v2/today-*.json resolve against it).
const TODAY = '2026-03-31';
const runCliOn = (file) => runCliArgs(['run', '--json', file, '--today', TODAY]);

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const ctx = (buf) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
  return `first difference at byte ${i} (wasm ${a.length} bytes, cli ${b.length} bytes)\n  wasm: ${ctx(a)}\n  cli:  ${ctx(b)}`;
}

// Both sides see the same bytes: the CLI reads the file, the module gets it decoded as UTF-8
// (only valid UTF-8 inputs are used, so the round trip is exact).
async function compare(file) {
  const m = await loadWasm();
  const text = fs.readFileSync(file, 'utf8');
  const wasm = Buffer.from(m.simulate(text, TODAY), 'utf8');
  const cli = runCliOn(file);
  assert.ok(cli.status !== 3 && cli.status !== null, `CLI internal failure (${cli.status}): ${cli.stderr}`);
  assert.ok(wasm.equals(cli.stdout), firstDifference(wasm, cli.stdout));
  // The exit status agrees with the answer: 2 with errors, 1 when an expectation failed.
  const obj = JSON.parse(wasm.toString('utf8'));
  const expected = obj.errors ? 2 : (obj.expectations || []).some((e) => !e.passed) ? 1 : 0;
  assert.equal(cli.status, expected, `exit status ${cli.status}, answer implies ${expected}`);
  return obj;
}

// A relative-date scenario (SPEC-v2 §8.4) on other reference dates: both sides move together,
// and the result names the day.
test('reader-relative dates: the same --today gives the same bytes natively and in wasm', async (t) => {
  const m = await loadWasm();
  const file = path.join(SCENARIOS, 'v2', 'today-cancel-zendesk-annual.json');
  const text = fs.readFileSync(file, 'utf8');
  for (const day of ['2026-03-31', '2027-01-10', '2028-02-29']) {
    await t.test(day, () => {
      const wasm = Buffer.from(m.simulate(text, day), 'utf8');
      const cli = runCliArgs(['run', '--json', file, '--today', day]);
      assert.ok(wasm.equals(cli.stdout), firstDifference(wasm, cli.stdout));
      assert.equal(JSON.parse(wasm.toString('utf8')).today, day);
      for (const locale of ['en', 'fr']) {
        const said = Buffer.from(m.explain(text, locale, day), 'utf8');
        const told = runCliArgs(['explain', file, '--locale', locale, '--today', day]);
        assert.ok(said.equals(told.stdout), firstDifference(said, told.stdout));
      }
    });
  }
});

test('the native CLI exists', () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: cmake -S . -B build/native && cmake --build build/native`);
});

test('version() and validate() answer', async () => {
  const m = await loadWasm();
  assert.match(m.version(), /^\d+\.\d+\.\d+/);
  const v = JSON.parse(m.validate('{}'));
  assert.ok(Array.isArray(v.errors) && v.errors.length > 0, 'an empty object is invalid');
  const text = fs.readFileSync(path.join(SCENARIOS, scenarioFiles()[0]), 'utf8');
  assert.deepEqual(JSON.parse(m.validate(text)).errors, [], 'a bundled scenario validates');
  // A relative date: valid with a reference date, an error without one (an empty reference).
  const relative = fs.readFileSync(path.join(SCENARIOS, 'v2', 'today-cancel-zendesk-annual.json'), 'utf8');
  assert.deepEqual(JSON.parse(m.validate(relative, TODAY)).errors, []);
  const none = JSON.parse(m.validate(relative, ''));
  assert.ok(none.errors.length > 0 && none.errors.every((e) => /pass a reference date/.test(e.message)));
  assert.match(JSON.parse(m.simulate(relative, 'not-a-date')).errors[0].message, /YYYY-MM-DD/);
});

// The page instantiates compiled code synchronously (an instantiateWasm hook that answers at
// once): the glue's wrappers (text over UTF-8, the reference date and locale optional) must be on
// then too, or simulate(text) throws embind's "called with 1 arguments, expected 2".
test('the glue wraps the exports when the module is instantiated synchronously', async () => {
  const SubSim = require(path.join(WASM_DIR, 'subsim.js'));
  const code = new WebAssembly.Module(fs.readFileSync(path.join(WASM_DIR, 'subsim.wasm')));
  const m = await SubSim({ instantiateWasm: (imports, done) => { done(new WebAssembly.Instance(code, imports), code); return {}; } });
  const file = scenarioFiles()[0];
  assert.equal(m.simulate(fs.readFileSync(path.join(SCENARIOS, file), 'utf8')), runCliArgs(['run', '--json', path.join(SCENARIOS, file)]).stdout.toString('utf8'));
  assert.ok(Array.isArray(JSON.parse(m.explain('{}')).errors), 'explain(text) with no locale and no date');
});

test('bundled scenarios: wasm and CLI answers are byte-identical', async (t) => {
  const files = scenarioFiles();
  assert.ok(files.length > 0, 'no scenario in scenarios/');
  for (const f of files) {
    await t.test(f, async () => {
      const obj = await compare(path.join(SCENARIOS, f));
      assert.ok(!obj.errors, `bundled scenario is invalid: ${JSON.stringify(obj.errors)}`);
    });
  }
});

// The sentences (SPEC §4.1, §6): `subsim explain FILE --locale L` and the module's
// explain(text, L) give the same bytes, for every bundled scenario in both locales; narration()'s
// events are those sentences, with one expectation line per result expectation and one answer
// per action.
test('bundled scenarios: explain() and `subsim explain --locale` are byte-identical, in fr and en', async (t) => {
  const m = await loadWasm();
  for (const f of scenarioFiles()) {
    for (const locale of ['fr', 'en']) {
      await t.test(`${f} (${locale})`, () => {
        const file = path.join(SCENARIOS, f);
        const text = fs.readFileSync(file, 'utf8');
        const wasm = Buffer.from(m.explain(text, locale, TODAY), 'utf8');
        const cli = runCliArgs(['explain', file, '--locale', locale, '--today', TODAY]);
        assert.equal(cli.status, 0, `subsim explain exited ${cli.status}: ${cli.stderr}`);
        assert.ok(wasm.equals(cli.stdout), firstDifference(wasm, cli.stdout));
        const sentences = JSON.parse(wasm.toString('utf8'));
        const result = JSON.parse(m.simulate(text, TODAY));
        assert.equal(sentences.length, result.events.length, 'one sentence per event');
        sentences.forEach((s, i) => assert.ok(typeof s === 'string' && s.length > 0, `event ${i} has a sentence`));
        const n = JSON.parse(m.narration(text, locale, TODAY));
        assert.deepEqual(n.events, sentences, 'narration().events is explain()');
        assert.equal(n.expectations.length, result.expectations.length, 'one line per expectation');
        const actions = JSON.parse(text).actions || [];
        assert.deepEqual(n.answers.map((a) => a.action), actions.map((a, i) => i), 'one answer per action, in file order');
        n.answers.forEach((a) => assert.ok(typeof a.sentence === 'string' && a.sentence.length > 0, `action ${a.action} has an answer`));
      });
    }
  }
});

// answer(text, L), the page's one call per edit, is one parse and one simulation giving exactly
// `subsim run --json` and narration(text, L): {"locale": L, "result": …, "narration": …}, byte for
// byte; an empty locale is the scenario's own; an invalid text gives its errors in both places.
function expectedAnswer(locale, resultBytes, narrationText) {
  return Buffer.concat([Buffer.from(`{"locale": "${locale}", "result": `), resultBytes,
    Buffer.from(', "narration": ' + narrationText + '}\n')]);
}

test('bundled scenarios: answer(text, L) is `subsim run --json` and narration(text, L) from one call, in fr and en', async (t) => {
  const m = await loadWasm();
  assert.equal(typeof m.answer, 'function', 'the module has answer()');
  for (const f of scenarioFiles()) {
    await t.test(f, () => {
      const file = path.join(SCENARIOS, f);
      const text = fs.readFileSync(file, 'utf8');
      const cli = runCliOn(file);
      for (const locale of ['fr', 'en']) {
        const got = Buffer.from(m.answer(text, locale, TODAY), 'utf8');
        const want = expectedAnswer(locale, cli.stdout, m.narration(text, locale, TODAY));
        assert.ok(got.equals(want), `${locale}: ${firstDifference(got, want)}`);
      }
      const own = /^fr/i.test(JSON.parse(text).locale || '') ? 'fr' : 'en';
      const got = Buffer.from(m.answer(text, '', TODAY), 'utf8');
      assert.ok(got.equals(expectedAnswer(own, cli.stdout, m.narration(text, '', TODAY))), 'an empty locale is the scenario\'s own');
    });
  }
  await t.test('an invalid scenario: its errors as result and as narration', () => {
    const errors = m.simulate('{"subsim": 1}');
    assert.ok(JSON.parse(errors).errors.length > 0);
    assert.equal(m.answer('{"subsim": 1}', 'fr'), `{"locale": "fr", "result": ${errors}, "narration": ${errors}}\n`);
  });
});

// The page's entry points (wasm/bindings.cpp page_answer, page_sentences; web/src/engine-page.js):
// page_answer(text, L) is answer(text, L) without the narration, its result byte for byte
// `subsim run --json`; page_sentences gives narration(text, L)'s sentences, any range of them,
// from the simulation it keeps (asked in any order, for other texts in between).
test('bundled scenarios: page_answer() and page_sentences() give simulate()\'s bytes and narration()\'s sentences', async (t) => {
  const m = await loadWasm();
  const { pathToFileURL } = require('node:url');
  const P = await import(pathToFileURL(path.join(ROOT, 'web', 'src', 'engine-page.js')).href);
  assert.ok(P.hasPageAnswer(m), 'the module has the page\'s entry points');
  const files = scenarioFiles();
  for (const f of files) {
    await t.test(f, () => {
      const file = path.join(SCENARIOS, f);
      const text = fs.readFileSync(file, 'utf8');
      const other = fs.readFileSync(path.join(SCENARIOS, files[(files.indexOf(f) + 1) % files.length]), 'utf8');
      const cli = runCliOn(file);
      for (const locale of ['fr', 'en', '']) {
        const got = P.pageAnswer(m, text, locale, TODAY);
        assert.equal(got.locale, JSON.parse(m.answer(text, locale, TODAY)).locale, `${locale}: the language answer() narrates in`);
        assert.ok(Buffer.from(got.result, 'utf8').equals(cli.stdout), `${locale}: the result is subsim run --json`);
        const want = JSON.parse(m.narration(text, locale, TODAY));
        P.pageAnswer(m, other, locale, TODAY);   // another text in between: the sentences are still this one's
        const n = P.lazyNarration(m, text, got.locale, TODAY);
        const events = want.events.map((s, i) => n.eventSentence(want.events.length - 1 - i)).reverse();
        assert.deepEqual(events, want.events, `${locale}: every event sentence, read from the last`);
        assert.equal(n.eventSentence(want.events.length), undefined, 'none past the end');
        assert.deepEqual(want.expectations.map((s, i) => n.expectationLine(i)), want.expectations, `${locale}: expectation lines`);
        assert.deepEqual(want.answers.map((a) => n.answerOf(a.action)), want.answers.map((a) => a.sentence), `${locale}: what-if answers`);
      }
    });
  }
  await t.test('an invalid scenario: its errors as result, no sentence', () => {
    const errors = m.simulate('{"subsim": 1}', TODAY);
    const got = P.pageAnswer(m, '{"subsim": 1}', 'fr', TODAY);
    assert.deepEqual(got, { locale: 'fr', result: errors });
    assert.equal(P.lazyNarration(m, '{"subsim": 1}', 'fr', TODAY).eventSentence(0), undefined);
  });
});

test('the page has a label, in fr and en, for every name in the module\'s catalogue() it shows', async () => {
  const m = await loadWasm();
  const cat = JSON.parse(m.catalogue());
  for (const k of ['rules', 'event_types', 'states', 'actions', 'reasons']) assert.ok(Array.isArray(cat[k]) && cat[k].length, `catalogue().${k}`);
  // The page's interface strings and timeline layout, as ES modules.
  const { pathToFileURL } = require('node:url');
  const S = await import(pathToFileURL(path.join(ROOT, 'web', 'src', 'strings.js')).href);
  const { markerKind } = await import(pathToFileURL(path.join(ROOT, 'web', 'src', 'timeline-model.js')).href);
  const L = { states: S.STATES, types: S.TYPES, actions: S.ACTIONS };
  for (const lang of ['en', 'fr']) {
    for (const s of cat.states) assert.ok(L.states[lang][s], `state ${s} has a ${lang} label`);
    for (const t of cat.event_types) assert.ok(L.types[lang][t], `event type ${t} has a ${lang} label`);
    for (const a of cat.actions) assert.ok(L.actions[lang][a], `action ${a} has a ${lang} label`);
  }
  // Every event type either has a marker on the timeline or is shown by the bars (start, renewal…).
  // compliance_window (SPEC-v2 §7) is drawn as a band on its subscription's lane (timeline-model.js addLawWindows).
  const shownByBars = ['subscription_started', 'trial_started', 'renewed', 'cancellation_scheduled', 'cancellation_effective', 'expired',
                       'compliance_window'];
  for (const t of cat.event_types) {
    assert.ok(markerKind(t) || shownByBars.includes(t), `event type ${t} is drawn`);
  }
});

// Invalid inputs, from the grossly malformed to one wrong value deep in a real scenario.
function invalidInputs() {
  const base = fs.readFileSync(path.join(SCENARIOS, scenarioFiles()[0]), 'utf8');
  const inputs = {
    'empty.json': '',
    'truncated.json': base.slice(0, Math.floor(base.length / 2)),
    'array.json': '[]',
    'null.json': 'null',
    'trailing-garbage.json': base + '\n}',
    'bom.json': '\ufeff' + base,
    'deep-nesting.json': '['.repeat(5000) + ']'.repeat(5000),
    'unknown-top-key.json': base.replace('{', '{\n  "titel": "typo",'),
    'accents-and-emoji.json': base.replace(/"title":\s*"[^"]*"/, '"title": "Résiliation — 🎉 été", "x-é": "ü"')
      .replace('"currency"', '"currency_é"'),
    'over-size-limit.json': base.replace(/\}\s*$/, `,"x-pad": "${'a'.repeat(1100000)}"}`),
  };
  // One wrong value per bundled scenario: every error must carry the same line and column.
  for (const f of scenarioFiles()) {
    const text = fs.readFileSync(path.join(SCENARIOS, f), 'utf8');
    const bad = text.replace(/"period":\s*"P[^"]*"/, '"period": "P1M2D"')
      .replace(/"start":\s*"(\d{4})-\d\d-\d\d"/, '"start": "$1-02-30"');
    if (bad !== text) inputs[`bad-${f}`] = bad;
    inputs[`unknown-id-${f}`] = text.replace(/"plans":\s*\[\s*"([^"]+)"/, '"plans": ["$1-nope"');
  }
  return inputs;
}

test('invalid inputs: the errors JSON is byte-identical', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsim-parity-'));
  try {
    for (const [name, text] of Object.entries(invalidInputs())) {
      await t.test(name, async () => {
        const file = path.join(dir, name.replace(/\//g, '_'));   // scenarios in subfolders (v2/…)
        fs.writeFileSync(file, text, 'utf8');
        const obj = await compare(file);
        // A BOM is accepted or refused, as long as both sides agree; the rest must be refused.
        if (name !== 'bom.json' && (!name.startsWith('unknown-id-') || obj.errors)) {
          assert.ok(Array.isArray(obj.errors) && obj.errors.length > 0, 'expected errors');
          for (const e of obj.errors) {
            assert.equal(typeof e.message, 'string');
            assert.ok(Number.isInteger(e.line) && e.line >= 1, `line ${e.line}`);
            assert.ok(Number.isInteger(e.column) && e.column >= 1, `column ${e.column}`);
          }
        }
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
