'use strict';
// The page at scale (issue 17, point 2): a scenario with a thousand product lines or years of
// daily events draws a bounded number of nodes. The timeline draws at most 40 lanes and says how
// many there are, with a button for 40 more (interface strings, fr + en); markers are a few paths
// per lane whatever the number of events; the event and invoice lists show a page of rows with
// "show more". The scenarios are generated here (no large file in the repository). The main
// thread is watched with the Long Tasks API: once the answer is drawn, no task of the page
// (deferred lists, what-if marks) holds it for long. Any console error, page error, failed
// request or CSP violation fails.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { pageSuite, assertClean, afterRender, openPage } = require('./helpers');

const suite = pageSuite('scale');

// `subs` subscriptions, each with `products` products billed every `period` with a reminder the
// day before, over `years` years from 2020.
function generated(subs, products, period, years) {
  const prods = [], plans = [], subscriptions = [];
  for (let p = 0; p < products; p++) {
    prods.push({ id: 'p' + p, name: 'Product ' + p });
    plans.push({ id: 'pl' + p, product: 'p' + p, period, price: 100 + p, reminders: ['P1D'] });
  }
  for (let s = 0; s < subs; s++) subscriptions.push({ id: 's' + s, plans: plans.map((x) => x.id), start: '2020-01-01' });
  return JSON.stringify({
    subsim: 1, title: 'scale', start: '2020-01-01', until: (2019 + years) + '-12-31', currency: 'EUR',
    account: { id: 'a', created: '2019-01-01', owner: 'o', payment_method: true, users: [{ id: 'o', role: 'owner' }] },
    catalog: { products: prods, plans }, subscriptions,
  }, null, 2);
}

// Opens the page, starts recording long tasks, and shows `text` as if typed.
async function show(text, lang) {
  const page = await openPage(suite.browser, suite.server.url + '?lang=' + lang);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask' });
  });
  await afterRender(page, () => page.evaluate((t) => { window.renderedAt = performance.now(); window.subsimPage.run(t); window.renderedAt = performance.now(); }, text));
  return page;
}

const counts = (page) => page.evaluate(() => ({
  all: document.getElementsByTagName('*').length,
  timeline: document.querySelectorAll('#timeline *').length,
  lanes: document.querySelectorAll('#timeline .tl-label:not(.tl-label-axis)').length,
  events: document.querySelectorAll('#events li').length,
  invoices: document.querySelectorAll('#invoice-rows tr').length,
}));

// The longest task after the answer was drawn (the deferred lists and marks), in ms.
const longestAfterRender = (page) => page.evaluate(() => Math.max(0, ...window.longTasks.filter((t) => t.start >= window.renderedAt).map((t) => t.ms)));

describe('the page at scale', () => {
  it('draws 40 of 1,470 lanes, says so, and draws 40 more on demand', async () => {
    const text = generated(490, 2, 'P1M', 3);
    const total = 490 * 3;   // a lane per subscription and one per product
    const page = await show(text, 'en');
    try {
      const c = await counts(page), longest = await longestAfterRender(page);
      assert.ok(longest < 1500, `the main thread was held ${longest} ms after the answer was drawn`);
      assert.equal(c.lanes, 40, 'the first 40 lanes are drawn');
      assert.ok(c.timeline < 1500, `the timeline holds ${c.timeline} nodes`);
      assert.ok(c.all < 9000, `the document holds ${c.all} nodes`);
      assert.equal(await page.textContent('#timeline .tl-more-text'), `40 of ${total} lines shown`);
      assert.equal(await page.textContent('#timeline .tl-more-btn'), 'Show 40 more lines');
      await page.click('#timeline .tl-more-btn');
      await page.waitForFunction(() => document.querySelectorAll('#timeline .tl-label:not(.tl-label-axis)').length === 80);
      assert.equal(await page.textContent('#timeline .tl-more-text'), `80 of ${total} lines shown`);
      // The lanes drawn are the model's first ones: the 80th is s26's first product.
      assert.equal(await page.$eval('#timeline .tl-label:last-child', (d) => d.title), 'Product 0');
      await page.click('#lang-fr');
      await page.waitForFunction(() => /lignes affichées/.test(document.querySelector('#timeline .tl-more-text').textContent));
      assert.equal(await page.textContent('#timeline .tl-more-text'), `80 lignes affichées sur ${total}`);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('draws ten years of daily invoices and reminders with a bounded number of nodes', async () => {
    const text = generated(2, 1, 'P1D', 10);
    const r = JSON.parse(suite.wasm.simulate(text));
    assert.ok(r.events.length > 14000, `${r.events.length} events`);
    const page = await show(text, 'en');
    try {
      const c = await counts(page), longest = await longestAfterRender(page);
      assert.ok(longest < 1500, `the main thread was held ${longest} ms after the answer was drawn`);
      assert.ok(c.timeline < 600, `the timeline holds ${c.timeline} nodes for ${r.events.length} events`);
      assert.equal(c.events, 200, 'one page of events');
      assert.equal(c.invoices, 100, 'one page of invoices');
      assert.equal(await page.isVisible('#events-more'), true);
      assert.equal(await page.isVisible('#timeline .tl-more'), false, 'every lane is drawn');
      // Markers: a few paths per lane and band of the drawn window (timeline-mark-bands.js: 4), however many events.
      const paths = await page.$$eval('#timeline .tl-marks path', (ps) => ps.length);
      assert.ok(paths <= 3 * 4 * 3 * 4, `${paths} marker paths`);
      // Zoomed in to days, the markers in view (and half a screen each side) are drawn, no more.
      for (let k = 0; k < 6; k++) await page.click('#timeline .tl-toolbar .tl-btn:nth-child(2)');
      assert.ok((await counts(page)).timeline < 600);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('rewrites the marker paths of one band when an edit moves one marker', async () => {
    // Ten years of monthly invoices and reminders, and a cancellation moved by one day: only the
    // band of the drawn window holding the cancellation's marker is drawn again (timeline-mark-bands.js).
    const sc = JSON.parse(generated(1, 1, 'P1M', 10));
    sc.permissions = { cancel: ['owner'] };
    const at = (on) => { sc.actions = [{ on, do: 'cancel', subscription: 's0', by: 'o' }]; return JSON.stringify(sc, null, 2); };
    const page = await show(at('2023-08-10'), 'en');
    try {
      const paths = () => page.$$eval('#timeline .tl-marks path', (ps) => ps.map((p) => {
        const same = [...p.parentNode.children].filter((q) => q.getAttribute('class') === p.getAttribute('class'));
        return { lane: [...p.closest('.tl-lanes').children].indexOf(p.closest('svg')), band: same.indexOf(p), d: p.getAttribute('d') || '' };
      }));
      const before = await paths();
      await page.$$eval('#timeline .tl-marks path', (ps) => ps.forEach((p) => { p.dataset.kept = '1'; }));
      await afterRender(page, () => page.evaluate((t) => window.subsimPage.run(t), at('2023-08-11')));
      const after = await paths();
      assert.equal(after.length, before.length);
      assert.equal(await page.$$eval('#timeline .tl-marks path:not([data-kept])', (ps) => ps.length), 0, 'the same paths, none made again');
      const changed = after.filter((p, i) => p.d !== before[i].d);
      assert.ok(changed.length > 0, 'the moved marker is drawn');
      assert.deepEqual([...new Set(changed.map((p) => p.band))], [changed[0].band], 'one band of its lane');
      assert.ok(changed.length < after.filter((p) => p.d).length / 2, `${changed.length} of ${after.length} paths rewritten`);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('draws a run of state changes too narrow to tell apart as one band', async () => {
    // A cancellation withdrawn four days later, every month for ten years: 241 state bars in one lane.
    const actions = [];
    for (let m = 0; m < 120; m++) {
      const on = (d) => `${2020 + Math.floor(m / 12)}-${String(m % 12 + 1).padStart(2, '0')}-${d}`;
      actions.push({ on: on('05'), do: 'cancel', subscription: 's0', by: 'o' }, { on: on('09'), do: 'reactivate', subscription: 's0', by: 'o' });
    }
    const sc = JSON.parse(generated(1, 1, 'P1M', 10));
    sc.catalog.plans[0].notice = 'P10D';
    sc.permissions = { cancel: ['owner'], reactivate: ['owner'] };
    sc.actions = actions;
    const text = JSON.stringify(sc, null, 2), r = JSON.parse(suite.wasm.simulate(text));
    const lane = r.spans.filter((s) => s.product === 'p0');
    assert.ok(lane.length > 200, `${lane.length} state bars`);
    const page = await show(text, 'en');
    try {
      const drawn = () => page.$$eval('#timeline .tl-bars rect.bar, #timeline .tl-bars rect.bar-dense', (rs) => rs.map((x) => ({
        dense: x.classList.contains('bar-dense'), count: +(x.dataset.count || 1), product: x.dataset.product })));
      const fit = await drawn();
      const bands = fit.filter((x) => x.dense);
      assert.ok(bands.length > 0 && fit.length < 120, `${fit.length} rects, ${bands.length} bands at the whole horizon`);
      assert.ok(bands.every((x) => x.count > 1), 'a band stands for several bars');
      // Zoomed in, every bar in view is its own again.
      for (let k = 0; k < 5; k++) await page.click('#timeline .tl-toolbar .tl-btn:nth-child(2)');
      assert.equal((await drawn()).filter((x) => x.dense).length, 0, 'no band once the bars are wide enough');
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
