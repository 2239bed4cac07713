'use strict';
// Term-end actions and billing days on the page (issue 13, SPEC-v2 §5 and §6), in headless
// Chromium: the evergreen phase and the stubs (partial first and last periods) are drawn as their
// own kinds on the state bars, each with a legend entry, exactly where the engine's result puts
// them; a what-if cancellation in the evergreen phase is answered with the exit date under the
// evergreen notice, in the narrator's words (English and French). Any console error, page error,
// failed request or CSP violation fails.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { pageSuite, assertClean, afterRender, openPage, screenshotPath } = require('./helpers');

const suite = pageSuite('terms');
const cli = (text) => suite.cli(text);
const editorText = (page) => page.evaluate(() => window.subsimPage.text());
// Overlays drawn in the bars of `sub`: "from|to", sorted.
function overlays(page, cls, sub) {
  return page.$$eval(`#timeline .tl-chart rect.${cls}`, (rs, s) => rs.filter((r) => r.dataset.subscription === s)
    .map((r) => r.dataset.from + '|' + r.dataset.to).sort(), sub);
}
// The spans of a subscription's first product in the engine's result.
const spansOf = (r, sub) => r.spans.filter((s) => s.subscription === sub);

describe('timeline: evergreen phase and stubs (SPEC-v2 §5, §6)', () => {
  it('draws the evergreen phase from evergreen_started and the partial last periods, with legend entries', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/evergreen-any-day.json');
    try {
      await page.click('#lang-en');
      const r = cli(await editorText(page));
      const t1 = r.events.find((e) => e.type === 'evergreen_started' && e.subscription === 's1').date;
      assert.equal(t1, '2025-04-01');
      // s1: the evergreen band covers its live bars from T1 to its end (the cancellation on 2025-07-10).
      const band = await overlays(page, 'evergreen', 's1');
      const live = spansOf(r, 's1').filter((s) => s.state !== 'cancelled' && s.to > t1);
      assert.deepEqual(band, live.map((s) => (s.from > t1 ? s.from : t1) + '|' + s.to).sort());
      assert.equal(band[band.length - 1].split('|')[1], '2025-07-10');
      // Partial last periods: [07-01, 07-10) for s1, [04-01, 04-15) for s2 (Example 5.B and its variant).
      assert.deepEqual(await overlays(page, 'stub', 's1'), ['2025-07-01|2025-07-10']);
      assert.deepEqual(await overlays(page, 'stub', 's2'), ['2025-04-01|2025-04-15']);
      // The legend names both kinds, from strings.js, in each language.
      assert.equal(await page.textContent('#legend li[data-legend="evergreen"] span'), 'no end date (evergreen), after the minimum term');
      assert.equal(await page.textContent('#legend li[data-legend="stub"] span'), 'part of a period, billed by the day');
      await page.click('#lang-fr');
      assert.equal(await page.textContent('#legend li[data-legend="stub"] span'), 'fraction de période, facturée au jour');
      await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('terms-evergreen.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('draws a billing-day stub, prorated after a trial, and none when the stub is free', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/billing-day-last-after-trial.json');
    try {
      await page.click('#lang-en');
      assert.deepEqual(await overlays(page, 'stub', 's1'), ['2025-02-24|2025-02-28']);
      assert.deepEqual(await overlays(page, 'stub', 's2'), [], 'a free stub is not billed, so not drawn as one');
      assert.deepEqual(await overlays(page, 'evergreen', 's1'), []);
      await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('terms-billing-day.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});

describe('what-if: a cancellation in the evergreen phase (SPEC-v2 §5.5)', () => {
  it('answers with the exit date under the evergreen notice, in the narrator\'s words', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/evergreen-any-day.json');
    try {
      await page.click('#lang-en');
      await page.selectOption('.wi-action', 'cancel');
      await page.selectOption('.wi-sub', 's1');
      await page.check('.wi-instead');
      await page.fill('.wi-date', '2025-06-20');
      await page.dispatchEvent('.wi-date', 'change');
      await afterRender(page, () => page.click('.wi-add'));
      const text = await editorText(page);
      const r = cli(text);
      const sched = r.events.find((e) => e.type === 'cancellation_scheduled' && e.subscription === 's1');
      assert.equal(sched.rule, 'cancellation.evergreen');
      assert.equal(sched.details.effective, '2025-07-20', '06-20 + one month, any day');
      const k = JSON.parse(text).actions.findIndex((a) => a['x-whatif']);
      const expected = (lang) => JSON.parse(suite.wasm.narration(text, lang)).answers.find((a) => a.action === k).sentence;
      const shown = await page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent));
      assert.deepEqual(shown, [expected('en')]);
      assert.ok(shown[0].includes('20 July 2025'), shown[0]);
      assert.ok(shown[0].includes('past its minimum term'), shown[0]);
      await page.click('#lang-fr');
      const fr = await page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent));
      assert.deepEqual(fr, [expected('fr')]);
      assert.ok(fr[0].includes('20 juillet 2025'), fr[0]);
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('terms-whatif-evergreen-fr.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
