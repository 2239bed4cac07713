'use strict';
// Accessibility (axe-core) on every view a reader meets, once its timeline has rendered: the page
// at laptop and phone width (with a what-if answer, in English and French), the sample article in
// both languages (the element and the iframe inside), and the iframe page on its own. Zero
// violations of axe's WCAG 2.x A/AA rules.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, startServer, launchBrowser, openPage, openHost, embedsRendered } = require('./helpers');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe in a page or a frame (evaluate runs outside the page's CSP), violations as readable lines.
async function violations(frame, context) {
  await frame.evaluate(AXE);
  const result = await frame.evaluate(([ctx, tags]) => window.axe.run(ctx || document, { runOnly: { type: 'tag', values: tags } }), [context || null, TAGS]);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

let browser, server;
before(async () => { browser = await launchBrowser(); server = await startServer(SITE); });
after(async () => { await browser.close(); server.server.close(); });

describe('axe-core: zero violations', () => {
  for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['en', 'fr']) {
      it(`the page at ${name} width in ${lang}, with a what-if answer and the JSON panel open`, async () => {
        const page = await openPage(browser, server.url + '?lang=' + lang + '#zendesk-notice-missed.json', viewport);
        try {
          await page.click('.wi-add');
          await page.waitForSelector('.wi-pin');
          await page.waitForFunction(() => document.body.dataset.lists === document.body.dataset.renders);
          assert.deepEqual(await violations(page), []);
          await page.evaluate(() => { document.getElementById('editor-panel').open = true; });
          assert.deepEqual(await violations(page), []);
          assert.deepEqual(await page.problems(), []);
        } finally { await page.closeAll(); }
      });
    }
  }

  for (const lang of ['en', 'fr']) {
    it(`the sample article in ${lang}, its element and its iframe`, async () => {
      const page = await openHost(browser, server.url + `article.${lang}.html`, { ready: (p) => embedsRendered(p, 1) });
      try {
        const frame = page.frames().find((f) => f.url().includes('/embed.html'));
        await embedsRendered(frame, 1);
        assert.deepEqual(await violations(page), [], 'article and element');
        assert.deepEqual(await violations(frame), [], 'iframe');
        assert.deepEqual(await page.problems(), []);
      } finally { await page.closeAll(); }
    });
  }
});
