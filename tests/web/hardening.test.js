'use strict';
// The page and embeds against hostile or unlucky input (issue 17, web points): only http(s)
// addresses in the element's attributes, the module's allocation failure as a clear error, and
// keystrokes typed just before a scenario switch kept in the undo history.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, SCENARIOS, loadWasm, startServer, launchBrowser, openPage, openHost, embedsRendered } = require('./helpers');

let browser, server;
before(async () => { browser = await launchBrowser(); server = await startServer(SITE); });
after(async () => { await browser.close(); server.server.close(); });

describe('hardening', () => {
  it('accepts only http(s) addresses in the element\'s src and simulator attributes', async () => {
    const text = fs.readFileSync(path.join(SCENARIOS, 'zendesk-notice-missed.json'), 'utf8').replace(/</g, '\\u003c');
    server.extra['/host/urls.html'] = { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>h</title><link rel="icon" href="/favicon.svg"><script src="/subsim-embed.js" defer></script></head><body>
<subsim-timeline id="js-link" simulator="javascript:alert(1)"><script type="application/json">${text}</script></subsim-timeline>
<subsim-timeline id="js-src" src="javascript:alert(2)"></subsim-timeline></body></html>` };
    const page = await openHost(browser, server.url + 'host/urls.html', { ready: (p) => embedsRendered(p, 2) });
    try {
      assert.equal(await page.$eval('#js-link', (e) => e.shadowRoot.querySelector('.sx-open').hidden), true, 'no javascript: link');
      assert.equal(await page.$eval('#js-link', (e) => e.shadowRoot.querySelector('.sx-open').getAttribute('href')), null);
      assert.match(await page.$eval('#js-src', (e) => e.shadowRoot.querySelector('.sx-status').textContent), /could not be loaded \(http\(s\)\)/);
      assert.deepEqual(await page.problems(), []);
    } finally { await page.closeAll(); }
  });

  it('says "out of memory" when the module cannot allocate the text, and keeps working after', async () => {
    const m = await loadWasm();
    const malloc = m._malloc;
    m._malloc = () => 0;
    try {
      assert.throws(() => m.simulate('{}'), /out of memory: the engine cannot take a text of 2 bytes/);
    } finally { m._malloc = malloc; }
    assert.ok(JSON.parse(m.simulate('{}')).errors, 'the next call answers normally');
  });

  it('keeps keystrokes typed just before a scenario switch in the undo history', async () => {
    const page = await openPage(browser, server.url + '#zendesk-notice-missed.json');
    try {
      await page.evaluate(() => { document.getElementById('editor-panel').open = true; });
      await page.focus('#source');
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      const typed = await page.inputValue('#source');
      await page.selectOption('#picker', 'zendesk-notice-met.json');   // within the 250 ms debounce
      await page.waitForFunction(() => document.getElementById('picker').value === 'zendesk-notice-met.json');
      await page.click('#undo');
      await page.waitForFunction((t) => document.getElementById('source').value === t, typed);
      assert.deepEqual(await page.problems(), []);
    } finally { await page.closeAll(); }
  });
});
