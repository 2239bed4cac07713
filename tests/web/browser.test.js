'use strict';
// The page in headless Chromium, opened from file:// and from a local server that sends the
// strict CSP header: every bundled scenario is checked against the engine's own result (lanes,
// bars, events and their sentences, invoices, expectations), then the language switch, an
// invalid scenario, loading a file, the keyboard, a phone-sized screen and horizons from one
// month to 100 years. Any console error, page error, failed request or CSP violation fails.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, SCENARIOS, scenarioFiles, loadWasm, startServer, launchBrowser, openPage, screenshotPath, fullPageScreenshot, narratorMoney } = require('./helpers');
const { stressScenario } = require('./generate');

let browser, server, wasm;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, 'index.html')), `${SITE} is missing: run web/build.sh`);
  wasm = await loadWasm();
  server = await startServer(SITE);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

function engine(text) { return JSON.parse(wasm.simulate(text)); }

// The lanes the page must show, computed here independently of the page's code.
function expectedLanes(result) {
  const lanes = [];
  if (result.events.some((e) => e.subscription == null)) lanes.push('account|');
  const subs = Object.keys(result.summary.states);
  for (const s of subs) {
    lanes.push(`subscription|${s}`);
    const prods = [];
    for (const sp of result.spans) if (sp.subscription === s && !prods.includes(sp.product)) prods.push(sp.product);
    for (const e of result.events) if (e.subscription === s && e.product != null && !prods.includes(e.product)) prods.push(e.product);
    for (const p of prods) lanes.push(`product|${s}|${p}`);
  }
  return lanes;
}

async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}

// Everything the page shows for the current scenario, read from the DOM.
function readPage(page) {
  return page.evaluate(() => {
    const q = (s) => Array.from(document.querySelectorAll(s));
    return {
      title: document.getElementById('summary-title').textContent,
      lang: document.documentElement.lang,
      lanes: q('#timeline .tl-label:not(.tl-label-axis)').map((n) => n.className.replace(/.*tl-label-/, '') + '|' + n.textContent),
      bars: q('#timeline rect.bar[data-from]').map((r) => [r.dataset.subscription, r.dataset.product, r.dataset.state, r.dataset.from, r.dataset.to].join('|')),
      events: q('#events li.ev').map((li) => ({ index: +li.dataset.index, type: li.dataset.type, date: li.dataset.date,
                                                sentence: li.querySelector('.sentence').textContent })),
      invoices: q('#invoice-rows tr[data-date]').map((tr) => tr.dataset.date),
      total: document.getElementById('invoice-total').textContent,
      expectations: q('#expectations li.exp').map((li) => li.dataset.passed === 'true'),
      expectationTexts: q('#expectations li.exp .exp-text').map((n) => n.textContent),
      markers: q('#timeline .tl-marks g.mk').length,
      errorsHidden: document.getElementById('errors').hidden,
    };
  });
}

// The page writes amounts as the narrator does (helpers.js narratorMoney).
async function fmtMoney(page, lang, currency, minor) { return narratorMoney(minor, currency, lang); }

async function checkAgainstEngine(page, file, text) {
  const r = engine(text);
  assert.ok(!r.errors, `${file} is invalid`);
  const scenario = JSON.parse(text);
  const shown = await readPage(page);
  const lang = shown.lang;
  // Lanes: one per subscription and product (plus the account), in order.
  assert.deepEqual(shown.lanes.map((l) => l.split('|')[0]), expectedLanes(r).map((l) => l.split('|')[0]), `${file}: lanes`);
  // Bars: one per span, with its state and dates (the whole horizon is in view after loading).
  const spans = r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();
  assert.deepEqual(shown.bars.slice().sort(), spans, `${file}: bars`);
  // Events: every event in order, each with the narrator's sentence for it in the page's language
  // (the module's narration(), whose events are explain()'s: SPEC §4.1).
  const narration = JSON.parse(wasm.narration(text, lang));
  assert.deepEqual(narration.events, JSON.parse(wasm.explain(text, lang)), `${file}: narration().events is explain()`);
  const n = Math.min(r.events.length, 200);
  assert.equal(shown.events.length, n, `${file}: event rows`);
  for (let i = 0; i < n; i++) {
    const e = r.events[i], row = shown.events[i];
    assert.equal(row.index, i);
    assert.equal(row.type, e.type, `${file}: event ${i} type`);
    assert.equal(row.date, e.date, `${file}: event ${i} date`);
    assert.ok(row.sentence.length > 0, `${file}: event ${i} has no sentence`);
    assert.equal(row.sentence, narration.events[i], `${file}: event ${i} is the narrator's sentence`);
  }
  assert.deepEqual(shown.expectationTexts, narration.expectations, `${file}: expectation lines are the narrator's`);
  // Invoices and their total; expectations with pass/fail.
  assert.deepEqual(shown.invoices, r.invoices.slice(0, 100).map((i) => i.date), `${file}: invoices`);
  assert.equal(shown.total, await fmtMoney(page, lang, r.summary.currency, r.summary.total_charged), `${file}: total`);
  assert.deepEqual(shown.expectations, r.expectations.map((e) => e.passed), `${file}: expectations`);
  const open = await page.$eval('#expect-details', (d) => d.open);
  assert.equal(open, r.expectations.length === 0 || r.expectations.some((e) => !e.passed), `${file}: expectations folded only when all pass`);
  assert.equal(shown.title, scenario.title || file);
  return { r, shown };
}

async function setEditor(page, text) {
  const before = +(await page.getAttribute('body', 'data-renders'));
  await page.evaluate(() => { document.getElementById('editor-panel').open = true; });
  await page.fill('#source', text);
  await page.waitForFunction((n) => +document.body.dataset.renders > n, before);
  // The lists below the timeline follow the painted frame after an edit.
  await page.waitForFunction(() => document.body.dataset.lists === document.body.dataset.renders || !document.getElementById('errors').hidden);
}

for (const mode of ['file', 'http']) {
  describe(`page from ${mode === 'file' ? 'file://' : 'a server with a strict CSP'}`, () => {
    const url = () => (mode === 'file' ? 'file://' + path.join(SITE, 'index.html') : server.url);

    it('offers every bundled scenario and renders each one as the engine computed it', async () => {
      const page = await openPage(browser, url());
      try {
        const offered = await page.$$eval('#picker option', (os) => os.map((o) => o.value).filter(Boolean));
        assert.deepEqual(offered.slice().sort(), scenarioFiles());
        for (const f of scenarioFiles()) {
          const before = +(await page.getAttribute('body', 'data-renders'));
          await page.selectOption('#picker', f);
          await page.waitForFunction((n) => +document.body.dataset.renders > n, before);
          await checkAgainstEngine(page, f, fs.readFileSync(path.join(SCENARIOS, f), 'utf8'));
          // The month or year label that sticks to the left edge is never shown cut ("025").
          const cut = await page.evaluate(() => {
            const left = document.querySelector('.tl-scroll').getBoundingClientRect().left;
            return [...document.querySelectorAll('text.axis-major')].map((t) => [t.textContent, t.getBoundingClientRect()])
              .filter(([, r]) => r.left < left - 0.5 && r.right > left).map(([text]) => text);
          });
          assert.deepEqual(cut, [], `${f}: axis labels cut at the left edge`);
        }
        const before = +(await page.getAttribute('body', 'data-renders'));
        const same = (await page.inputValue('#picker')) === 'zendesk-notice-missed.json';
        await page.selectOption('#picker', 'zendesk-notice-missed.json');
        // The lists below the timeline follow the painted frame: the shot waits for them.
        await page.waitForFunction(([n, same]) => (same || +document.body.dataset.renders > n)
          && document.body.dataset.lists === document.body.dataset.renders, [before, same]);
        await fullPageScreenshot(page, `desktop-${mode}.png`);
        await assertClean(page);
      } finally { await page.closeAll(); }
    });

    it('switches the language of sentences, dates and the interface', async () => {
      const page = await openPage(browser, url() + '#zendesk-notice-missed.json');
      try {
        await page.click('#lang-en');
        const en = await readPage(page);
        assert.equal(en.lang, 'en');
        await page.click('#lang-fr');
        const fr = await readPage(page);
        assert.equal(fr.lang, 'fr');
        assert.equal(await page.textContent('#timeline-title'), 'Chronologie');
        assert.equal(fr.events.length, en.events.length);
        fr.events.forEach((e, i) => assert.notEqual(e.sentence, en.events[i].sentence, `event ${i} not translated`));
        const text = fs.readFileSync(path.join(SCENARIOS, 'zendesk-notice-missed.json'), 'utf8');
        // The event list says exactly what `subsim explain --locale L` says, in both languages.
        assert.deepEqual(en.events.map((e) => e.sentence), JSON.parse(wasm.explain(text, 'en')), 'English sentences are explain(text, "en")');
        assert.deepEqual(fr.events.map((e) => e.sentence), JSON.parse(wasm.explain(text, 'fr')), 'French sentences are explain(text, "fr")');
        await checkAgainstEngine(page, 'zendesk-notice-missed.json', text);
        const missed = engine(text).events.find((e) => e.type === 'cancellation_scheduled' && e.details.deadline_missed);
        assert.ok(missed, 'the scenario misses a notice deadline');
        const row = fr.events.find((e) => e.type === 'cancellation_scheduled');
        assert.match(row.sentence, /préavis/);
        if (mode === 'file') await fullPageScreenshot(page, 'desktop-fr.png');
        await page.click('#lang-en');
        assert.equal((await readPage(page)).lang, 'en');
        await assertClean(page);
      } finally { await page.closeAll(); }
    });

    it('shows an invalid scenario\'s errors at their lines and keeps the last good timeline', async () => {
      const page = await openPage(browser, url() + '#rescueassist-cancel-reactivate.json');
      try {
        const good = await readPage(page);
        const text = fs.readFileSync(path.join(SCENARIOS, 'rescueassist-cancel-reactivate.json'), 'utf8');
        const bad = text.replace(/"period":\s*"P1M"/, '"period": "P1Q"').replace(/"currency":\s*"EUR"/, '"currency": 42');
        assert.notEqual(bad, text);
        const errors = engine(bad).errors;
        assert.ok(errors && errors.length >= 2, 'the mutation must give errors');
        const periodLine = bad.split('\n').findIndex((l) => l.includes('"P1Q"')) + 1;
        assert.ok(errors.some((e) => e.line === periodLine), 'the engine points at the period line');
        await setEditor(page, bad);
        const shown = await readPage(page);
        assert.equal(shown.errorsHidden, false);
        const items = await page.$$eval('#error-list li', (lis) => lis.map((li) => ({ line: +li.dataset.line, text: li.textContent })));
        assert.equal(items.length, errors.length);
        errors.forEach((e, i) => {
          assert.equal(items[i].line, e.line);
          assert.ok(items[i].text.includes(e.message), `message shown: ${items[i].text}`);
          assert.match(items[i].text, new RegExp(`(Line|Ligne) ${e.line}, (column|colonne) ${e.column}`));
        });
        const marked = await page.$$eval('.mark-line', (ms) => ms.map((m) => +m.dataset.line));
        assert.ok(marked.includes(periodLine), `line ${periodLine} is highlighted in the editor`);
        assert.ok(await page.$(`.gutter-mark[data-line="${periodLine}"]`), 'gutter mark');
        // The last good result stays on screen.
        assert.deepEqual(shown.bars, good.bars);
        assert.equal(shown.title, good.title);
        // Jumping to an error puts the caret on its line and says what is wrong there.
        const idx = errors.findIndex((e) => e.line === periodLine);
        await page.click(`#error-list li:nth-child(${idx + 1}) .error-pos`);
        const caret = await page.textContent('#caret-status');
        assert.ok(caret.includes(String(periodLine)) && caret.includes(errors[idx].message), caret);
        if (mode === 'file') await page.screenshot({ path: screenshotPath('errors.png') });
        // A syntax error too: the position is shown, the timeline is still the last good one.
        await setEditor(page, text.replace('"subsim": 1,', '"subsim": 1,,'));
        const syn = engine(text.replace('"subsim": 1,', '"subsim": 1,,')).errors;
        const first = await page.$eval('#error-list li', (li) => +li.dataset.line);
        assert.equal(first, syn[0].line);
        assert.deepEqual((await readPage(page)).bars, good.bars);
        // Fixing the text brings the timeline back to life.
        await setEditor(page, text);
        assert.equal((await readPage(page)).errorsHidden, true);
        await assertClean(page);
      } finally { await page.closeAll(); }
    });

    it('loads a scenario from a file and from a drop', async () => {
      const page = await openPage(browser, url() + '#rescueassist-cancel-reactivate.json');
      try {
        const f = 'zendesk-legacy-suite-removal.json';
        const file = path.join(SCENARIOS, f);
        let before = +(await page.getAttribute('body', 'data-renders'));
        await page.setInputFiles('#file-input', file);
        await page.waitForFunction((n) => +document.body.dataset.renders > n, before);
        await checkAgainstEngine(page, f, fs.readFileSync(file, 'utf8'));
        assert.equal(await page.inputValue('#picker'), '');
        const g = 'redhat-renew-in-grace.json';
        const text = fs.readFileSync(path.join(SCENARIOS, g), 'utf8');
        before = +(await page.getAttribute('body', 'data-renders'));
        await page.evaluate((text) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
          const target = document.getElementById('source');
          target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
          target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
          target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }, text);
        await page.waitForFunction((n) => +document.body.dataset.renders > n, before);
        await checkAgainstEngine(page, g, text);
        assert.equal(await page.evaluate(() => window.subsimPage.text()), text);
        await assertClean(page);
      } finally { await page.closeAll(); }
    });

    it('never turns scenario text into markup', async () => {
      const page = await openPage(browser, url() + '#rescueassist-cancel-reactivate.json');
      try {
        const base = JSON.parse(fs.readFileSync(path.join(SCENARIOS, 'rescueassist-cancel-reactivate.json'), 'utf8'));
        const evil = '<img src=x id=pwned onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';
        base.title = 'Title ' + evil;
        base.catalog.products[0].name = 'Product ' + evil;
        base.subscriptions[0].number = evil;
        const text = JSON.stringify(base, null, 2);
        assert.ok(!engine(text).errors, 'still a valid scenario');
        await setEditor(page, text);
        assert.equal(await page.textContent('#summary-title'), base.title);
        const injected = await page.evaluate(() => ({
          nodes: document.querySelectorAll('#pwned, .results img, .results script, .results b, .tl-labels b').length,
          flag: window.pwned || 0,
        }));
        assert.deepEqual(injected, { nodes: 0, flag: 0 });
        // The sentences are the narrator's, as text; the names are shown as text where the page shows them.
        const lang = await page.evaluate(() => document.documentElement.lang);
        const sentences = await page.$$eval('#events .sentence', (ps) => ps.map((p) => p.textContent));
        assert.deepEqual(sentences, JSON.parse(wasm.narration(text, lang)).events, 'the narrator\'s sentences, as text');
        assert.ok((await page.textContent('#invoice-rows')).includes(base.catalog.products[0].name), 'the product name is shown as text');
        await setEditor(page, text.replace('"subsim": 1', '"subsim": 1, "' + evil.replace(/"/g, '\\"') + '": 1'));
        const errText = await page.textContent('#error-list');
        assert.ok(errText.length > 0);
        assert.equal(await page.evaluate(() => document.querySelectorAll('#errors img, #errors script, #errors b').length), 0);
        await assertClean(page);
      } finally { await page.closeAll(); }
    });

    it('is usable with the keyboard', async () => {
      const page = await openPage(browser, url() + '#zendesk-product-removal.json');
      try {
        await page.focus('.tl-scroll');
        await page.keyboard.press('ArrowRight');
        const tip1 = await page.textContent('.tl-tip');
        assert.ok(tip1.length > 5 && await page.isVisible('.tl-tip'), 'a focused item shows its details');
        const live = await page.textContent('.timeline [aria-live="polite"].visually-hidden');
        assert.ok(live.length > 5, 'and announces them');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowRight');
        const tip2 = await page.textContent('.tl-tip');
        assert.notEqual(tip2, tip1);
        const scale1 = await page.textContent('.tl-scale');
        await page.keyboard.press('+');
        await page.keyboard.press('+');
        assert.notEqual(await page.textContent('.tl-scale'), scale1, 'zoomed in');
        // Walk to a marker with an event and open it in the list.
        for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');   // the subscription lane
        await page.keyboard.press('Home');
        for (let i = 0; i < 12; i++) {
          const kind = await page.evaluate(() => {
            const t = document.querySelector('.tl-sel .sel-ring');
            return t ? t.tagName : null;
          });
          if (kind === 'circle') break;
          await page.keyboard.press('ArrowRight');
        }
        // A marker's tooltip ends with the narrator's sentence for its event.
        const markerTip = await page.textContent('.tl-tip');
        const lang = await page.evaluate(() => document.documentElement.lang);
        const said = JSON.parse(wasm.explain(fs.readFileSync(path.join(SCENARIOS, 'zendesk-product-removal.json'), 'utf8'), lang));
        assert.ok(said.some((x) => markerTip.endsWith(x)), `the tooltip gives the narrator's sentence: ${markerTip}`);
        await page.keyboard.press('Enter');
        const focused = await page.evaluate(() => document.activeElement.closest('li.ev') && document.activeElement.closest('li.ev').classList.contains('flash'));
        assert.ok(focused, 'Enter moves to the event in the list');
        if (mode === 'file') {
          await page.focus('.tl-scroll');
          await page.keyboard.press('ArrowRight');
          await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('timeline-keyboard.png') });
        }
        await page.keyboard.press('0');
        // Every control can be reached with Tab and has a name.
        const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('button, select, textarea, input, [tabindex="0"]'))
          .filter((n) => !n.closest('[hidden]'))
          .filter((n) => !(n.getAttribute('aria-label') || n.labels && n.labels.length || n.textContent.trim() || n.title ||
                           (n.getAttribute('aria-labelledby') || '').split(' ').some((id) => id && document.getElementById(id) && document.getElementById(id).textContent.trim())))
          .map((n) => n.outerHTML.slice(0, 80)));
        assert.deepEqual(unnamed, []);
        await assertClean(page);
      } finally { await page.closeAll(); }
    });
  });
}

describe('layout and horizons', () => {
  it('fits a phone-width screen', async () => {
    const page = await openPage(browser, 'file://' + path.join(SITE, 'index.html') + '#zendesk-tier1-old-account.json', { width: 390, height: 844 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      const tl = await page.evaluate(() => document.querySelector('.tl-wrap').getBoundingClientRect().width);
      assert.ok(tl <= 390, 'the timeline scrolls inside its box');
      await page.screenshot({ path: screenshotPath('phone.png'), fullPage: false });
      await page.locator('.card:has(#timeline)').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('phone-timeline.png'), fullPage: false });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  // The axis stays readable: labels never overlap, at every zoom from the whole horizon down.
  async function axisOverlaps(page) {
    return page.evaluate(() => {
      const rows = {};
      for (const t of document.querySelectorAll('.tl-axis text')) {
        const b = t.getBBox();
        (rows[t.getAttribute('class')] = rows[t.getAttribute('class')] || []).push([b.x, b.x + b.width, t.textContent]);
      }
      const bad = [];
      for (const list of Object.values(rows)) {
        list.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < list.length; i++) if (list[i][0] < list[i - 1][1] + 2) bad.push(`${list[i - 1][2]} / ${list[i][2]}`);
      }
      return { bad, count: Object.values(rows).reduce((n, l) => n + l.length, 0) };
    });
  }

  for (const [name, opts] of [['one month', { days: 31, products: 4 }], ['10 years', { years: 10, products: 20 }],
                              ['100 years', { start: '1950-01-01', years: 100, products: 20 }]]) {
    it(`keeps the axis readable and the drawing bounded over ${name}`, async () => {
      const page = await openPage(browser, 'file://' + path.join(SITE, 'index.html') + '#zendesk-notice-met.json');
      try {
        const text = JSON.stringify(stressScenario(opts), null, 2);
        const r = engine(text);
        assert.ok(!r.errors, JSON.stringify(r.errors));
        await setEditor(page, text);
        const shown = await readPage(page);
        // Its expectation of a total of 0.01 fails: shown unfolded, with the engine's message.
        assert.deepEqual(shown.expectations, r.expectations.map((e) => e.passed));
        assert.equal(await page.$eval('#expect-details', (d) => d.open), true);
        assert.ok((await page.textContent('#expectations li.fail .exp-msg')).length > 0);
        assert.deepEqual(shown.bars.slice().sort(), r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort());
        for (let zoom = 0; zoom < 12; zoom++) {
          const { bad, count } = await axisOverlaps(page);
          assert.deepEqual(bad, [], `overlapping axis labels after ${zoom} zoom steps`);
          assert.ok(count >= 2, `the axis has labels after ${zoom} zoom steps`);
          const nodes = await page.evaluate(() => document.querySelectorAll('.tl-chart *').length);
          assert.ok(nodes < 8000, `${nodes} SVG nodes after ${zoom} zoom steps`);
          if (zoom === 0 && name === '100 years') await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('timeline-100-years.png') });
          if (zoom === 5 && name === '100 years') await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('timeline-100-years-zoomed.png') });
          if (zoom === 0 && name === 'one month') await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath('timeline-one-month.png') });
          if (await page.isDisabled('.tl-btn[aria-label="Zoom in"]')) break;
          await page.click('.tl-btn[aria-label="Zoom in"]');
          // Scroll to the middle as a reader would.
          await page.evaluate(() => { const s = document.querySelector('.tl-scroll'); s.scrollLeft = (s.scrollWidth - s.clientWidth) / 2; });
          await page.waitForTimeout(30);
        }
        await assertClean(page);
      } finally { await page.closeAll(); }
    });
  }
});
