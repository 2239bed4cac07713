'use strict';
// Reader-relative dates (SPEC-v2 §8) in the browser: the sample articles embed Example 8.A
// ("if you cancel today"), whose dates follow the reader's local calendar. The page's clock is
// fixed (playwright page.clock), so the answer the reader sees is known: it must be the module's
// answer for that day, in the article's language, and move with the day. The what-if form offers
// "Today" for a format 2 scenario, which writes "on": "today".
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SITE, SCENARIOS, loadWasm, startServer, launchBrowser, embedsRendered } = require('./helpers');

const FILE = path.join(SCENARIOS, 'v2', 'today-cancel-zendesk-annual.json');
let browser, server, wasm, text;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, 'article.en.html')), `${SITE}/article.en.html is missing: run web/build.sh`);
  wasm = await loadWasm();
  text = fs.readFileSync(FILE, 'utf8');
  server = await startServer(SITE);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

// The article at a fixed instant in a time zone; problems (console and page errors) recorded.
async function openArticle(lang, instant, timezoneId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', timezoneId });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.clock.setFixedTime(new Date(instant));
  await page.goto(server.url + `article.${lang}.html`);
  await embedsRendered(page, 2);
  page.problems = problems;
  page.closeAll = () => context.close();
  return page;
}

// What the embed of Example 8.A shows: its bars and its what-if list.
function readTodayEmbed(page) {
  return page.$eval('#cancel-today ~ figure subsim-timeline, #resilier-aujourdhui ~ figure subsim-timeline', (el) => {
    const r = el.shadowRoot, q = (s) => Array.from(r.querySelectorAll(s));
    return {
      bars: q('rect.bar[data-from]').map((b) => [b.dataset.subscription, b.dataset.product, b.dataset.state, b.dataset.from, b.dataset.to].join('|')).sort(),
      items: q('.wi-item').map((li) => ({ on: li.getAttribute('data-on'), sentence: li.querySelector('.wi-sentence').textContent })),
      status: (r.querySelector('.sx-status') || {}).textContent || '',
    };
  });
}

const spans = (r) => r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();
const plain = (s) => s.replace(/[\u2068\u2069]/g, '');

describe('Example 8.A in the sample articles follows the reader\'s day', () => {
  const cases = [
    // 00:30 in Paris is still 30 March in UTC: the reader's day is the local one.
    { lang: 'en', instant: '2026-03-30T22:30:00Z', zone: 'Europe/Paris', today: '2026-03-31',
      words: ['today (31 March 2026)', 'access until 27 February 2027 inclusive', 'ends on 28 February 2027'] },
    { lang: 'fr', instant: '2026-03-31T12:00:00Z', zone: 'Europe/Paris', today: '2026-03-31',
      words: ['aujourd’hui (31 mars 2026)', 'jusqu’au 27 février 2027 inclus', 'fin le 28 février 2027'] },
    { lang: 'en', instant: '2026-06-15T12:00:00Z', zone: 'America/New_York', today: '2026-06-15',
      words: ['today (15 June 2026)', 'access until 14 May 2027 inclusive'] },
  ];
  for (const c of cases) {
    it(`article.${c.lang}.html on ${c.today} (${c.zone})`, async () => {
      const page = await openArticle(c.lang, c.instant, c.zone);
      try {
        const shown = await readTodayEmbed(page);
        const result = JSON.parse(wasm.simulate(text, c.today));
        assert.equal(result.today, c.today, 'the module resolves against the same day');
        assert.deepEqual(shown.bars, spans(result), 'the timeline is the engine\'s for the reader\'s day');
        assert.equal(shown.items.length, 1, 'the scenario\'s what-if action is listed');
        assert.equal(shown.items[0].on, c.today, 'the what-if action dated "today" sits on the reader\'s day');
        const narration = JSON.parse(wasm.narration(text, c.lang, c.today));
        assert.equal(shown.items[0].sentence, narration.answers[0].sentence, 'the answer is the narrator\'s');
        for (const w of c.words) assert.ok(plain(shown.items[0].sentence).includes(w), `"${w}" in: ${shown.items[0].sentence}`);
        assert.deepEqual(page.problems, [], page.problems.join('\n'));
      } finally { await page.closeAll(); }
    });
  }

  it('the what-if form offers "Today" on the format 2 example only, and writes "on": "today"', async () => {
    const page = await openArticle('en', '2026-03-31T09:00:00Z', 'UTC');
    try {
      const embeds = await page.$$('subsim-timeline');
      assert.equal(embeds.length, 2);
      // The first embed is a format 1 scenario (dated 2025): no "Today".
      assert.equal(await embeds[0].evaluate((el) => el.shadowRoot.querySelector('.wi-today').hidden), true);
      const todayEmbed = embeds[1];
      assert.equal(await todayEmbed.evaluate((el) => el.shadowRoot.querySelector('.wi-today').hidden), false);
      const before = await todayEmbed.evaluate((el) => el.getAttribute('data-rendered'));
      await todayEmbed.evaluate((el) => {
        const r = el.shadowRoot;
        r.querySelector('.wi-today').click();
        const instead = r.querySelector('.wi-instead');
        if (instead.checked) instead.click();   // in addition to the scenario's own what-if
        r.querySelector('.wi-add').click();
      });
      await page.waitForFunction((args) => {
        const el = document.querySelectorAll('subsim-timeline')[1];
        return el.getAttribute('data-rendered') !== args.before && el.shadowRoot.querySelectorAll('.wi-item').length === 2;
      }, { before }, { timeout: 15000 });
      const items = await todayEmbed.evaluate((el) => Array.from(el.shadowRoot.querySelectorAll('.wi-item')).map((li) => ({
        on: li.getAttribute('data-on'), sentence: li.querySelector('.wi-sentence').textContent })));
      assert.equal(items[1].on, '2026-03-31');
      assert.ok(/today \(31 March 2026\)|31 March 2026 \(today\)/.test(plain(items[1].sentence)), items[1].sentence);
      assert.equal(await todayEmbed.evaluate((el) => el.shadowRoot.querySelector('.wi-today').getAttribute('aria-pressed')), 'true');
      // The action was written relative, not as the day's date.
      const written = await todayEmbed.evaluate((el) => el._text);
      const actions = written.slice(written.indexOf('"actions"'), written.indexOf('"expect"'));
      assert.equal((actions.match(/"on":\s*"today"/g) || []).length, 2, actions);
      assert.ok(!/2026-03-31/.test(actions), actions);
      assert.deepEqual(page.problems, [], page.problems.join('\n'));
    } finally { await page.closeAll(); }
  });

  it('with the clock on another day, the same article text gives that day\'s answer', async () => {
    const a = await openArticle('en', '2027-01-10T12:00:00Z', 'UTC');
    try {
      const shown = await readTodayEmbed(a);
      assert.ok(plain(shown.items[0].sentence).includes('today (10 January 2027)'), shown.items[0].sentence);
      assert.equal(shown.items[0].sentence, JSON.parse(wasm.narration(text, 'en', '2027-01-10')).answers[0].sentence);
    } finally { await a.closeAll(); }
  });
});
