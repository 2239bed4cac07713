'use strict';
// What-if exploration on the page (issue 4), in headless Chromium from a server with the strict
// CSP: a cancellation added through the UI (click, keyboard, drag) changes the effective date
// exactly as `subsim run --json` says for the modified scenario; the answer sentence, the
// compare view, undo/redo, download and share links (compressed, and the uncompressed fallback)
// round-trip. Any console error, page error, failed request or CSP violation fails.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { SITE, SCENARIOS, runCli, loadWasm, startServer, launchBrowser, openPage, screenshotPath, narratorMoney } = require('./helpers');

let browser, server, wasm, tmp;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, 'index.html')), `${SITE} is missing: run web/build.sh`);
  wasm = await loadWasm();
  server = await startServer(SITE);
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'subsim-whatif-'));
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const read = (f) => fs.readFileSync(path.join(SCENARIOS, f), 'utf8');
// The native CLI on a scenario text (the reference for what the page shows).
function cli(text) {
  const f = path.join(tmp, `s${Date.now()}${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, text);
  const r = runCli(f);
  assert.ok(r.status === 0 || r.status === 1, `subsim run exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.toString('utf8'));
}
function addDays(iso, n) { return new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10); }
function dayNum(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000); }

async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}
// The page writes amounts as the narrator does (helpers.js narratorMoney).
async function fmtMoney(page, lang, currency, minor) { return narratorMoney(minor, currency, lang); }
const renders = (page) => page.evaluate(() => +document.body.dataset.renders);
async function afterRender(page, action) {
  const n = await renders(page);
  await action();
  await page.waitForFunction((k) => +document.body.dataset.renders > k, n);
  // What follows the painted frame: the lists, the before/after, the totals line.
  await page.waitForFunction(() => document.body.dataset.lists === document.body.dataset.renders || !document.getElementById('errors').hidden);
  await page.waitForFunction(() => !document.querySelector('#whatif .wi-item') || !document.querySelector('#whatif .wi-totals').hidden);
}
async function setEditor(page, text) { await page.evaluate(() => { document.getElementById('editor-panel').open = true; }); await afterRender(page, () => page.fill('#source', text)); }
const editorText = (page) => page.evaluate(() => window.subsimPage.text());
function whatIfActions(text) { return (JSON.parse(text).actions || []).filter((a) => a['x-whatif']); }
async function shownBars(page) {
  return page.$$eval('#timeline rect.bar[data-from]', (rs) => rs.map((r) => [r.dataset.subscription, r.dataset.product, r.dataset.state, r.dataset.from, r.dataset.to].join('|')).sort());
}
const spans = (r) => r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();
const sentences = (page) => page.$$eval('#whatif .wi-sentence', (ps) => ps.map((p) => p.textContent));
// The narrator's answers for the what-if actions of `text` (narration().answers, found by the
// action's index in `actions`), in `lang`: what the panel must show, word for word.
function answers(text, lang) {
  const n = JSON.parse(wasm.narration(text, lang));
  assert.ok(!n.errors, JSON.stringify(n.errors));
  return (JSON.parse(text).actions || []).map((a, i) => [a, i]).filter(([a]) => a['x-whatif'])
    .map(([, i]) => { const a = n.answers.find((x) => x.action === i); assert.ok(a, `no answer for action ${i}`); return a.sentence; });
}

// The page agrees with the CLI on the modified scenario: bars, and for the what-if cancellation
// on `on`, the sentence names its access end, its effective date and (when missed) the deadline.
async function checkCancellation(page, on, lang) {
  const text = await editorText(page);
  const r = cli(text);
  assert.ok(!r.errors, JSON.stringify(r.errors));
  assert.deepEqual(await shownBars(page), spans(r), 'timeline bars are the engine\'s');
  const sched = r.events.find((e) => e.type === 'cancellation_scheduled' && e.date === on);
  assert.ok(sched, `the engine schedules a cancellation on ${on}`);
  const shown = await sentences(page);
  assert.deepEqual(shown, answers(text, lang), 'the answers are the narrator\'s');
  const [sentence] = shown;
  assert.equal(await page.$$eval('#whatif .wi-sentence.missed', (ps) => ps.length), sched.details.deadline_missed ? 1 : 0, 'a late request is marked');
  // The subscription's bars change state exactly on the engine's effective date.
  const bars = await shownBars(page);
  assert.ok(bars.some((b) => b.split('|')[2] === 'cancelled' && b.split('|')[3] === sched.details.effective) ||
            bars.some((b) => b.split('|')[2] === 'pending_cancellation' && b.split('|')[4] === sched.details.effective),
            `a bar changes state on ${sched.details.effective}`);
  return { r, sched, sentence };
}

describe('what-if on the page', () => {
  it('adds a cancellation with a click on the timeline, as the engine computes it', async () => {
    const page = await openPage(browser, server.url + '#rescueassist-cancel-reactivate.json');
    try {
      await page.click('#lang-en');
      const original = read('rescueassist-cancel-reactivate.json');
      const scenario = JSON.parse(original);
      // Click two thirds of the way into the chart (after the scenario's own reactivation), on the
      // product's bar.
      const box = await page.locator('#timeline .tl-scroll').boundingBox();
      await page.mouse.click(box.x + box.width * 0.66, box.y + 95);
      const on = await page.inputValue('.wi-date');
      assert.ok(on > scenario.start && on < scenario.until, `picked ${on}`);
      assert.equal(await page.getAttribute('.wi-handle', 'aria-valuetext') !== null, true);
      // Defaults: cancel the whole subscription, by someone allowed to.
      assert.equal(await page.inputValue('.wi-action'), 'cancel');
      await afterRender(page, () => page.click('.wi-add'));
      const text = await editorText(page);
      const added = whatIfActions(text);
      assert.equal(added.length, 1);
      assert.deepEqual({ on: added[0].on, do: added[0].do, subscription: added[0].subscription }, { on, do: 'cancel', subscription: 's1' });
      assert.ok(['camille', 'hugo'].includes(added[0].by), `done by a user allowed to cancel: ${added[0].by}`);
      // Inserted in date order: after every action dated on or before it.
      const dates = JSON.parse(text).actions.map((a) => a.on);
      const k = JSON.parse(text).actions.findIndex((a) => a['x-whatif']);
      assert.ok(dates.slice(0, k).every((d) => d <= on) && dates.slice(k + 1).every((d) => d > on), dates.join(' '));
      const { r, sentence: enAnswer } = await checkCancellation(page, on, 'en');
      // The compare view: before (no what-if) and after, with the difference in charges.
      assert.equal(await page.isVisible('#compare-card'), true);
      const beforeR = cli(original);
      const diff = r.summary.total_charged - beforeR.summary.total_charged;
      assert.equal(+(await page.getAttribute('#compare-table tr.cmp-total', 'data-diff')), diff);
      assert.ok((await page.textContent('#compare-table tr.cmp-total')).includes(await fmtMoney(page, 'en', 'EUR', Math.abs(diff))));
      assert.equal(await page.$$eval('#tl-before rect.bar[data-from]', (rs) => rs.length), beforeR.spans.length);
      assert.equal(await page.$$eval('#tl-after rect.bar[data-from]', (rs) => rs.length), r.spans.length);
      const totals = await page.textContent('#whatif .wi-totals');
      assert.ok(totals.includes(await fmtMoney(page, 'en', 'EUR', beforeR.summary.total_charged)) &&
                totals.includes(await fmtMoney(page, 'en', 'EUR', r.summary.total_charged)), totals);
      await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('whatif-timeline.png') });
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-answer.png') });
      await page.locator('#compare-card').screenshot({ path: screenshotPath('whatif-compare.png') });
      // French: the same answer in French, with French dates.
      await page.click('#lang-fr');
      const [fr] = await sentences(page);
      assert.deepEqual([fr], answers(await editorText(page), 'fr'));
      assert.notEqual(fr, enAnswer, 'the answer follows the language');
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-answer-fr.png') });
      // Removing it gives the scenario back, byte for byte.
      await afterRender(page, () => page.click('#whatif .wi-remove'));
      assert.equal(await editorText(page), original);
      assert.equal(await page.isVisible('#compare-card'), false);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('misses a notice deadline with the keyboard, drags the action and moves it, as the engine computes it', async () => {
    const page = await openPage(browser, server.url + '#zendesk-notice-missed.json');
    try {
      // The yearly plan with 30 days' notice, without the scenario's own action.
      const s = JSON.parse(read('zendesk-notice-missed.json'));
      delete s.actions;
      s.expect = [];
      const base = JSON.stringify(s, null, 2) + '\n';
      await setEditor(page, base);
      // The first term ends on 2025-03-01: its notice deadline is 2025-01-30. Walk the date handle
      // there with the keyboard (Home, Page Down by months, arrows by days), one day late.
      const target = '2025-01-31';
      await page.focus('.wi-handle');
      await page.keyboard.press('Home');
      assert.equal(await page.getAttribute('.wi-handle', 'aria-valuenow'), String(dayNum(s.start)));
      for (let i = 0; i < 40 && +(await page.getAttribute('.wi-handle', 'aria-valuenow')) < dayNum(target) - 31; i++) await page.keyboard.press('PageDown');
      for (let i = 0; i < 62; i++) {
        const now = +(await page.getAttribute('.wi-handle', 'aria-valuenow'));
        if (now === dayNum(target)) break;
        await page.keyboard.press(now < dayNum(target) ? 'ArrowRight' : 'ArrowLeft');
      }
      assert.equal(await page.inputValue('.wi-date'), target);
      await afterRender(page, () => page.keyboard.press('Enter'));
      const first = await checkCancellation(page, target, 'en');
      assert.equal(first.sched.details.deadline_missed, true);
      assert.equal(first.sched.details.effective, '2026-03-01');
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-deadline-missed.png') });
      // Drag the pin back by about a month: the release date is the action's new date.
      const pin = page.locator('#timeline .wi-pin').first();
      const pb = await pin.boundingBox();
      const ppd = await page.evaluate(() => {
        const sc = document.querySelector('#timeline .tl-scroll'), svg = sc.querySelector('svg');
        return (+svg.getAttribute('width') - 20) / ((Date.parse('2026-05-01') - Date.parse('2024-03-01')) / 86400000);
      });
      await page.mouse.move(pb.x + pb.width / 2, pb.y + pb.height / 2);
      await page.mouse.down();
      await page.mouse.move(pb.x + pb.width / 2 - 15 * ppd, pb.y + pb.height / 2, { steps: 4 });
      await page.mouse.move(pb.x + pb.width / 2 - 35 * ppd, pb.y + pb.height / 2, { steps: 4 });
      const dropped = await pin.getAttribute('data-drag-date');
      assert.ok(dropped && dropped < '2025-01-30', `dragged to ${dropped}`);
      await afterRender(page, () => page.mouse.up());
      assert.equal(whatIfActions(await editorText(page))[0].on, dropped);
      const second = await checkCancellation(page, dropped, 'en');
      assert.equal(second.sched.details.deadline_missed, false);
      assert.equal(second.sched.details.effective, '2025-03-01');
      // The pin keeps the focus; arrow keys move it by a day.
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains('wi-pin')), true);
      await afterRender(page, () => page.keyboard.press('ArrowRight'));
      const moved = addDays(dropped, 1);
      assert.equal(whatIfActions(await editorText(page))[0].on, moved);
      await checkCancellation(page, moved, 'en');
      // Delete removes it: the text is the scenario as it was, without an "actions" list.
      await afterRender(page, () => page.keyboard.press('Delete'));
      assert.equal(await editorText(page), base);
      // Undo (outside the editor) brings it back, redo removes it again.
      await page.focus('#summary-title').catch(() => {});
      await page.evaluate(() => document.activeElement && document.activeElement.blur());
      await afterRender(page, () => page.keyboard.press('Control+z'));
      assert.equal(whatIfActions(await editorText(page))[0].on, moved);
      await afterRender(page, () => page.keyboard.press('Control+Shift+z'));
      assert.equal(await editorText(page), base);
      // The buttons too.
      await afterRender(page, () => page.click('#undo'));
      assert.equal(whatIfActions(await editorText(page)).length, 1);
      await afterRender(page, () => page.click('#redo'));
      assert.equal(whatIfActions(await editorText(page)).length, 0);
      // Inside the editor, Ctrl+Z is the editor's own undo, not the page's.
      const hist = await page.evaluate(() => subsimPage.history());
      await page.focus('#source');
      await page.keyboard.press('Control+z');
      assert.deepEqual(await page.evaluate(() => subsimPage.history()), hist);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('adds every kind of action, by each kind of person, and says what happens', async () => {
    const page = await openPage(browser, server.url + '#zendesk-product-removal.json');
    try {
      await page.click('#lang-en');
      const text0 = await editorText(page);
      const sc = JSON.parse(text0);
      await page.fill('.wi-date', '2025-02-03');
      await page.dispatchEvent('.wi-date', 'change');
      // One product, by a user whose role may not cancel: refused, and said so.
      await page.selectOption('.wi-action', 'cancel');
      await page.selectOption('.wi-prod', 'talk');
      const refusedBy = sc.account.users.find((u) => u.role !== 'owner' && !((sc.permissions || {}).cancel || ['owner']).includes(u.role));
      assert.ok(refusedBy, 'a user who may not cancel');
      const opts = await page.$$eval('.wi-who option', (os) => os.map((o) => [o.value, o.textContent]));
      await page.selectOption('.wi-who', opts.find((o) => o[1].startsWith(refusedBy.id + ' '))[0]);
      await afterRender(page, () => page.click('.wi-add'));
      let r = cli(await editorText(page));
      const refusal = r.events.find((e) => e.type === 'action_refused' && e.date === '2025-02-03');
      assert.ok(refusal, 'the engine refuses it');
      assert.deepEqual(await sentences(page), answers(await editorText(page), 'en'), 'the refusal is the narrator\'s answer');
      assert.equal(await page.$$eval('#whatif .wi-sentence.refused', (ps) => ps.length), 1, 'the refusal is marked');
      assert.ok(opts.find((o) => o[1].startsWith(refusedBy.id + ' '))[1].includes('not allowed'), 'the list says who may not');
      // Each other action kind, by the owner: the engine accepts the text, the page has a sentence.
      await page.selectOption('.wi-who', opts.find((o) => o[1].startsWith(sc.account.owner + ' '))[0]);
      for (const [action, day] of [['reactivate', '2025-03-10'], ['renew', '2025-03-12'], ['add_payment_method', '2025-03-14'], ['close_account', '2025-03-16']]) {
        await page.fill('.wi-date', day);
        await page.dispatchEvent('.wi-date', 'change');
        await page.selectOption('.wi-action', action);
        await afterRender(page, () => page.click('.wi-add'));
        const text = await editorText(page);
        r = cli(text);
        assert.ok(!r.errors, `${action}: ${JSON.stringify(r.errors)}`);
        assert.ok(whatIfActions(text).some((a) => a.do === action && a.on === day), action);
      }
      const all = await sentences(page);
      assert.equal(all.length, 5);
      assert.deepEqual(all, answers(await editorText(page), 'en'), 'every answer is the narrator\'s');
      all.forEach((s) => assert.ok(s.length > 0));
      assert.ok(await page.$$eval('#whatif .wi-sentence.refused', (ps) => ps.length) < 5, 'some are accepted');
      assert.deepEqual(await page.$$eval('#timeline .wi-pin', (ps) => ps.map((p) => p.dataset.on)).then((d) => d.sort()),
                       ['2025-02-03', '2025-03-10', '2025-03-12', '2025-03-14', '2025-03-16']);
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-all-actions.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});

describe('lists after an edit', () => {
  it('keeps the event and invoice rows an edit did not change, and shows every row as the engine says', async () => {
    const page = await openPage(browser, server.url + '#rescueassist-cancel-reactivate.json');
    try {
      await page.click('#lang-en');
      await afterRender(page, () => page.click('.wi-add'));
      const tag = () => page.evaluate(() => document.querySelectorAll('#events > li, #invoice-rows > tr').forEach((n) => { n.kept = true; }));
      const rows = () => page.evaluate(() => ({
        events: [...document.querySelectorAll('#events > li')].map((li) => ({ id: li.id, index: +li.dataset.index, type: li.dataset.type, date: li.dataset.date, sentence: li.querySelector('.sentence').textContent, kept: !!li.kept })),
        invoices: [...document.querySelectorAll('#invoice-rows > tr')].map((tr) => ({ date: tr.dataset.date, kept: !!tr.kept })),
      }));
      await tag();
      await page.focus('#timeline .wi-pin');
      await afterRender(page, () => page.keyboard.press('ArrowRight'));
      const text = await editorText(page), r = cli(text), n = JSON.parse(wasm.narration(text, 'en'));
      const after = await rows();
      // Every row is the engine's event at its index, with the narrator's sentence, in order.
      assert.deepEqual(after.events.map((e) => [e.id, e.index, e.type, e.date, e.sentence]),
        r.events.map((e, i) => ['ev-' + i, i, e.type, e.date, n.events[i]]));
      assert.deepEqual(after.invoices.map((i) => i.date), r.invoices.map((i) => i.date));
      // Rows before the moved cancellation are the same elements as before the edit.
      const on = whatIfActions(text)[0].on;
      const early = after.events.filter((e) => e.date < addDays(on, -1));
      assert.ok(early.length > 0 && early.every((e) => e.kept), 'unchanged event rows are kept');
      assert.ok(after.events.some((e) => !e.kept), 'the changed rows are new');
      assert.ok(after.invoices.filter((i) => i.date < addDays(on, -1)).every((i) => i.kept), 'unchanged invoice rows are kept');
      // A kept row's date button still shows its own event on the timeline.
      await page.click('#ev-0 .ev-date');
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('leaves the closed JSON panel alone on an edit, and shows the edited text with its line numbers when opened', async () => {
    const page = await openPage(browser, server.url + '#rescueassist-cancel-reactivate.json');
    try {
      await afterRender(page, () => page.click('.wi-add'));
      await page.focus('#timeline .wi-pin');
      const shown = () => page.evaluate(() => document.getElementById('source').value);
      const before = await shown();
      await afterRender(page, () => page.keyboard.press('ArrowRight'));
      const text = await editorText(page);
      assert.ok(whatIfActions(text).length === 1 && text !== before, 'the edit is the page\'s text');
      assert.equal(await shown(), before, 'a closed panel\'s textarea is not rewritten on an edit');
      await page.click('#editor-panel > summary');
      await page.waitForFunction((t) => document.getElementById('source').value === t, text);
      assert.equal(await page.evaluate(() => document.getElementById('gutter').textContent.split('\n').length), text.split('\n').length);
      // Open, the textarea follows every edit.
      await page.focus('#timeline .wi-pin');
      await afterRender(page, () => page.keyboard.press('ArrowRight'));
      assert.equal(await shown(), await editorText(page));
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});

describe('what-if: activate (issue 18)', () => {
  it('offers "activate" with an activation number; a wrong number is refused, the right one activates', async () => {
    const page = await openPage(browser, server.url + '#redhat-activation-never.json');
    try {
      await page.click('#lang-en');
      const text0 = await editorText(page);
      const sc = JSON.parse(text0);
      const offered = await page.$$eval('.wi-action option', (os) => os.map((o) => o.value));
      const names = JSON.parse(wasm.catalogue()).actions;
      assert.ok(offered.includes('activate'), `activate is offered: ${offered}`);
      assert.deepEqual(offered, names.filter((a) => offered.includes(a)), 'in the catalogue\'s order');
      assert.ok(!offered.includes('transfer'), 'transfer needs a target account the form does not ask for');
      // The number field shows for activate only.
      await page.selectOption('.wi-action', 'cancel');
      assert.equal(await page.isVisible('.wi-number'), false);
      await page.selectOption('.wi-action', 'activate');
      assert.equal(await page.isVisible('.wi-number'), true);
      assert.equal(await page.isVisible('.wi-sub'), true);
      // A wrong number first, by the org admin: refused (wrong_number).
      const who = await page.$$eval('.wi-who option', (os) => os.map((o) => [o.value, o.textContent]));
      await page.selectOption('.wi-who', who.find((o) => o[1].startsWith('ngozi '))[0]);
      await page.fill('.wi-date', '2024-10-08');
      await page.dispatchEvent('.wi-date', 'change');
      await page.fill('.wi-number', 'RH-0000-0000');
      await afterRender(page, () => page.click('.wi-add'));
      let text = await editorText(page);
      assert.deepEqual(whatIfActions(text).map((a) => ({ on: a.on, do: a.do, by: a.by, subscription: a.subscription, number: a.number })),
                       [{ on: '2024-10-08', do: 'activate', by: 'ngozi', subscription: 's1', number: 'RH-0000-0000' }]);
      let r = cli(text);
      const refused = r.events.find((e) => e.type === 'action_refused' && e.date === '2024-10-08');
      assert.ok(refused && refused.details.action === 'activate', 'the engine refuses the wrong number');
      assert.deepEqual(await sentences(page), answers(text, 'en'), 'the refusal is the narrator\'s answer');
      assert.equal(await page.$$eval('#whatif .wi-sentence.refused', (ps) => ps.length), 1, 'the refusal is marked');
      // The right number two days later: activated, the bar turns active that day.
      await page.fill('.wi-date', '2024-10-10');
      await page.dispatchEvent('.wi-date', 'change');
      await page.fill('.wi-number', sc.subscriptions[0].number);
      await afterRender(page, () => page.click('.wi-add'));
      text = await editorText(page);
      r = cli(text);
      assert.ok(r.events.some((e) => e.type === 'activated' && e.date === '2024-10-10'), 'the engine activates it');
      assert.deepEqual(await shownBars(page), spans(r), 'timeline bars are the engine\'s');
      const bars = await shownBars(page);
      assert.ok(bars.some((b) => b.split('|')[2] === 'pending_activation' && b.split('|')[4] === '2024-10-10'), 'awaiting activation until then');
      assert.deepEqual(await sentences(page), answers(text, 'en'), 'every answer is the narrator\'s');
      await page.click('#lang-fr');
      assert.deepEqual(await sentences(page), answers(text, 'fr'), 'in French too');
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-activate-fr.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});

describe('share and save', () => {
  async function addCancel(page, on) {
    await page.fill('.wi-date', on);
    await page.dispatchEvent('.wi-date', 'change');
    await page.selectOption('.wi-action', 'cancel');
    await afterRender(page, () => page.click('.wi-add'));
  }
  async function state(page) {
    return {
      text: await editorText(page),
      whatifs: await page.$$eval('#whatif .wi-what', (ps) => ps.map((p) => p.textContent)),
      bars: await shownBars(page),
      sentences: await sentences(page),
    };
  }

  it('round-trips a compressed share link: same scenario, same what-if actions', async () => {
    const page = await openPage(browser, server.url + '#zendesk-legacy-suite-removal.json');
    try {
      await page.click('#lang-fr');
      await addCancel(page, '2025-02-20');
      await addCancel(page, '2025-04-02');
      const want = await state(page);
      assert.equal(whatIfActions(want.text).length, 2);
      await page.click('#share');
      await page.waitForFunction(() => document.getElementById('share-link').value.includes('#z='));
      const link = await page.inputValue('#share-link');
      assert.match(link, /#z=[A-Za-z0-9_-]+&lang=fr$/);
      assert.ok(link.length < want.text.length, `compressed: ${link.length} < ${want.text.length}`);
      // Nothing was sent: no request left the page for the link.
      await page.screenshot({ path: screenshotPath('share-dialog.png') });
      // Copy buttons answer (clipboard API or the select-and-copy fallback).
      await page.click('#copy-link');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
      await page.keyboard.press('Escape');
      const other = await openPage(browser, link);
      try {
        const got = await state(other);
        assert.deepEqual(got, want);
        assert.equal(await other.evaluate(() => document.documentElement.lang), 'fr');
        await assertClean(other);
      } finally { await other.closeAll(); }
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('falls back to an uncompressed link without CompressionStream, and downloads the scenario with its actions', async () => {
    const noCompression = () => { delete window.CompressionStream; delete window.DecompressionStream; };
    const page = await openPage(browser, server.url + '#rescueassist-cancel-reactivate.json', null, noCompression);
    try {
      assert.equal(await page.evaluate(() => typeof CompressionStream), 'undefined');
      await addCancel(page, '2025-05-20');
      const want = await state(page);
      await page.click('#share');
      await page.waitForFunction(() => document.getElementById('share-link').value.includes('#t='));
      const link = await page.inputValue('#share-link');
      assert.match(link, /#t=[A-Za-z0-9_-]+$/);
      await page.keyboard.press('Escape');
      const other = await openPage(browser, link, null, noCompression);
      try {
        assert.deepEqual(await state(other), want);
        await assertClean(other);
      } finally { await other.closeAll(); }
      // Download: the file is the editor's text, what-if actions included.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
      assert.equal(download.suggestedFilename(), 'rescueassist-cancel-reactivate-whatif.json');
      const saved = fs.readFileSync(await download.path(), 'utf8');
      assert.equal(saved, want.text);
      assert.equal(whatIfActions(saved)[0].on, '2025-05-20');
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  // A link cut short or damaged (as mail clients and chat apps do) says so at the top, in the
  // reader's language, and shows no other scenario in its place.
  it('says so at the top when a link is cut short or damaged, and opens no default scenario', async () => {
    const text = read('zendesk-notice-missed.json');
    const good = zlib.deflateRawSync(Buffer.from(text, 'utf8')).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const cases = [
      ['truncated', '#z=' + good.slice(0, Math.floor(good.length / 2)), '', /damaged or cut short/],
      ['corrupted', '#z=not-a-deflate-stream', '', /damaged or cut short/],
      ['bad UTF-8', '#t=_w', '', /damaged or cut short/],
      ['malformed percent-encoding', '#%E0%A4%A', '', null],
      ['truncated, French reader', '#z=' + good.slice(0, 40), '?lang=fr', /abîmé ou tronqué/],
    ];
    for (const [name, hash, query, said] of cases) {
      const page = await openPage(browser, server.url + query + hash, { width: 390, height: 844 });
      try {
        if (said) {
          assert.ok(await page.isVisible('#link-error'), `${name}: the error is shown`);
          assert.match(await page.textContent('#link-error'), said, name);
          const top = await page.$eval('#link-error', (n) => n.getBoundingClientRect().top);
          assert.ok(top < 200, `${name}: at the top (${top}px)`);
          assert.equal(await page.$eval('#results', (n) => n.hidden), true, `${name}: no scenario in its place`);
          assert.equal(await editorText(page), '', `${name}: the editor stays empty`);
        } else {
          assert.equal(await page.getAttribute('body', 'data-ready'), 'true', `${name}: the page still starts`);
        }
        const problems = await page.problems();
        assert.deepEqual(problems, [], problems.join('\n'));
      } finally { await page.closeAll(); }
    }
  });
});

describe('markup in names', () => {
  it('shows <script> and <img onerror> in names and user ids as text in the what-if answers', async () => {
    const page = await openPage(browser, server.url + '#rescueassist-cancel-reactivate.json');
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    try {
      const s = JSON.parse(read('rescueassist-cancel-reactivate.json'));
      const evilUser = '<img src=x onerror="alert(1)">';
      s.title = 'Title <script>alert(2)</script>';
      s.catalog.products[0].name = '<img src=x onerror="alert(3)"><script>alert(4)</script>';
      s.account.users[1].id = evilUser;
      s.actions = s.actions.map((a) => (a.by === 'hugo' ? { ...a, by: evilUser } : a));
      s.expect = [];
      const text = JSON.stringify(s, null, 2);
      assert.ok(!JSON.parse(wasm.simulate(text)).errors, 'still a valid scenario');
      await setEditor(page, text);
      const opts = await page.$$eval('.wi-who option', (os) => os.map((o) => [o.value, o.textContent]));
      await page.selectOption('.wi-who', opts.find((o) => o[1].startsWith(evilUser))[0]);
      await page.fill('.wi-date', '2025-05-02');
      await page.dispatchEvent('.wi-date', 'change');
      await afterRender(page, () => page.click('.wi-add'));
      const [sentence] = await sentences(page);
      assert.ok(sentence.includes(evilUser), sentence);
      assert.ok((await page.textContent('#whatif .wi-what')).includes(evilUser));
      assert.ok((await page.getAttribute('#timeline .wi-pin', 'aria-label')).includes(evilUser));
      const injected = await page.evaluate(() => document.querySelectorAll('main img, main script, dialog img, dialog script').length);
      assert.equal(injected, 0);
      // The embed code built from it keeps the markup inside the JSON string, escaped.
      await page.click('#share');
      await page.waitForFunction(() => document.getElementById('embed-element').value.length > 0);
      const code = await page.inputValue('#embed-element');
      const json = code.split('<script type="application/json">\n')[1].split('\n</script>')[0];
      assert.ok(!json.includes('<'), 'no "<" inside the inline JSON');
      assert.equal(JSON.parse(json).title, s.title);
      const iframe = await page.inputValue('#embed-iframe');
      assert.ok(!iframe.includes('<script') && iframe.includes('title="Title &lt;script&gt;alert(2)&lt;/script&gt;"'), iframe);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(100);
      assert.deepEqual(dialogs, []);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});

// Issue 11 point 5: a what-if plan change (to which plan, when) on a format 2 scenario gives what
// the CLI gives with that action added; invoices show credit lines and credit notes; the compare
// view's difference is net of credits (summary.total_charged) with the credited amounts beside it.
describe('what-if: change plan (format 2)', () => {
  it('adds a plan change instead of the scenario\'s own, as the engine computes it, with its credit lines', async () => {
    const page = await openPage(browser, server.url + '#v2/change-immediate-upgrade.json');
    try {
      await page.click('#lang-en');
      const original = await editorText(page);
      const offered = await page.$$eval('.wi-action option', (os) => os.map((o) => o.value));
      assert.ok(offered.includes('change_plan'), `change_plan is offered on a format 2 scenario: ${offered}`);
      await page.selectOption('.wi-action', 'change_plan');
      assert.equal(await page.isVisible('.wi-plan'), true);
      assert.equal(await page.isVisible('.wi-timing'), true);
      assert.equal(await page.isVisible('.wi-prod'), false);
      assert.deepEqual((await page.$$eval('.wi-plan option', (os) => os.map((o) => o.value))).sort(), ['rescue-basic', 'rescue-pro']);
      await page.selectOption('.wi-plan', 'rescue-pro');
      await page.selectOption('.wi-timing', 'immediate');
      await page.check('.wi-instead');
      await page.fill('.wi-date', '2025-03-10');
      await page.dispatchEvent('.wi-date', 'change');
      await afterRender(page, () => page.click('.wi-add'));
      const text = await editorText(page);
      const added = whatIfActions(text);
      assert.deepEqual(added.map((a) => ({ on: a.on, do: a.do, subscription: a.subscription, to: a.to, timing: a.timing })),
                       [{ on: '2025-03-10', do: 'change_plan', subscription: 's1', to: 'rescue-pro', timing: 'immediate' }]);
      assert.equal((JSON.parse(text).actions || []).filter((a) => a.do === 'change_plan' && !a['x-whatif']).length, 0, 'instead of the scenario\'s own change');
      // The same answer as the CLI on the scenario with that action added.
      const withAction = JSON.parse(original);
      withAction.actions = [{ on: '2025-03-10', do: 'change_plan', by: added[0].by, subscription: 's1', to: 'rescue-pro', timing: 'immediate' }];
      const r = cli(JSON.stringify(withAction)), rText = cli(text);
      assert.deepEqual(rText.invoices, r.invoices, 'the page\'s text simulates as the scenario with the action');
      assert.deepEqual(rText.summary, r.summary);
      assert.deepEqual(await shownBars(page), spans(r), 'timeline bars are the engine\'s');
      assert.deepEqual(await sentences(page), answers(text, 'en'), 'the answer is the narrator\'s');
      // Invoices: one marked line per negative line, amounts as the engine says.
      const negative = r.invoices.flatMap((i) => i.lines).filter((l) => l.amount < 0);
      assert.ok(negative.length > 0, 'the upgrade credits the unused time');
      assert.equal(await page.$$eval('#invoice-rows li.credit', (ls) => ls.length), negative.length);
      const creditText = await page.$$eval('#invoice-rows li.credit', (ls) => ls.map((l) => l.textContent).join('\n'));
      for (const l of negative) assert.ok(creditText.includes(await fmtMoney(page, 'en', 'EUR', l.amount)), `credit ${l.amount} shown`);
      assert.ok(creditText.includes('unused time credited'), 'the line says what it is');
      assert.equal(await page.textContent('#invoice-total'), await fmtMoney(page, 'en', 'EUR', r.summary.total_charged));
      // The compare view: the difference in charges is net of credits, the credited amounts beside it.
      const base = cli(original);   // before: the scenario as written, its own change back
      assert.equal(+(await page.getAttribute('#compare-table tr.cmp-total', 'data-diff')), r.summary.total_charged - base.summary.total_charged);
      assert.ok((await page.textContent('#compare-table tr.cmp-credited')).includes(await fmtMoney(page, 'en', 'EUR', r.summary.total_credited)));
      await page.click('#lang-fr');
      assert.deepEqual(await sentences(page), answers(text, 'fr'), 'in French too');
      await page.locator('#whatif-card').screenshot({ path: screenshotPath('whatif-change-plan-fr.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('does not offer a plan change on a format 1 scenario', async () => {
    const page = await openPage(browser, server.url + '#redhat-activation-never.json');
    try {
      const offered = await page.$$eval('.wi-action option', (os) => os.map((o) => o.value));
      assert.ok(!offered.includes('change_plan'), `${offered}`);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
