'use strict';
// Failed payments and dunning on the page (SPEC-v2 §4, issue 12), in headless Chromium: past_due
// spans drawn as the engine's spans with their own legend entry, failed and retried payments as
// markers, unpaid invoices marked in the list and the total, and the what-if actions "payment
// fails" (no "by") and "update the card" whose answers are the narrator's. Any console error, page
// error, failed request or CSP violation fails.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { pageSuite, assertClean, afterRender, openPage, screenshotPath } = require('./helpers');

const suite = pageSuite('dunning');
const cli = (text) => suite.cli(text);
const editorText = (page) => page.evaluate(() => window.subsimPage.text());
async function shownBars(page) {
  return page.$$eval('#timeline rect.bar[data-from]', (rs) => rs.map((r) => [r.dataset.subscription, r.dataset.product, r.dataset.state, r.dataset.from, r.dataset.to].join('|')).sort());
}
const spans = (r) => r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();
function answers(text, lang) {
  const n = JSON.parse(suite.wasm.narration(text, lang));
  assert.ok(!n.errors, JSON.stringify(n.errors));
  return (JSON.parse(text).actions || []).map((a, i) => [a, i]).filter(([a]) => a['x-whatif'])
    .map(([, i]) => n.answers.find((x) => x.action === i).sentence);
}

describe('failed payments and dunning on the page', () => {
  it('draws past_due spans with their legend entry, payment markers and unpaid invoices', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/dunning-no-payment-method-cancelled.json');
    try {
      await page.click('#lang-en');
      const r = cli(await editorText(page));
      assert.ok(r.spans.some((s) => s.state === 'past_due'), 'the engine shows past_due');
      assert.deepEqual(await shownBars(page), spans(r), 'timeline bars are the engine\'s spans');
      assert.equal(await page.textContent('#legend li[data-state="past_due"]'), 'past due');
      // Three failed attempts (01-15, 01-17, 01-19), each a failed-payment marker.
      const failedDates = r.events.filter((e) => e.type === 'payment_failed' || (e.type === 'payment_retry' && !e.details.succeeded)).map((e) => e.date);
      assert.deepEqual(failedDates, ['2025-01-15', '2025-01-17', '2025-01-19']);
      const markers = await page.$$eval('#timeline g.mk-g-payment_failed', (gs) => gs.map((g) => +g.dataset.count).reduce((a, b) => a + b, 0));
      assert.equal(markers, failedDates.length, 'one marker per failed attempt');
      assert.ok(await page.$('#legend .mk-payment_failed'), 'the legend shows the failed-payment marker');
      // The invoice is unpaid and written off; the total says how much is unpaid.
      assert.equal(r.invoices[0].status, 'uncollectible');
      assert.equal(await page.$$eval('#invoice-rows tr.unpaid', (t) => t.length), 1);
      assert.ok((await page.textContent('#invoice-rows tr.unpaid')).includes('unpaid, written off'));
      assert.equal(await page.textContent('#invoice-total'), '€49.00');
      assert.equal(await page.textContent('#invoice-unpaid-row th'), 'Of which unpaid');
      assert.equal(await page.textContent('#invoice-unpaid'), '€49.00');
      await page.click('#lang-fr');
      assert.equal(await page.textContent('#legend li[data-state="past_due"]'), 'en retard de paiement');
      assert.equal(await page.textContent('#invoice-unpaid-row th'), 'Dont impayé');
      await page.locator('#timeline').screenshot({ path: screenshotPath('dunning-timeline-fr.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('marks a retry that went through, says an invoice paid late, and access suspended', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/dunning-rescueassist-card-expires.json');
    try {
      await page.click('#lang-en');
      const r = cli(await editorText(page));
      assert.deepEqual(await shownBars(page), spans(r));
      assert.equal(await page.$$eval('#timeline g.mk-g-payment_retry', (gs) => gs.length), 1);
      const late = r.invoices.find((i) => i.paid_on !== i.date);
      assert.equal(late.date, '2025-05-10');
      assert.ok((await page.textContent(`#invoice-rows tr[data-date="${late.date}"]`)).includes('paid on 24 May 2025'));
      assert.equal(await page.$$eval('#invoice-rows tr.unpaid', (t) => t.length), 0);
      assert.equal(await page.isVisible('#invoice-unpaid-row'), false, 'nothing unpaid: no unpaid row');
      // access_during_dunning false: the past_due bar is marked, and its description says so.
      assert.equal(await page.$$eval('#timeline rect.bar[data-access="suspended"]', (rs) => rs.map((r) => r.dataset.state).join()), 'past_due');
      const box = await page.locator('#timeline rect.bar[data-access="suspended"]').boundingBox();
      await page.mouse.click(box.x + Math.min(6, box.width / 4), box.y + box.height / 2);   // clear of the refusal marker of 05-15
      const tip = await page.textContent('.tl-tip');
      assert.ok(tip.includes('access suspended'), `the bar's details say access is suspended: ${tip}`);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('offers "payment fails" (without a user) and "update the card" as what-if actions', async () => {
    const page = await openPage(suite.browser, suite.server.url + '#v2/dunning-declined-recovered-by-update.json');
    try {
      await page.click('#lang-en');
      const original = await editorText(page);
      const offered = await page.$$eval('.wi-action option', (o) => o.map((x) => x.value));
      assert.ok(offered.includes('payment_fails') && offered.includes('update_payment_method'), `${offered}`);
      await page.selectOption('.wi-action', 'payment_fails');
      await page.uncheck('.wi-instead');   // in addition to the scenario's own failure of 03-15
      assert.equal(await page.isVisible('.wi-who'), false, 'a failed payment is nobody\'s action');
      assert.equal(await page.isVisible('.wi-sub'), true);
      await page.fill('.wi-date', '2025-04-10');
      await page.dispatchEvent('.wi-date', 'change');
      await afterRender(page, () => page.click('.wi-add'));
      const text = await editorText(page);
      const added = (JSON.parse(text).actions || []).filter((a) => a['x-whatif']);
      assert.deepEqual(added.map((a) => [a.on, a.do, a.subscription, a.by]), [['2025-04-10', 'payment_fails', 's1', undefined]]);
      const withAction = JSON.parse(original);
      withAction.actions.push({ on: '2025-04-10', do: 'payment_fails', subscription: 's1' });
      const r = cli(JSON.stringify(withAction));
      assert.ok(r.events.some((e) => e.type === 'payment_failed' && e.date === '2025-04-15'), 'the 04-15 invoice fails');
      assert.deepEqual(await shownBars(page), spans(r), 'bars as the CLI says');
      const sentence = await page.textContent('#whatif .wi-sentence');
      assert.equal(sentence, answers(text, 'en')[0], 'the answer is the narrator\'s');
      assert.ok(sentence.startsWith('If the payment for subscription'), sentence);
      // "Update the card" is a user's action: the who field is back.
      await page.selectOption('.wi-action', 'update_payment_method');
      assert.equal(await page.isVisible('.wi-who'), true);
      assert.equal(await page.isVisible('.wi-sub'), false);
      await page.fill('.wi-date', '2025-04-16');
      await page.dispatchEvent('.wi-date', 'change');
      await afterRender(page, () => page.click('.wi-add'));
      const text2 = await editorText(page);
      const all = answers(text2, 'en');
      assert.deepEqual(await page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent)), all);
      assert.ok(all[1].includes('is paid on 18 April 2025'), all[1]);
      await page.click('#lang-fr');
      assert.deepEqual(await page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent)), answers(text2, 'fr'));
      assert.equal(await page.textContent('.wi-action option[value="payment_fails"]'), 'Le paiement échoue');
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
