'use strict';
// Embedding (issue 4): the <subsim-timeline> element (src and inline) and the embed.html iframe,
// inside host pages served with the strict CSP; the "copy embed code" output pasted into a host
// page; the sample articles from file:// and from the server; markup in names stays text; the
// embeds follow their container's width. Every request must be one of subsim's own files (or
// the host's), with no console error, page error, JS dialog or CSP violation in any frame.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { SITE, SCENARIOS, loadWasm, startServer, launchBrowser, openPage, openHost, embedsRendered, screenshotPath } = require('./helpers');

let browser, server, wasm;

before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, 'subsim-embed.js')), `${SITE}/subsim-embed.js is missing: run web/build.sh`);
  wasm = await loadWasm();
  server = await startServer(SITE);
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

const read = (f) => fs.readFileSync(path.join(SCENARIOS, f), 'utf8');
const engine = (text) => JSON.parse(wasm.simulate(text));
const fragment = (text) => 'z=' + zlib.deflateRawSync(Buffer.from(text, 'utf8')).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const inlineJson = (text) => text.replace(/</g, '\\u003c');
const spans = (r) => r.spans.map((s) => [s.subscription, s.product, s.state, s.from, s.to].join('|')).sort();

// What one embed shows, read from its shadow root.
function readEmbed(frame, selector) {
  return frame.$eval(selector, (el) => {
    const r = el.shadowRoot, q = (s) => Array.from(r.querySelectorAll(s));
    return {
      lang: r.querySelector('.sx').getAttribute('lang'),
      title: r.querySelector('.sx-title').textContent,
      bars: q('rect.bar[data-from]').map((b) => [b.dataset.subscription, b.dataset.product, b.dataset.state, b.dataset.from, b.dataset.to].join('|')).sort(),
      events: q('.sx-ev-text').map((e) => e.textContent),
      legend: r.querySelector('.sx-legend summary').textContent,
      whatif: !r.querySelector('.sx-wi').hidden,
      width: el.getBoundingClientRect().width,
      chartWidth: r.querySelector('.tl-scroll').clientWidth,
      markup: q('img, script, iframe, object').length,
      text: r.querySelector('.sx').textContent,
    };
  });
}
async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}
// Every request is one of subsim's files or the host's own.
function assertOwnRequests(page, allowed) {
  const origin = server.url.replace(/\/$/, '');
  const bad = page.requests.filter((u) => !u.startsWith(origin + '/') || !allowed.some((a) => new URL(u).pathname === a));
  assert.deepEqual(bad, [], 'unexpected requests');
}
const EMBED_FILES = ['/subsim-embed.js', '/subsim.js', '/subsim.wasm'];
const IFRAME_FILES = ['/embed.html', '/embed-page.js', '/embed-page.css', '/favicon.svg', '/subsim-worker.js'];   // the link's first simulation runs in a worker

function hostPage({ lang = 'fr', body, css = true }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${css ? '<link rel="stylesheet" href="host.css">' : ''}
<script src="/subsim-embed.js" defer></script>
</head>
<body>
<main class="col">
<h1>Un article hôte</h1>
${body}
</main>
</body>
</html>
`;
}
const HOST_CSS = 'body { margin: 0; font-family: Georgia, serif; color: #222; } .col { max-width: 720px; margin: 0 auto; padding: 16px; } iframe { border: 0; display: block; }\n' +
  /* a host's own styles must not leak into the embed */ 'p, li, dd, span, text { color: red !important; font-size: 40px !important; } .sx, .bar { display: none !important; }\n';

describe('embeds in a host page with a strict CSP', () => {
  it('renders the element from src and inline, and the iframe, each as the engine computed it', async () => {
    const a = read('zendesk-notice-missed.json'), b = read('rescueassist-cancel-reactivate.json');
    server.extra['/host/host.css'] = { body: HOST_CSS, type: 'text/css' };
    server.extra['/host/scenario.json'] = { body: a, type: 'application/json' };
    server.extra['/host/embeds.html'] = { body: hostPage({
      body: `<p>Depuis un fichier :</p>
<subsim-timeline id="by-src" src="scenario.json"></subsim-timeline>
<p>En ligne, en anglais, avec les « et si » :</p>
<subsim-timeline id="inline" lang="en" whatif>
<script type="application/json">
${inlineJson(b)}
</script>
</subsim-timeline>
<p>Dans une iframe :</p>
<iframe id="frame" src="/embed.html#${fragment(b)}&amp;lang=fr&amp;whatif=1" title="Chronologie" width="100%" height="700"></iframe>` }) };
    const page = await openHost(browser, server.url + 'host/embeds.html', { ready: (p) => embedsRendered(p, 2) });
    try {
      const frame = page.frames().find((f) => f.url().includes('/embed.html'));
      assert.ok(frame, 'the iframe loaded');
      await embedsRendered(frame, 1);
      const ra = engine(a), rb = engine(b);
      // src: read-only, French from the host's <html lang>.
      const bySrc = await readEmbed(page, '#by-src');
      assert.deepEqual(bySrc.bars, spans(ra));
      assert.equal(bySrc.lang, 'fr');
      assert.equal(bySrc.legend, 'Légende');
      assert.equal(bySrc.whatif, false);
      assert.equal(bySrc.events.length, ra.events.length);
      // Every sentence is the narrator's, in the element's language (SPEC §4.1).
      assert.deepEqual(bySrc.events, JSON.parse(wasm.explain(a, 'fr')), 'the element shows explain(text, "fr")');
      assert.equal(bySrc.title, JSON.parse(a).title);
      // inline: English from its attribute, with the what-if controls.
      const inline = await readEmbed(page, '#inline');
      assert.deepEqual(inline.bars, spans(rb));
      assert.equal(inline.lang, 'en');
      assert.equal(inline.whatif, true);
      assert.deepEqual(inline.events, JSON.parse(wasm.explain(b, 'en')), 'the element shows explain(text, "en")');
      // iframe: French, what-if controls from &whatif=1.
      const inFrame = await readEmbed(frame, 'subsim-timeline');
      assert.deepEqual(inFrame.bars, spans(rb));
      assert.equal(inFrame.lang, 'fr');
      assert.equal(inFrame.whatif, true);
      assert.deepEqual(inFrame.events, JSON.parse(wasm.explain(b, 'fr')), 'the iframe shows explain(text, "fr")');
      // Every control in the shadow roots has a name, and the keyboard reaches the timeline.
      const unnamed = await page.evaluate(() => Array.from(document.querySelectorAll('subsim-timeline')).flatMap((el) =>
        Array.from(el.shadowRoot.querySelectorAll('button, select, input, [tabindex="0"]'))
          .filter((n) => !n.closest('[hidden]'))
          .filter((n) => !(n.getAttribute('aria-label') || (n.labels && n.labels.length) || n.textContent.trim() || n.title))
          .map((n) => n.outerHTML.slice(0, 80))));
      assert.deepEqual(unnamed, []);
      await page.focus('#inline');
      await page.keyboard.press('Tab');
      let reached = false;
      for (let i = 0; i < 12 && !reached; i++) {
        reached = await page.evaluate(() => { const a = document.getElementById('inline').shadowRoot.activeElement; return !!a && a.classList.contains('tl-scroll'); });
        if (!reached) await page.keyboard.press('Tab');
      }
      assert.ok(reached, 'Tab reaches the timeline inside the element');
      await page.keyboard.press('ArrowRight');
      const tip = await page.evaluate(() => document.getElementById('inline').shadowRoot.querySelector('.tl-tip').textContent);
      assert.ok(tip.length > 10, 'arrow keys walk the timeline and show the item');
      // The host's styles stay outside (its red 40px text and hidden bars do not apply).
      const style = await page.$eval('#by-src', (el) => {
        const t = el.shadowRoot.querySelector('.sx-title'), bar = el.shadowRoot.querySelector('rect.bar');
        return { color: getComputedStyle(t).color, size: getComputedStyle(t).fontSize, bar: getComputedStyle(bar).display };
      });
      assert.notEqual(style.color, 'rgb(255, 0, 0)');
      assert.notEqual(style.size, '40px');
      assert.notEqual(style.bar, 'none');
      await page.locator('#by-src').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('embed-host.png'), fullPage: true });
      assertOwnRequests(page, ['/host/embeds.html', '/host/host.css', '/host/scenario.json', ...EMBED_FILES, ...IFRAME_FILES]);
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('explores a what-if inside the element, and follows its container\'s width', async () => {
    const b = read('rescueassist-cancel-reactivate.json');
    server.extra['/host/host.css'] = { body: HOST_CSS, type: 'text/css' };
    server.extra['/host/whatif.html'] = { body: hostPage({ lang: 'en', body: `<subsim-timeline id="w" whatif>
<script type="application/json">${inlineJson(b)}</script>
</subsim-timeline>
<iframe id="frame" src="/embed.html#${fragment(b)}&amp;lang=en" title="Timeline" width="100%" height="600"></iframe>
<subsim-timeline id="nolink" simulator=""><script type="application/json">${inlineJson(b)}</script></subsim-timeline>` }) };
    const page = await openHost(browser, server.url + 'host/whatif.html', { ready: (p) => embedsRendered(p, 2) });
    try {
      const el = page.locator('#w');
      const box = await el.locator('.tl-scroll').boundingBox();
      await page.mouse.click(box.x + box.width * 0.7, box.y + 95);
      const n = +(await el.getAttribute('data-rendered'));
      await el.locator('.wi-add').click();
      await page.waitForFunction((k) => +document.getElementById('w').getAttribute('data-rendered') > k, n);
      const sentence = await el.locator('.wi-sentence').first().textContent();
      const on = await el.locator('.wi-pin').first().getAttribute('data-on');
      // The element's what-if is the page's: the same text gives the same engine answer.
      const text = await page.$eval('#w', (e) => e.scenario);
      const r = engine(text);
      const sched = r.events.find((e) => e.type === 'cancellation_scheduled' && e.date === on);
      assert.ok(sched, 'the engine schedules it');
      // The answer is the narrator's, for the what-if action's index in `actions`.
      const k = JSON.parse(text).actions.findIndex((x) => x['x-whatif']);
      const answer = JSON.parse(wasm.narration(text, 'en')).answers.find((x) => x.action === k);
      assert.ok(answer, 'the narrator answers the what-if action');
      assert.equal(sentence, answer.sentence);
      assert.deepEqual((await readEmbed(page, '#w')).bars, spans(r));
      await el.screenshot({ path: screenshotPath('embed-whatif.png') });
      // "Open in the simulator" carries the scenario with the reader's what-if action to the page.
      await page.waitForFunction(() => /index\.html#z=/.test(document.getElementById('w').shadowRoot.querySelector('.sx-open').href));
      const href = await page.$eval('#w', (e) => e.shadowRoot.querySelector('.sx-open').href);
      const sim = await openPage(browser, href);
      try {
        assert.equal(await sim.evaluate(() => window.subsimPage.text()), text);
        assert.equal(await sim.$$eval('#timeline .wi-pin', (ps) => ps.map((p) => p.dataset.on).join()), on);
        const problems = await sim.problems();
        assert.deepEqual(problems, [], problems.join('\n'));
      } finally { await sim.closeAll(); }
      assert.equal(await page.$eval('#nolink', (e) => e.shadowRoot.querySelector('.sx-open').hidden), true);
      // Reset goes back to the author's scenario.
      await el.locator('.sx-reset').click();
      await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('.wi-pin').length === 0);
      // Width: the container's, at desktop and at phone width, for the element and the iframe.
      const wide = await readEmbed(page, '#w');
      assert.ok(wide.width <= 720 && wide.width > 600, `element width ${wide.width}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => document.getElementById('w').getBoundingClientRect().width < 400);
      await page.waitForTimeout(100);
      const narrow = await readEmbed(page, '#w');
      assert.ok(narrow.width <= 390 - 32 + 1, `element width ${narrow.width} at 390px`);
      assert.ok(narrow.chartWidth < wide.chartWidth && narrow.chartWidth > 150, `chart ${narrow.chartWidth} < ${wide.chartWidth}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the host page is ${overflow}px wider than the screen`);
      const frame = page.frames().find((f) => f.url().includes('/embed.html'));
      await embedsRendered(frame, 1);
      const inFrame = await readEmbed(frame, 'subsim-timeline');
      assert.ok(inFrame.width <= 390 - 32, `iframe content width ${inFrame.width}`);
      await el.screenshot({ path: screenshotPath('embed-phone.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });

  it('pastes the page\'s "copy embed code" output into a host page, and both forms render', async () => {
    const page = await openPage(browser, server.url + '#edge-notice-deadline.json');
    let iframe, element, text;
    try {
      await page.click('#lang-fr');
      await page.click('#share');
      await page.waitForFunction(() => document.getElementById('embed-iframe').value.includes('#z='));
      await page.check('#embed-whatif');
      await page.selectOption('#embed-lang', 'host');
      iframe = await page.inputValue('#embed-iframe');
      element = await page.inputValue('#embed-element');
      text = await page.evaluate(() => window.subsimPage.text());
      await page.click('#copy-iframe');
      await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
    } finally { await page.closeAll(); }
    assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#z=[\w-]+&amp;whatif=1" title="[^"<]+" width="100%" height="\d+" loading="lazy"><\/iframe>$/);
    assert.match(element, /^<script src="http:\/\/127\.0\.0\.1:\d+\/subsim-embed\.js" defer><\/script>\n<subsim-timeline whatif>\n<script type="application\/json">\n/);
    server.extra['/host/pasted.html'] = { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title><link rel="icon" href="/favicon.svg"></head><body>\n${iframe}\n${element}\n</body></html>\n` };
    const host = await openHost(browser, server.url + 'host/pasted.html', { ready: (p) => embedsRendered(p, 1) });
    try {
      const r = engine(text);
      const el = await readEmbed(host, 'subsim-timeline');
      assert.deepEqual(el.bars, spans(r));
      assert.equal(el.lang, 'en');   // from the host page
      assert.equal(el.whatif, true);
      const frame = host.frames().find((f) => f.url().includes('/embed.html'));
      await embedsRendered(frame, 1);
      assert.deepEqual((await readEmbed(frame, 'subsim-timeline')).bars, spans(r));
      assertOwnRequests(host, ['/host/pasted.html', ...EMBED_FILES, ...IFRAME_FILES]);
      await assertClean(host);
    } finally { await host.closeAll(); }
  });

  it('shows <script> and <img onerror> in names as text in both embed forms', async () => {
    const s = JSON.parse(read('rescueassist-cancel-reactivate.json'));
    s.title = 'Évil <script>alert("title")</script>';
    s.catalog.products[0].name = '<img src=x onerror="alert(\'product\')"><b>bold</b>';
    s.account.users[1].id = '<script>alert("user")</script>';
    s.actions = s.actions.map((a) => (a.by === 'hugo' ? { ...a, by: s.account.users[1].id } : a));
    s.subscriptions[0].number = '<img src=x onerror=alert(1)>';
    s.expect = [];
    const text = JSON.stringify(s, null, 2);
    assert.ok(!engine(text).errors);
    server.extra['/host/evil.json'] = { body: text, type: 'application/json' };
    server.extra['/host/evil.html'] = { body: hostPage({ lang: 'en', css: false, body: `<subsim-timeline id="src" src="evil.json" whatif></subsim-timeline>
<subsim-timeline id="inline"><script type="application/json">${inlineJson(text)}</script></subsim-timeline>
<iframe src="/embed.html#${fragment(text)}&amp;whatif=1&amp;heading=${encodeURIComponent('<img src=x onerror=alert(9)>')}" title="t" width="100%" height="600"></iframe>` }) };
    const page = await openHost(browser, server.url + 'host/evil.html', { ready: (p) => embedsRendered(p, 2) });
    try {
      const frame = page.frames().find((f) => f.url().includes('/embed.html'));
      await embedsRendered(frame, 1);
      for (const [f, sel] of [[page, '#src'], [page, '#inline'], [frame, 'subsim-timeline']]) {
        const e = await readEmbed(f, sel);
        assert.equal(e.markup, 0, `${sel}: no element made from the names`);
        assert.ok(e.text.includes(s.catalog.products[0].name), `${sel}: the product name is shown as text`);
        assert.ok(e.events.some((x) => x.includes(s.account.users[1].id)), `${sel}: the user id is shown as text`);
      }
      assert.equal((await readEmbed(page, '#src')).title, s.title);
      assert.equal((await readEmbed(frame, 'subsim-timeline')).title, '<img src=x onerror=alert(9)>');
      // A what-if by the user with markup in its id: the sentence shows it as text.
      const el = page.locator('#src');
      const opts = await el.locator('.wi-who option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
      await el.locator('.wi-who').selectOption(opts.find((o) => o[1].startsWith('<script>'))[0]);
      const n = +(await el.getAttribute('data-rendered'));
      await el.locator('.wi-add').click();
      await page.waitForFunction((k) => +document.getElementById('src').getAttribute('data-rendered') > k, n);
      assert.ok((await el.locator('.wi-sentence').first().textContent()).includes('<script>alert("user")</script>'));
      assert.equal((await readEmbed(page, '#src')).markup, 0);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
      await assertClean(page);   // includes: no JS dialog opened
    } finally { await page.closeAll(); }
  });

  it('says what is wrong with a scenario that cannot be simulated or loaded, as text', async () => {
    server.extra['/host/broken.html'] = { body: hostPage({ lang: 'en', css: false, body: `<subsim-timeline id="bad"><script type="application/json">{ "subsim": 1, "title": "<b>x</b>" }</script></subsim-timeline>
<subsim-timeline id="missing" src="nowhere.json"></subsim-timeline>` }) };
    const page = await openHost(browser, server.url + 'host/broken.html');
    try {
      await page.waitForFunction(() => document.getElementById('bad').shadowRoot.querySelector('.sx-errors:not([hidden]) li') &&
                                       document.getElementById('missing').shadowRoot.querySelector('.sx-status.bad'));
      const errs = await page.$eval('#bad', (e) => Array.from(e.shadowRoot.querySelectorAll('.sx-errors li')).map((li) => li.textContent));
      const want = engine('{ "subsim": 1, "title": "<b>x</b>" }').errors;
      assert.equal(errs.length, Math.min(20, want.length));
      assert.ok(errs[0].includes(want[0].message));
      const missing = await page.$eval('#missing', (e) => e.shadowRoot.querySelector('.sx-status').textContent);
      assert.match(missing, /nowhere\.json.*404/);
      assert.equal(await page.evaluate(() => document.getElementById('bad').shadowRoot.querySelectorAll('b').length), 0);
      // The 404 of the missing file is the only problem (it is the test's doing).
      const problems = (await page.problems()).filter((p) => !/nowhere\.json|404/.test(p));
      assert.deepEqual(problems, []);
    } finally { await page.closeAll(); }
  });
});

describe('the sample help-center article', () => {
  for (const mode of ['file', 'http']) {
    for (const lang of ['fr', 'en']) {
      it(`renders both embeds in article.${lang}.html from ${mode === 'file' ? 'file://' : 'the server'}`, async () => {
        const url = mode === 'file' ? 'file://' + path.join(SITE, `article.${lang}.html`) : server.url + `article.${lang}.html`;
        const page = await openHost(browser, url, { ready: (p) => embedsRendered(p, 1) });
        try {
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
          // The element (inline scenario, what-if on), in the page's language.
          const el = await readEmbed(page, 'subsim-timeline');
          assert.deepEqual(el.bars, spans(engine(read('rescueassist-cancel-reactivate.json'))));
          assert.equal(el.lang, lang);
          assert.equal(el.whatif, true);
          // The iframe (lazy): scroll to it, then it renders the notice-deadline scenario.
          await page.locator('iframe.sim-frame').scrollIntoViewIfNeeded();
          await page.waitForFunction(() => Array.from(window.frames).length > 0);
          let frame = null;
          for (let i = 0; i < 50 && !frame; i++) { frame = page.frames().find((f) => f.url().includes('embed.html')); if (!frame) await page.waitForTimeout(100); }
          assert.ok(frame, 'the iframe loaded');
          await embedsRendered(frame, 1);
          const fr = await readEmbed(frame, 'subsim-timeline');
          const missed = engine(read('zendesk-notice-missed.json'));
          assert.deepEqual(fr.bars, spans(missed));
          assert.equal(fr.lang, lang);
          // The iframe takes its content's height (posted by embed.html).
          await page.waitForFunction(() => document.querySelector('iframe.sim-frame').style.height !== '');
          // The article links to the simulator and to the other language.
          assert.ok(await page.$('a[href="index.html"]'));
          assert.ok(await page.$(`a[href="article.${lang === 'fr' ? 'en' : 'fr'}.html"]`));
          if (mode === 'http') {
            assertOwnRequests(page, [`/article.${lang}.html`, '/article.css', '/article.js', '/favicon.svg', ...EMBED_FILES, ...IFRAME_FILES]);
            await page.screenshot({ path: screenshotPath(`article-${lang}.png`), fullPage: true });
          }
          await assertClean(page);
        } finally { await page.closeAll(); }
      });
    }
  }

  it('fits a phone-width screen', async () => {
    const page = await openHost(browser, server.url + 'article.fr.html', { viewport: { width: 390, height: 844 }, ready: (p) => embedsRendered(p, 1) });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the article is ${overflow}px wider than the screen`);
      await page.screenshot({ path: screenshotPath('article-phone.png') });
      await page.locator('iframe.sim-frame').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      const frame = page.frames().find((f) => f.url().includes('embed.html'));
      if (frame) await embedsRendered(frame, 1);
      await page.locator('figure.example').first().screenshot({ path: screenshotPath('article-phone-iframe.png') });
      await page.locator('subsim-timeline').first().screenshot({ path: screenshotPath('article-phone-element.png') });
      await assertClean(page);
    } finally { await page.closeAll(); }
  });
});
