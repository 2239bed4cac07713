'use strict';
// Screenshots for a human to look at (not a test): the page at 1280×800 and 390×844, in English
// and French, for the scenarios named on the command line (default: a late cancellation, a
// refusal, a pending activation), plus a what-if answer. Writes build/screenshots/look-*.png.
//   node tests/web/screens.js [scenario.json…]
const path = require('node:path');
const fs = require('node:fs');
const { SITE, SCENARIOS, launchBrowser, openPage, screenshotPath } = require('./helpers');

const wanted = process.argv.slice(2);
const files = (wanted.length ? wanted : ['zendesk-notice-missed.json', 'redhat-activation-third-party.json', 'zendesk-product-removal.json'])
  .filter((f) => fs.existsSync(path.join(SCENARIOS, f)));

(async () => {
  const browser = await launchBrowser();
  try {
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      for (const lang of ['en', 'fr']) {
        for (const f of files) {
          const page = await openPage(browser, 'file://' + path.join(SITE, 'index.html') + '#' + f, { width: w, height: h });
          try {
            await page.click(`#lang-${lang}`);
            const base = `look-${f.replace(/\.json$/, '')}-${lang}-${w}`;
            await page.screenshot({ path: screenshotPath(`${base}.png`) });
            await page.locator('.card:has(#timeline)').screenshot({ path: screenshotPath(`${base}-timeline.png`) });
            await page.locator('#events').screenshot({ path: screenshotPath(`${base}-events.png`) });
            const problems = await page.problems();
            if (problems.length) console.log(base, problems);
          } finally { await page.closeAll(); }
        }
      }
    }
    console.log('screenshots in', path.dirname(screenshotPath('x')));
  } finally { await browser.close(); }
})().catch((e) => { console.error(e); process.exit(1); });
