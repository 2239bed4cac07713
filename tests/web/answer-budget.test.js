'use strict';
// The answer's byte budget is the module's too (issue 17.1, docs/limits.md): a long subscription
// id billed daily is refused by every output of the reader's and the authors' modules with the
// CLI's words, at once, without building the answer.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, WASM_DIR, loadWasm, runCliArgs } = require('./helpers');

const FILE = path.join(ROOT, 'tests', 'regressions', 'oom-answer-bytes-long-id-daily.json');
const LIMIT = 'more than the limit of 268435456 bytes';

async function authoringModule() {
  const SubSim = require(path.join(WASM_DIR, 'subsim-authoring.js'));
  return SubSim({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'subsim-authoring.wasm')) });
}

// The errors object's one message, at /until.
function limitError(answer) {
  const errors = JSON.parse(answer).errors;
  assert.equal(errors.length, 1);
  assert.equal(errors[0].pointer, '/until');
  return errors[0].message;
}

test('every output of both modules refuses a long id billed daily with the CLI\'s message', async () => {
  const text = fs.readFileSync(FILE, 'utf8');
  const cli = runCliArgs(['ics', FILE]);
  assert.equal(cli.status, 2);
  const [reader, authors] = await Promise.all([loadWasm(), authoringModule()]);
  const outputs = {
    simulate: () => reader.simulate(text, ''),
    explain: () => reader.explain(text, 'fr', ''),
    narration: () => reader.narration(text, 'en', ''),
    calendar_ics: () => authors.calendar_ics(text, 'en', ''),
    sentence_table_html: () => authors.sentence_table_html(text, 'fr', '', ''),
  };
  for (const [name, call] of Object.entries(outputs)) {
    const started = Date.now();
    const message = limitError(call());
    assert.ok(message.includes(LIMIT), `${name}: ${message}`);
    assert.ok(cli.stderr.includes(message.replace(/the answer would be \d+ bytes, /, 'the answer would be ')),
      `${name}: the CLI says the same (${cli.stderr})`);
    assert.ok(Date.now() - started < 5000, `${name} refused at once (${Date.now() - started} ms)`);
  }
});
