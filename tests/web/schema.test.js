'use strict';
// The page, the what-if panel and the embed read no result field that schema/result.schema.json
// does not define at that place (issue 9, point 5): every engine result they parse is wrapped in
// a recording Proxy (tests/web/schema-reads.js), then the page goes through every bundled
// scenario in both languages, a what-if with its before/after view, the timeline's keyboard
// walk (tooltips), and an embed with its what-if controls.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, SCENARIOS, scenarioFiles, startServer, launchBrowser, openPage, openHost, embedsRendered } = require('./helpers');
const { SCHEMA, initScript } = require('./schema-reads');

let browser, server;

before(async () => {
  assert.ok(fs.existsSync(SCHEMA), `${SCHEMA} is missing`);
  assert.ok(fs.existsSync(path.join(SITE, 'index.html')), `${SITE} is missing: run web/build.sh`);
  server = await startServer(SITE);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

const renders = (page) => page.evaluate(() => +document.body.dataset.renders);
async function afterRender(page, action) {
  const n = await renders(page);
  await action();
  await page.waitForFunction((k) => +document.body.dataset.renders > k, n);
}

describe('result fields the page reads', () => {
  it('the recorder catches a read the schema does not define (control)', async () => {
    const page = await openPage(browser, server.url + '#zendesk-notice-missed.json', null, initScript());
    try {
      const got = await page.evaluate(() => {
        const before = window.__schemaReads().violations.length;
        const text = window.subsimPage.text();
        const r = JSON.parse(window.subsimPage.engineAnswer(text));
        const inv = r.events.find((e) => e.type === 'invoice');
        void inv.details.effective;             // a cancellation's key, on an invoice
        void r.summary.no_such_key;
        return window.__schemaReads().violations.slice(before);
      });
      assert.deepEqual(got.map((v) => v.replace(/\[\d+\]/g, '[]')), ['.events[].details.effective (absent)', '.summary.no_such_key (absent)']);
    } finally { await page.closeAll(); }
  });

  it('the page, the what-if panel and the timeline read only what the schema defines', async () => {
    const page = await openPage(browser, server.url, null, initScript());
    try {
      for (const lang of ['en', 'fr']) {
        await page.click(`#lang-${lang}`);
        for (const f of scenarioFiles()) {
          await afterRender(page, () => page.selectOption('#picker', f));
          // Walk the timeline with the keyboard: every item's tooltip is described.
          await page.focus('#timeline .tl-scroll');
          for (let i = 0; i < 6; i++) await page.keyboard.press(i % 3 === 2 ? 'ArrowDown' : 'ArrowRight');
        }
      }
      // A what-if: its answer, its marks, the before/after view.
      await afterRender(page, () => page.selectOption('#picker', 'zendesk-notice-missed.json'));
      await page.fill('.wi-date', '2025-01-31');
      await page.dispatchEvent('.wi-date', 'change');
      await page.selectOption('.wi-action', 'cancel');
      await afterRender(page, () => page.click('.wi-add'));
      // The date's change may render first on a loaded machine: wait for the what-if's render.
      await page.waitForSelector('#compare-card', { state: 'visible', timeout: 15000 });
      const { reads, violations } = await page.evaluate(() => window.__schemaReads());
      assert.ok(reads > 1000, `the recorder saw the page's reads (${reads})`);
      assert.deepEqual(violations, [], `fields the schema does not define:\n${violations.join('\n')}`);
      const problems = await page.problems();
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally { await page.closeAll(); }
  });

  it('the <subsim-timeline> element reads only what the schema defines', async () => {
    const text = fs.readFileSync(path.join(SCENARIOS, 'rescueassist-cancel-reactivate.json'), 'utf8');
    server.extra['/host/schema.html'] = { type: 'text/html; charset=utf-8', body: `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="/favicon.svg"><script src="/subsim-embed.js" defer></script></head>
<body><subsim-timeline id="w" whatif><script type="application/json">${text.replace(/</g, '\\u003c')}</script></subsim-timeline></body></html>` };
    const page = await openHost(browser, server.url + 'host/schema.html', { init: initScript(), ready: (p) => embedsRendered(p, 1) });
    try {
      const el = page.locator('#w');
      const n = +(await el.getAttribute('data-rendered'));
      await el.locator('.wi-add').click();
      await page.waitForFunction((k) => +document.getElementById('w').getAttribute('data-rendered') > k, n);
      const { reads, violations } = await page.evaluate(() => window.__schemaReads());
      assert.ok(reads > 100, `the recorder saw the element's reads (${reads})`);
      assert.deepEqual(violations, [], `fields the schema does not define:\n${violations.join('\n')}`);
      const problems = await page.problems();
      assert.deepEqual(problems, [], problems.join('\n'));
    } finally { await page.closeAll(); }
  });
});
