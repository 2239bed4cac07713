'use strict';
// Where a what-if edit's time goes (bench/web/README.md, "where the time goes"): the bench's pin
// moves (the same scenario, page and key presses as bench.js), profiled two ways. First a CPU
// profile of the renderer's main thread during each key press (V8 sampling, CDP `Profiler`; the
// page's idle-time work switched off): self time by function, the top PROFILE_TOP (30) printed. Then a trace: per edit, the main-thread events from the keydown
// to the frame's DrawFrame, summed by name, with the layers rastered (RasterTask by layer id) and
// the style, layout and paint invalidations (devtools.timeline.invalidationTracking), by node.
// Prints medians per edit. `node bench/web/profile.js` (NODE_PATH=tests/web/node_modules).
const fs = require('node:fs');
const path = require('node:path');
const helpers = require('../../tests/web/helpers');
const { pageWithWhatIfPin } = require('./whatif-pin');

const EDITS = +(process.env.BENCH_EDITS || 15);
const TOP = +(process.env.PROFILE_TOP || 30);
const SCENARIO = process.env.BENCH_SCENARIO || path.join(helpers.ROOT, 'build', 'bench', 'scenarios', '20_products_10y.json');
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };

async function presses(page) {
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(250);
  }
}

// Self time by function (name and place), in ms per edit.
async function cpuProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const self = new Map();
  // The work the page leaves for idle time (lists, what-if marks) is not done in this part, so
  // that it cannot run inside a profiled key press.
  await page.evaluate(() => { window.requestIdleCallback = () => 0; });
  for (let i = 0; i < EDITS; i++) {   // from the key press until it is handled: the work after the frame left out
    await cdp.send('Profiler.start');
    await page.keyboard.press('ArrowRight');
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n])), dt = profile.timeDeltas;
    profile.samples.forEach((id, k) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url || '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) || 0) + (dt[k + 1] || 0));
    });
    await page.waitForTimeout(250);
  }
  const idle = ['(idle) :0', '(program) :0'];
  console.log(`\nCPU profile of the key handler (key press to its dispatch done), self time per edit (ms), ${EDITS} edits:`);
  [...self].filter(([k]) => !idle.includes(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .forEach(([k, us]) => console.log(`${(us / 1000 / EDITS).toFixed(2).padStart(7)}  ${k}`));
}

// Per edit: main-thread events (top level and nested) by name, raster by layer, invalidations.
function traceSummary(trace) {
  const ev = trace.traceEvents;
  const keys = ev.filter((e) => e.name === 'EventDispatch' && e.args && e.args.data && e.args.data.type === 'keydown').sort((a, b) => a.ts - b.ts);
  const commits = ev.filter((e) => e.name === 'Commit' && (e.ph === 'X' || e.ph === 'b')).sort((a, b) => a.ts - b.ts);
  const draws = ev.filter((e) => e.name === 'DrawFrame').sort((a, b) => a.ts - b.ts);
  const per = { main: new Map(), raster: new Map(), invalid: new Map() };
  const add = (m, k, v) => { if (!m.has(k)) m.set(k, []); m.get(k).push(v); };
  for (const k of keys) {
    const commit = commits.find((c) => c.ts >= k.ts + k.dur), draw = commit && draws.find((d) => d.ts >= commit.ts + (commit.dur || 0));
    if (!draw) continue;
    const within = ev.filter((e) => e.ts >= k.ts && e.ts < draw.ts);
    const sum = (filter, keyOf, valueOf, into) => {
      const m = new Map();
      within.filter(filter).forEach((e) => m.set(keyOf(e), (m.get(keyOf(e)) || 0) + valueOf(e)));
      m.forEach((v, name) => add(into, name, v));
    };
    sum((e) => e.ph === 'X' && e.pid === k.pid && e.tid === k.tid && e.tdur != null, (e) => e.name, (e) => e.tdur / 1000, per.main);
    sum((e) => e.name === 'RasterTask', (e) => 'layer ' + ((e.args && e.args.tileData && e.args.tileData.layerId) || '?'), (e) => (e.tdur || e.dur || 0) / 1000, per.raster);
    sum((e) => /InvalidationTracking$/.test(e.name), (e) => e.name.replace('InvalidationTracking', '') + ' ' + invalidated(e), () => 1, per.invalid);
  }
  const show = (title, m, unit) => {
    console.log(`\n${title} (median per edit over the edits where present, ${unit}):`);
    [...m].map(([k, v]) => [k, median(v), v.length]).sort((a, b) => b[1] - a[1]).slice(0, TOP)
      .forEach(([k, v, n]) => console.log(`${v.toFixed(2).padStart(8)}  ${k}  (${n} edits)`));
  };
  show('Main thread, key to frame, by event (nested ones counted in their parents too)', per.main, 'ms CPU');
  show('Raster tasks by layer', per.raster, 'ms CPU');
  show('Invalidations', per.invalid, 'count');
}

function invalidated(e) {
  const d = (e.args && e.args.data) || {};
  return [d.nodeName, d.reason || d.invalidationList && d.invalidationList.map((x) => x.classes || x.id || x.attribute || x.type).join('|')].filter(Boolean).join(' ').slice(0, 120);
}

// The compositor's layers (the ids the raster tasks name): size and the element that made each.
async function layers(page) {
  const cdp = await page.context().newCDPSession(page);
  const got = new Promise((resolve) => cdp.on('LayerTree.layerTreeDidChange', (e) => { if (e.layers) resolve(e.layers); }));
  await cdp.send('DOM.enable');
  await cdp.send('DOM.getDocument', { depth: -1 });
  await cdp.send('LayerTree.enable');
  // The tree is sent when it changes: one more pin move changes it.
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const list = await Promise.race([got, new Promise((r) => setTimeout(() => r([]), 3000))]);
  console.log('\nLayers (id, width × height, element):');
  for (const l of list) {
    let who = '';
    if (l.backendNodeId) {
      try {
        const { node } = await cdp.send('DOM.describeNode', { backendNodeId: l.backendNodeId });
        const attrs = node.attributes || [], at = (n) => { const i = attrs.indexOf(n); return i >= 0 ? attrs[i + 1] : ''; };
        who = node.nodeName.toLowerCase() + (at('id') ? '#' + at('id') : '') + (at('class') ? '.' + at('class').split(' ').join('.') : '');
      } catch (e) { who = '?'; }
    }
    console.log(`  layer ${l.layerId}: ${Math.round(l.width)} × ${Math.round(l.height)} ${who}${l.drawsContent ? '' : ' (draws nothing)'}`);
  }
}

(async () => {
  const text = fs.readFileSync(SCENARIO, 'utf8');
  const server = await helpers.startServer(helpers.SITE);
  const browser = await helpers.launchBrowser();
  try {
    let page = await pageWithWhatIfPin(browser, server, text);
    await cpuProfile(page);
    await page.closeAll();
    page = await pageWithWhatIfPin(browser, server, text);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
      'disabled-by-default-devtools.timeline.invalidationTracking', 'cc', 'disabled-by-default-cc.debug'] });
    await presses(page);
    traceSummary(JSON.parse(await browser.stopTracing()));
    await layers(page);
    await page.closeAll();
  } finally {
    await browser.close();
    server.server.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
