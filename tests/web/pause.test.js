'use strict';
// Pause and resume on the page (SPEC-v2 §3), in headless Chromium from a server with the strict
// CSP: the what-if form offers "pause" (with how many billing periods) and "resume" on format 2
// scenarios only; an added pause or resume simulates exactly as `subsim run --json` says for the
// modified scenario (the paused bars are the engine's spans), its answer is the narrator's
// sentence, and the legend has a `paused` entry in English and French. Any console error, page
// error, failed request or CSP violation fails.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { pageSuite, assertClean, afterRender, openPage } = require('./helpers');

const suite = pageSuite('pause');
const cli = (text) => suite.cli(text);
const editorText = (page) => page.evaluate(() => window.subsimPage.text());
function whatIfActions(text) { return (JSON.parse(text).actions || []).filter((a) => a['x-whatif']); }
async function shownBars(page) {
  return page.$$eval('#timeline rect.bar[data-from]', (rs) => rs.map((r) => [r.dataset.subscription, r.dataset.product, r.dataset.state, r.dataset.from, r.dataset.to].join('|')).sort());
}
const spans = (r) => r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();
const sentences = (page) => page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent));
function answers(text, lang) {
  const n = JSON.parse(suite.wasm.narration(text, lang));
  assert.ok(!n.errors, JSON.stringify(n.errors));
  return (JSON.parse(text).actions || []).map((a, i) => [a, i]).filter(([a]) => a['x-whatif'])
    .map(([, i]) => { const a = n.answers.find((x) => x.action === i); assert.ok(a, `no answer for action ${i}`); return a.sentence; });
}
async function addWhatIf(page, fields) {
  await page.selectOption('.wi-action', fields.action);
  if (fields.cycles !== undefined) await page.selectOption('.wi-cycles', String(fields.cycles));
  await page.fill('.wi-date', fields.on);
  await page.dispatchEvent('.wi-date', 'change');
  await afterRender(page, () => page.click('.wi-add'));
}

describe('pause and resume on the page', () => {
  it('adds a pause of two billing periods, as the engine computes it, with paused bars and a legend entry', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/change-immediate-upgrade.json');
    try {
      await page.click('#lang-en');
      const offered = await page.$$eval('.wi-action option', (os) => os.map((o) => o.value));
      assert.ok(offered.includes('pause') && offered.includes('resume'), `pause and resume are offered: ${offered}`);
      await page.selectOption('.wi-action', 'pause');
      assert.equal(await page.isVisible('.wi-cycles'), true);
      assert.equal(await page.isVisible('.wi-plan'), false);
      assert.deepEqual(await page.$$eval('.wi-cycles option', (os) => os.map((o) => o.value)), ['', '1', '2', '3', '6']);
      await addWhatIf(page, { action: 'pause', cycles: 2, on: '2025-02-20' });
      const text = await editorText(page);
      assert.deepEqual(whatIfActions(text).map((a) => ({ on: a.on, do: a.do, subscription: a.subscription, cycles: a.cycles })),
                       [{ on: '2025-02-20', do: 'pause', subscription: 's1', cycles: 2 }]);
      const r = cli(text);
      assert.ok(r.spans.some((s) => s.state === 'paused' && s.from === '2025-03-15'), 'the engine pauses s1 from 15 March');
      assert.deepEqual(await shownBars(page), spans(r), 'timeline bars are the engine\'s, paused included');
      assert.deepEqual(await sentences(page), answers(text, 'en'), 'the answer is the narrator\'s');
      assert.ok((await sentences(page))[0].includes('15 March 2025'), 'the answer names the pause start');
      // The paused bar has its own fill, and the legend its own entry, in both languages.
      assert.equal(await page.$$eval('#timeline rect.bar[data-state="paused"]', (rs) => rs.every((r) => /-paused\)$/.test(r.getAttribute('fill') || ''))), true);
      assert.equal((await page.textContent('#legend li[data-state="paused"]')).trim(), 'paused');
      await page.click('#lang-fr');
      await page.waitForFunction(() => (document.querySelector('#legend li[data-state="paused"]') || {}).textContent === 'en pause');
      assert.equal((await page.textContent('#legend li[data-state="paused"]')).trim(), 'en pause');
      assert.equal(await page.$eval('.wi-action option[value="pause"]', (o) => o.textContent), 'Mettre en pause');
      assert.deepEqual(await sentences(page), answers(await editorText(page), 'fr'));
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('adds a resume that ends an open-ended pause, billed on the resume date as the engine says', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/change-immediate-upgrade.json');
    try {
      await page.click('#lang-en');
      await addWhatIf(page, { action: 'pause', cycles: '', on: '2025-02-20' });
      await addWhatIf(page, { action: 'resume', on: '2025-04-02' });
      const text = await editorText(page);
      assert.deepEqual(whatIfActions(text).map((a) => [a.on, a.do, a.cycles]), [['2025-02-20', 'pause', undefined], ['2025-04-02', 'resume', undefined]]);
      const r = cli(text);
      const resumed = r.events.filter((e) => e.type === 'resumed');
      assert.deepEqual(resumed.map((e) => [e.date, e.rule]), [['2025-04-02', 'pause.resumed_by_request']]);
      assert.ok(r.invoices.some((i) => i.date === '2025-04-02'), 'the resume is invoiced that day');
      assert.deepEqual(await shownBars(page), spans(r));
      const said = await sentences(page);
      assert.deepEqual(said, answers(text, 'en'));
      assert.ok(said[1].startsWith('If'), said[1]);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('does not offer pause or resume on a format 1 scenario', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#redhat-activation-never.json');
    try {
      const offered = await page.$$eval('.wi-action option', (os) => os.map((o) => o.value));
      assert.ok(!offered.includes('pause') && !offered.includes('resume'), `${offered}`);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
