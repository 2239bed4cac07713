'use strict';
// The reader's page and the embeds where authors paste them (issue 10): the question and its
// answer above the fold, "instead of" and two alternatives compared, a lane picks its
// subscription and product, a tap on a marker shows its sentence, the interface in the reader's
// language, embed code that never points at file://, a pasted iframe and a cross-origin element on
// a host page of another origin under a strict CSP. Every answer is checked against the engine.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { SITE, SCENARIOS, loadWasm, startServer, launchBrowser, openPage, openHost, embedsRendered, screenshotPath, narratorMoney } = require('./helpers');

const read = (f) => fs.readFileSync(path.join(SCENARIOS, f), 'utf8');
const LAPTOP = { width: 1280, height: 800 }, PHONE = { width: 390, height: 844 };
let browser, server, wasm, W;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(SITE);
  wasm = await loadWasm();
  W = await import(pathToFileURL(path.join(__dirname, '..', '..', 'web', 'src', 'whatif-model.js')).href);
});
after(async () => { await browser.close(); server.server.close(); });

// The narrator's answer for the what-if action of `text` dated `on`, in `lang`.
function narratorAnswer(text, on, lang) {
  const k = JSON.parse(text).actions.findIndex((a) => a['x-whatif'] && a.on === on);
  return JSON.parse(wasm.narration(text, lang)).answers.find((a) => a.action === k).sentence;
}
// A date as the narrator writes it in English ("8 April 2025"), as the page's question does.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const narratorDate = (iso) => `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;
const inView = (page, sel) => page.$eval(sel, (n) => { const r = n.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; });
async function problemsOf(page) { const p = await page.problems(); assert.deepEqual(p, [], p.join('\n')); }

describe('reader first', () => {
  for (const [name, vp] of [['laptop', LAPTOP], ['phone', PHONE]]) {
    it(`shows the title, the timeline, the question and its answer above the fold (${name})`, async () => {
      const page = await openPage(browser, server.url + '#zendesk-notice-missed.json', vp);
      try {
        await page.waitForFunction(() => !document.querySelector('.wi-answer').classList.contains('pending'));
        for (const sel of ['#summary-title', '#timeline .tl-labels', '.wi-question', '.wi-answer']) assert.ok(await inView(page, sel), `${sel} above the fold`);
        assert.equal(await page.$eval('#editor-panel', (d) => d.open), false, 'the JSON is a closed secondary panel');
        // The answer before adding is the one the engine gives once the action is added.
        const on = await page.inputValue('.wi-date');
        const preview = await page.textContent('.wi-answer');
        await page.click('.wi-add');
        await page.waitForSelector('.wi-pin');
        const text = await page.evaluate(() => window.subsimPage.text());
        assert.equal(preview, narratorAnswer(text, on, 'en'));
        assert.equal(await page.textContent('.wi-answer'), preview);
        assert.match(await page.textContent('.wi-question'), new RegExp(narratorDate(await page.$eval('.wi-date', (i) => i.value))));
        await page.screenshot({ path: screenshotPath(`reader-${name}.png`) });
        await problemsOf(page);
      } finally { await page.closeAll(); }
    });
  }

  it('puts a what-if instead of the scenario\'s own action of that kind, and gives it back on removal', async () => {
    const file = 'rescueassist-cancel-reactivate.json', base = read(file);
    const page = await openPage(browser, server.url + '#' + file, LAPTOP);
    try {
      await page.fill('.wi-date', '2025-05-20');
      await page.dispatchEvent('.wi-date', 'change');
      await page.selectOption('.wi-action', 'cancel');
      await page.selectOption('.wi-who', { index: 0 });
      assert.equal(await page.isEnabled('.wi-instead'), true, 'the scenario has its own cancellations');
      await page.check('.wi-instead');
      await page.click('.wi-add');
      await page.waitForSelector('.wi-pin');
      const text = await page.evaluate(() => window.subsimPage.text());
      const acts = JSON.parse(text).actions;
      assert.deepEqual(acts.filter((a) => a.do === 'cancel').map((a) => !!a['x-whatif']), [true], 'only the what-if cancels');
      assert.equal(acts.find((a) => a['x-whatif'])['x-instead-of'].length, 2, 'it carries the two it replaces');
      assert.equal(await page.textContent('.wi-answer'), narratorAnswer(text, '2025-05-20', 'en'));
      const r = JSON.parse(wasm.simulate(text));
      // The invoice table follows the painted frame (its lists are drawn when the page is idle).
      await page.waitForFunction(() => document.body.dataset.lists === document.body.dataset.renders);
      assert.equal(await page.$eval('#invoice-total', (n) => n.textContent), narratorMoney(r.summary.total_charged, 'EUR', 'en'));
      await page.click('.wi-remove');
      await page.waitForFunction(() => !document.querySelector('.wi-pin'));
      const back = await page.evaluate(() => window.subsimPage.text());
      assert.deepEqual(JSON.parse(back).actions.map((a) => a.on + a.do + a.by), JSON.parse(base).actions.map((a) => a.on + a.do + a.by));
      assert.equal(wasm.simulate(back), wasm.simulate(base), 'the same answer as the scenario as written');
      await problemsOf(page);
    } finally { await page.closeAll(); }
  });

  it('compares two alternatives side by side: the narrator\'s answers and their totals', async () => {
    const file = 'zendesk-notice-missed.json', base = read(file);
    const page = await openPage(browser, server.url + '#' + file, LAPTOP);
    try {
      await page.fill('.wi-date', '2025-01-20');
      await page.dispatchEvent('.wi-date', 'change');
      await page.click('.wi-compare summary');
      await page.fill('.wi-cmp-date', '2025-02-20');
      await page.click('.wi-cmp-go');
      await page.waitForSelector('.wi-alt[data-alt="2"]');
      const alts = await page.$$eval('.wi-alt', (ns) => ns.map((n) => ({ answer: n.querySelector('.wi-alt-answer').textContent, total: +n.querySelector('.wi-alt-total').dataset.total })));
      const form = await page.evaluate(() => ({ do: document.querySelector('.wi-action').value, sub: document.querySelector('.wi-sub').value }));
      for (const [k, on] of [[0, '2025-01-20'], [1, '2025-02-20']]) {
        const a = { on, do: form.do };
        if (form.do === 'cancel' || form.do === 'reactivate' || form.do === 'renew' || form.do === 'activate') a.subscription = form.sub;
        const who = await page.evaluate(() => document.querySelector('.wi-who').selectedOptions[0].textContent.split(' ')[0]);
        if (who && !/owner|propriétaire/.test(who)) a.by = who;
        const instead = await page.$eval('.wi-instead', (i) => i.checked && !i.disabled);
        const text = W.insertAction(base, a, instead);
        assert.equal(alts[k].answer, narratorAnswer(text, on, 'en'), `alternative ${k + 1}: the narrator's answer`);
        assert.equal(alts[k].total, JSON.parse(wasm.simulate(text)).summary.total_charged, `alternative ${k + 1}: its total`);
      }
      await page.locator('.wi-compare').screenshot({ path: screenshotPath('whatif-compare.png') });
      await problemsOf(page);
    } finally { await page.closeAll(); }
  });

  it('picks the subscription and product of a clicked lane, and shows a tapped marker\'s sentence', async () => {
    const file = 'zendesk-product-removal.json', text = read(file);
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    try {
      await page.goto(server.url + '#' + file);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForSelector('#timeline rect.bar');
      // A product lane: tap on its bar.
      const bar = await page.$$eval('#timeline rect.bar[data-product]', (rs) => { const r = rs[rs.length - 1]; const b = r.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, sub: r.dataset.subscription, prod: r.dataset.product }; });
      await page.touchscreen.tap(bar.x, bar.y);
      assert.equal(await page.inputValue('.wi-sub'), bar.sub, 'the lane\'s subscription');
      assert.equal(await page.inputValue('.wi-prod'), bar.prod, 'the lane\'s product');
      // A marker: tap it; its tip stays and ends with the narrator's sentence.
      await page.click('.tl-btn[aria-label="Zoom in"]');
      const said = JSON.parse(wasm.explain(text, 'en'));
      // An invoice marker (a circle: "M x-5 y a5 5 …") inside the visible part of the chart.
      const mk = await page.evaluate(() => {
        // The paths' coordinates on the screen (a lane's SVG starts at its lane: timeline-lanes.js;
        // one path per band of the drawn window: timeline-mark-bands.js).
        const view = document.querySelector('#timeline .tl-scroll').getBoundingClientRect();
        for (const path of document.querySelectorAll('#timeline .tl-marks path.mk-invoice')) {
          const ctm = path.getScreenCTM();
          for (const m of (path.getAttribute('d') || '').matchAll(/M([\d.]+) ([\d.]+)a/g)) {
            const x = ctm.e + ctm.a * (+m[1] + 5), y = ctm.f + ctm.d * +m[2];
            if (x > view.left + 12 && x < view.right - 12) return { x, y };
          }
        }
        return null;
      });
      assert.ok(mk, 'an invoice marker in view');
      await page.touchscreen.tap(mk.x, mk.y);
      await page.waitForTimeout(100);
      assert.ok(await page.isVisible('#timeline .tl-tip'), 'the tapped marker shows its details');
      const tip = await page.textContent('#timeline .tl-tip');
      assert.ok(said.some((s) => tip.endsWith(s)), `the tip gives the narrator's sentence: ${tip}`);
      await page.screenshot({ path: screenshotPath('marker-tap-phone.png') });
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
});

describe('a link that asks for too much', () => {
  // The native bench's worst case: 100 years billed daily, a 150 MB answer that takes the engine
  // over a second. As a share link it is simulated in a worker: the page stays responsive and
  // says why it does not open it, in the page and in the iframe.
  const zlib = require('node:zlib');
  const heavy = path.join(__dirname, '..', '..', 'build', 'bench', 'scenarios', '100y_daily_worst_case.json');
  const link = () => 'z=' + zlib.deflateRawSync(fs.readFileSync(heavy)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  it('is stopped in a worker, with the reason at the top, the page responsive meanwhile', { skip: !fs.existsSync(heavy) && 'run bash bench/run.sh --dump-scenarios build/bench/scenarios' }, async () => {
    for (const [where, url, sel] of [['page', server.url + '#' + link(), '#link-error'], ['iframe page', server.url + 'embed.html#' + link(), '.embed-msg']]) {
      const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      try {
        await page.goto(url);
        // While the worker simulates, the main thread answers at once.
        const t0 = Date.now();
        await page.evaluate(() => 1);
        assert.ok(Date.now() - t0 < 1000, `${where}: the main thread is free`);
        await page.waitForSelector(sel + ':not([hidden])', { timeout: 20000 });
        assert.match(await page.textContent(sel), /too large to show|more than \d+ seconds/, where);
        if (where === 'page') assert.equal(await page.$eval('#results', (n) => n.hidden), true);
        assert.deepEqual(problems, [], where);
      } finally { await context.close(); }
    }
  });
});

describe('no lost edits', () => {
  it('restores the reader\'s edits after a reload, with a choice to discard them', async () => {
    const file = 'rescueassist-cancel-reactivate.json', original = read(file);
    const page = await openPage(browser, server.url + '#' + file, LAPTOP);
    try {
      await page.click('.wi-add');
      await page.waitForSelector('.wi-pin');
      const edited = await page.evaluate(() => window.subsimPage.text());
      assert.notEqual(edited, original);
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForSelector('.wi-pin');
      assert.equal(await page.evaluate(() => window.subsimPage.text()), edited, 'the edit is back');
      assert.ok(await page.isVisible('#restored'), 'and the page says so');
      assert.match(await page.textContent('#restored'), /Restored your edits/);
      await page.click('#restored-discard');
      await page.waitForFunction(() => !document.querySelector('.wi-pin'));
      assert.equal(await page.evaluate(() => window.subsimPage.text()), original, 'discarded: the scenario as bundled');
      assert.equal(await page.isVisible('#restored'), false);
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.evaluate(() => window.subsimPage.text()), original, 'nothing kept after a discard');
      await problemsOf(page);
    } finally { await page.closeAll(); }
  });

  it('keeps edits out of the edit itself: one write in idle time for a burst of edits, the last one', async () => {
    const file = 'rescueassist-cancel-reactivate.json', original = read(file);
    const page = await openPage(browser, server.url + '#' + file, LAPTOP);
    try {
      const writes = await page.evaluate((original) => {
        window.editWrites = [];
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (k, v) { if (k.startsWith('subsim-edits:')) window.editWrites.push(v); return set.call(this, k, v); };
        const s = JSON.parse(original);
        for (let i = 1; i <= 5; i++) { s.title = 'Edit ' + i; window.subsimPage.run(JSON.stringify(s, null, 2)); }
        return window.editWrites.length;
      }, original);
      assert.equal(writes, 0, 'nothing written while the edits are made');
      await page.waitForFunction(() => window.editWrites.length > 0);
      await page.waitForTimeout(300);
      const kept = await page.evaluate(() => window.editWrites);
      assert.equal(kept.length, 1, 'one write for five edits');
      assert.equal(JSON.parse(kept[0]).title, 'Edit 5', 'the last edit is the one kept');
      await problemsOf(page);
    } finally { await page.closeAll(); }
  });
});

describe('language from the reader', () => {
  it('follows the browser language, then ?lang=, not the scenario\'s locale', async () => {
    const fr = await browser.newContext({ viewport: LAPTOP, locale: 'fr-FR' });
    try {
      const page = await fr.newPage();
      await page.goto(server.url + '#zendesk-notice-missed.json');   // an English scenario
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
      const text = read('zendesk-notice-missed.json');
      await page.waitForSelector('#events li.ev');
      assert.equal(await page.textContent('#events li.ev .sentence'), JSON.parse(wasm.explain(text, 'fr'))[0]);
      await page.goto(server.url + '?lang=en#rescueassist-cancel-reactivate.json');   // a French scenario
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
    } finally { await fr.close(); }
    const other = await browser.newContext({ viewport: LAPTOP, locale: 'de-DE' });
    try {
      const page = await other.newPage();
      await page.goto(server.url + '#rescueassist-cancel-reactivate.json');
      await page.waitForSelector('body[data-ready="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'no preference: the scenario\'s locale');
    } finally { await other.close(); }
  });
});

// A second origin for host pages, with its own strict CSP allowing subsim's origin for frames and
// scripts (what a help center configures to embed it).
function hostServer(pages, subsimOrigin) {
  const s = http.createServer((req, res) => {
    const body = pages[new URL(req.url, 'http://x').pathname];
    res.writeHead(body ? 200 : 404, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${subsimOrigin} 'wasm-unsafe-eval'; style-src 'self'; frame-src ${subsimOrigin}; img-src 'self' data:`,
    });
    res.end(body || 'not found');
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve({ s, url: `http://127.0.0.1:${s.address().port}/` })));
}
const page = (lang, body) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Help center</title><link rel="icon" href="data:,"></head><body><main><h1>Article</h1>${body}</main></body></html>`;

describe('embeds where authors paste them', () => {
  it('writes embed code for the public address only (never file://)', async () => {
    const p = await openPage(browser, 'file://' + path.join(SITE, 'index.html') + '#zendesk-notice-missed.json', LAPTOP);
    try {
      await p.click('#share');
      await p.waitForSelector('#share-dialog[open]');   // it opens once the link is compressed (a promise)
      assert.equal(await p.inputValue('#embed-iframe'), '', 'no code without a public address');
      assert.ok(await p.isVisible('#embed-base-note'));
      await p.fill('#embed-base', 'https://help.example.org/subsim');
      const iframe = await p.inputValue('#embed-iframe'), element = await p.inputValue('#embed-element');
      assert.match(iframe, /^<iframe src="https:\/\/help\.example\.org\/subsim\/embed\.html#z=/);
      assert.match(element, /<script src="https:\/\/help\.example\.org\/subsim\/subsim-embed\.js"/);
      for (const code of [iframe, element, await p.inputValue('#share-link')]) assert.ok(!/file:/.test(code.replace(/^file:\/\/[^#]*#/, '')), 'no file:// in the code');
      await p.fill('#embed-base', 'file:///home/me/site/');
      assert.equal(await p.inputValue('#embed-iframe'), '', 'a file:// address is refused');
    } finally { await p.closeAll(); }
  });

  it('shows the answer in a pasted iframe at its generated size, on another origin under a strict CSP', async () => {
    const sim = await openPage(browser, server.url + '?base=' + encodeURIComponent(server.url) + '#rescueassist-cancel-reactivate.json', LAPTOP);
    let code;
    try {
      await sim.click('#share');
      await sim.check('#embed-whatif');
      code = await sim.inputValue('#embed-iframe');
      assert.ok(code.startsWith(`<iframe src="${server.url}embed.html#z=`), code.slice(0, 80));
    } finally { await sim.closeAll(); }
    const host = await hostServer({ '/pasted.html': page('en', code) }, server.url.replace(/\/$/, ''));
    try {
      for (const vp of [LAPTOP, PHONE]) {
        const p = await openHost(browser, host.url + 'pasted.html', { viewport: vp });
        try {
          const frame = await (await p.waitForSelector('iframe')).contentFrame();
          await embedsRendered(frame, 1);
          // Simulate the form's action inside the iframe; the answer is in view without scrolling.
          await frame.click('subsim-timeline >> .wi-add');
          await frame.waitForFunction(() => document.querySelector('subsim-timeline').shadowRoot.querySelector('.wi-pin'));
          const seen = await frame.evaluate(() => {
            const a = document.querySelector('subsim-timeline').shadowRoot.querySelector('.wi-answer');
            const r = a.getBoundingClientRect();
            return { text: a.textContent, top: r.top, bottom: r.bottom, h: innerHeight, scrolled: document.scrollingElement.scrollTop };
          });
          assert.ok(seen.text.length > 10 && seen.bottom <= seen.h && seen.top >= 0, `the answer is in the iframe's view: ${JSON.stringify(seen)}`);
          const text = await frame.evaluate(() => document.querySelector('subsim-timeline').scenario);
          const on = JSON.parse(text).actions.find((a) => a['x-whatif']).on;
          assert.equal(seen.text, narratorAnswer(text, on, 'en'));
          await p.screenshot({ path: screenshotPath(`pasted-iframe-${vp.width}.png`) });
          const problems = await p.problems();
          assert.deepEqual(problems, [], problems.join('\n'));
        } finally { await p.closeAll(); }
      }
    } finally { host.s.close(); }
  });

  it('runs the element from another origin with no failing load, in the host page\'s language', async () => {
    const text = read('zendesk-notice-missed.json').replace(/</g, '\\u003c');
    const host = await hostServer({ '/element.html': page('fr', `<script src="${server.url}subsim-embed.js" defer></script><subsim-timeline whatif><script type="application/json">${text}</script></subsim-timeline>`) }, server.url.replace(/\/$/, ''));
    try {
      const p = await openHost(browser, host.url + 'element.html', { viewport: LAPTOP, ready: (pg) => embedsRendered(pg, 1) });
      try {
        assert.equal(await p.$eval('subsim-timeline', (e) => e.shadowRoot.querySelector('.sx').getAttribute('lang')), 'fr');
        assert.ok(p.requests.some((u) => u.endsWith('/subsim-wasm.js')), 'the wasm comes as a script across origins');
        assert.ok(!p.requests.some((u) => u.endsWith('/subsim.wasm')), 'no cross-origin fetch of the binary');
        const problems = await p.problems();
        assert.deepEqual(problems, [], problems.join('\n'));
      } finally { await p.closeAll(); }
    } finally { host.s.close(); }
  });
});
