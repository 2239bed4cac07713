'use strict';
// Web benchmark (issues 3 and 4): gzipped bytes of the page, glue, wasm and embeds; time from
// navigation to the first timeline in headless Chromium; time to re-simulate and repaint a
// 10-year, 20-product scenario (and a 100-year one); time to add a what-if action (each one costs
// one more simulation, for its own answer); an embed's first render. Prints Markdown tables. Needs build/site (web/build.sh) and
// tests/web/node_modules (npm ci in tests/web). Not a test: it never fails on a slow figure.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const helpers = require('../../tests/web/helpers');
const { stressScenario } = require('../../tests/web/generate');

const RUNS = +(process.env.BENCH_RUNS || 7);
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  const groups = {
    'page (HTML, CSS, JS)': ['index.html', 'style.css', 'timeline.css', 'i18n.js', 'timeline.js', 'whatif.js', 'whatif-ui.js', 'app.js', 'favicon.svg'],
    'glue (subsim.js)': ['subsim.js'],
    'wasm (subsim.wasm)': ['subsim.wasm'],
    'bundled scenarios (scenarios.js)': ['scenarios.js'],
    'wasm as base64, file:// only (subsim-wasm.js)': ['subsim-wasm.js'],
  };
  const rows = [];
  const total = { http: [0, 0], file: [0, 0] };
  for (const [name, files] of Object.entries(groups)) {
    let raw = 0, gz = 0;
    for (const f of files) {
      const b = fs.readFileSync(path.join(helpers.SITE, f));
      raw += b.length;
      gz += zlib.gzipSync(b, { level: 9 }).length;
    }
    rows.push([name, raw, gz]);
    if (!name.includes('file://')) { total.http[0] += raw; total.http[1] += gz; }
    if (!name.startsWith('wasm (')) { total.file[0] += raw; total.file[1] += gz; }
  }
  rows.push(['**total served over HTTP** (page + glue + wasm + scenarios)', ...total.http]);
  rows.push(['**total read from file://** (page + glue + base64 wasm + scenarios)', ...total.file]);
  for (const [name, files] of Object.entries({
    'embed: element script (subsim-embed.js), plus glue and wasm as above': ['subsim-embed.js'],
    'embed: iframe page (embed.html, embed-page.js, embed-page.css), plus the element script': ['embed.html', 'embed-page.js', 'embed-page.css'],
  })) {
    let raw = 0, gz = 0;
    for (const f of files) { const b = fs.readFileSync(path.join(helpers.SITE, f)); raw += b.length; gz += zlib.gzipSync(b, { level: 9 }).length; }
    rows.push([name, raw, gz]);
  }
  console.log('\n### Download size\n\n| what | bytes | gzip -9 |\n|---|---:|---:|');
  for (const [n, r, g] of rows) console.log(`| ${n} | ${r} (${kb(r)} KiB) | ${g} (${kb(g)} KiB) |`);
}

// Add what-if cancellations one after another through the form: time from the click to the
// rebuilt page (the answer of each action needs one more simulation).
async function whatIfAdds(browser, url, scenario, count) {
  const page = await helpers.openPage(browser, url);
  if (scenario) await page.evaluate((t) => window.subsimPage.run(t), JSON.stringify(scenario, null, 2));
  const times = [];
  const sc = JSON.parse(await page.inputValue('#source'));
  const a = Date.parse(sc.start), b = Date.parse(sc.until);
  for (let i = 1; i <= count; i++) {
    const on = new Date(a + (b - a) * i / (count + 2)).toISOString().slice(0, 10);
    await page.fill('.wi-date', on);
    await page.dispatchEvent('.wi-date', 'change');
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const n = +document.body.dataset.renders, t0 = performance.now();
      document.querySelector('.wi-add').click();
      const wait = () => (+document.body.dataset.renders > n ? requestAnimationFrame(() => resolve(performance.now() - t0)) : setTimeout(wait, 1));
      wait();
    })));
  }
  await page.closeAll();
  return times;
}

async function embedFirstRender(browser, server) {
  const text = fs.readFileSync(path.join(helpers.ROOT, 'scenarios', 'rescueassist-cancel-reactivate.json'), 'utf8');
  server.extra['/bench/host.html'] = { body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>b</title><link rel="icon" href="/favicon.svg">' +
    '<script src="/subsim-embed.js" defer></script></head><body><subsim-timeline whatif><script type="application/json">' +
    text.replace(/</g, '\\u003c') + '</script></subsim-timeline></body></html>' };
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await helpers.openHost(browser, server.url + 'bench/host.html', { ready: (p) => helpers.embedsRendered(p, 1) });
    out.push(await page.evaluate(() => performance.now()));
    await page.closeAll();
  }
  return median(out);
}

async function firstTimeline(browser, url) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await helpers.openPage(browser, url);
    await page.waitForFunction(() => performance.getEntriesByName('subsim-first-frame').length > 0);
    out.push(await page.evaluate(() => ({
      render: performance.getEntriesByName('subsim-first-render')[0].startTime,
      frame: performance.getEntriesByName('subsim-first-frame')[0].startTime,
      simulate: window.subsimPage.last.simulateMs,
    })));
    await page.closeAll();
  }
  return { frame: median(out.map((o) => o.frame)), render: median(out.map((o) => o.render)), simulate: median(out.map((o) => o.simulate)) };
}

async function resimulate(browser, url, scenario) {
  const page = await helpers.openPage(browser, url);
  const text = JSON.stringify(scenario, null, 2);
  const runs = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // As after an edit: simulate, rebuild the page, then wait for the next frame to be painted.
    const r = await page.evaluate((text) => new Promise((resolve) => {
      const t0 = performance.now();
      const last = window.subsimPage.run(text);
      requestAnimationFrame(() => setTimeout(() => resolve({ ...last, frame: performance.now() - t0 }), 0));
    }), text);
    if (i > 0) runs.push(r);   // the first run warms up the engine and the JIT
  }
  const events = await page.evaluate(() => document.querySelectorAll('#events li').length);
  await page.closeAll();
  return { simulate: median(runs.map((r) => r.simulateMs)), render: median(runs.map((r) => r.renderMs)),
           frame: median(runs.map((r) => r.frame)), events };
}

(async () => {
  sizes();
  const server = await helpers.startServer(helpers.SITE);
  const browser = await helpers.launchBrowser();
  try {
    const first = 'zendesk-notice-missed.json';
    console.log(`\n### Navigation to first timeline (median of ${RUNS}, headless Chromium, scenario ${first})\n`);
    console.log('| opened from | first simulate (ms) | first render done (ms after navigation) | first frame with the timeline (ms after navigation) |\n|---|---:|---:|---:|');
    for (const [name, url] of [['file://', 'file://' + path.join(helpers.SITE, 'index.html') + '#' + first],
                               ['http://127.0.0.1 (strict CSP)', server.url + '#' + first]]) {
      const t = await firstTimeline(browser, url);
      console.log(`| ${name} | ${fmt(t.simulate)} | ${fmt(t.render)} | ${fmt(t.frame)} |`);
    }
    console.log(`\n### Re-simulate and repaint after an edit (median of ${RUNS})\n`);
    console.log('| scenario | events | simulate in wasm (ms) | rebuild the page (ms) | to the next painted frame (ms) |\n|---|---:|---:|---:|---:|');
    for (const [name, opts] of [['10 years, 20 products', { years: 10, products: 20 }],
                                ['100 years, 20 products', { start: '1950-01-01', years: 100, products: 20 }]]) {
      const sc = stressScenario(opts);
      const events = JSON.parse((await helpers.loadWasm()).simulate(JSON.stringify(sc))).events.length;
      const t = await resimulate(browser, server.url + '#' + first, sc);
      console.log(`| ${name} | ${events} | ${fmt(t.simulate)} | ${fmt(t.render)} | ${fmt(t.frame)} |`);
    }
    console.log('\n### Add what-if actions through the form, one after another (click to rebuilt page, ms)\n');
    console.log('| scenario | 1st | 2nd | 3rd | 4th |\n|---|---:|---:|---:|---:|');
    const small = await whatIfAdds(browser, server.url + '#' + first, null, 4);
    console.log(`| ${first} | ${small.map(fmt).join(' | ')} |`);
    const big = await whatIfAdds(browser, server.url + '#' + first, stressScenario({ years: 10, products: 20 }), 4);
    console.log(`| 10 years, 20 products | ${big.map(fmt).join(' | ')} |`);
    console.log(`\n### Embed: <subsim-timeline> with what-if controls, rendered (median of ${RUNS}, ms after navigation, strict CSP)\n`);
    console.log(`| host page, inline scenario | ${fmt(await embedFirstRender(browser, server))} |\n|---|---:|`);
  } finally {
    await browser.close();
    server.server.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
