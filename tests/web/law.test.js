'use strict';
// Consumer-law profiles on the page (SPEC-v2 §7, issue 14): legal windows are drawn as bands on the
// subscription's lane, legal warnings as markers, and the tooltip of a band carries the narrator's
// sentence, which names the article. The bands and markers match `subsim run --json` exactly.
// Any console error, page error, failed request or CSP violation fails.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, SCENARIOS, runCli, startServer, launchBrowser, openPage } = require('./helpers');

let browser, server;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, 'index.html')), `${SITE} is missing: run web/build.sh`);
  server = await startServer(SITE);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

const FILE = 'v2/law-fr-late-reminder.json';

function cliResult() {
  const r = runCli(path.join(SCENARIOS, FILE));
  assert.equal(r.status, 0, r.stderr && r.stderr.toString());
  return JSON.parse(r.stdout.toString('utf8'));
}

async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}

async function bandTip(page, windowKind) {
  const band = page.locator(`#timeline rect.law-band[data-window="${windowKind}"]`).first();
  const box = await band.boundingBox();
  assert.ok(box && box.width > 20, `the ${windowKind} band is drawn wide enough to point at`);
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.waitForFunction(() => !document.querySelector('#timeline .tl-tip').hidden);
  return page.textContent('#timeline .tl-tip');
}

describe('legal windows and warnings on the timeline', () => {
  it('draws one band per compliance_window and one warning marker per compliance_warning, as the CLI computes them', async () => {
    const result = cliResult();
    const windows = result.events.filter((e) => e.type === 'compliance_window');
    const warnings = result.events.filter((e) => e.type === 'compliance_warning');
    assert.ok(windows.length >= 4 && warnings.length === 1);
    const page = await openPage(browser, server.url + '#' + FILE, { width: 1400, height: 900 });
    try {
      await page.waitForSelector('#timeline rect.law-band');
      const bands = await page.$$eval('#timeline rect.law-band', (rs) => rs.map((r) => [r.dataset.subscription, r.dataset.window, r.dataset.from, r.dataset.to]));
      // An open-ended window (to null) runs to the last day shown; the others end on their last day, included.
      const expected = windows.map((e) => [e.subscription, e.details.window, e.details.from, e.details.to || '2025-06-30']);
      const sorted = (l) => l.map((b) => b.join('|')).sort();
      assert.deepEqual(sorted(bands), sorted(expected));
      const marks = await page.$$eval('#timeline g.mk-g-law_warning', (gs) => gs.map((g) => g.dataset.date));
      assert.deepEqual(marks, warnings.map((e) => e.date));
      const legend = await page.textContent('#timeline .legend-list, .legend-list');
      assert.match(legend, /legal window \(consumer law\)/);
      assert.match(legend, /legal warning/);
      await assertClean(page);
    } finally {
      await page.close();
    }
  });

  it('the tooltip of a band names the article and what the customer may do, in English and French', async () => {
    for (const [query, article, may] of [['', /Code de la consommation, art\. L215-1/, /may end the contract at any time, free of charge/],
                                         ['?lang=fr', /art\. L215-1/, /peut donc y mettre fin à tout moment, sans frais/]]) {
      const page = await openPage(browser, server.url + query + '#' + FILE, { width: 1400, height: 900 });
      try {
        await page.waitForSelector('#timeline rect.law-band[data-window="free_termination"]');
        const tip = await bandTip(page, 'free_termination');
        assert.match(tip, article);
        assert.match(tip, may);
        assert.match(tip, query ? /Fenêtre légale\u202f: résiliation sans frais \(FR\)/ : /Legal window: free termination \(FR\)/);
        await assertClean(page);
      } finally {
        await page.close();
      }
    }
  });
});
