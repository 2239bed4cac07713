'use strict';
// Where a first load's time goes (bench/web/README.md, "first timeline"): LOAD_RUNS (3) loads of
// index.html from file:// at 1280×800, each traced, from navigation to the `subsim-first-frame`
// mark. Prints medians (ms, those of 0.5 and more) of: the page's marks; the renderer main
// thread's work by part (wall and CPU: script evaluations by file, the DOMContentLoaded handler,
// the script load that starts the engine and renders, the frames' lifecycles, the rest), and
// within it the WebAssembly compiles (the module's synchronous compile, the lazy compile of each
// function on its first call), style and layout, the fonts' look-ups (synchronous calls to the
// browser's font service); the main thread's idle time; the scripts parsed and compiled off the
// main thread. Tracing costs time of its own: compare runs of this script, not its figures with
// bench.js's.
// `NODE_PATH=tests/web/node_modules node bench/web/load-trace.js` (SUBSIM_SITE_DIR: another site).
const path = require('node:path');
const helpers = require('../../tests/web/helpers');

const RUNS = +(process.env.LOAD_RUNS || 3);
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8', 'v8.wasm', 'loading', 'fonts'];
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : 0; };

async function tracedLoad(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  try {
    const page = await ctx.newPage();
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto('file://' + path.join(helpers.SITE, 'index.html'));
    await page.waitForFunction(() => performance.getEntriesByName('subsim-first-frame').length > 0, null, { timeout: 30000 });
    return JSON.parse(await browser.stopTracing()).traceEvents;
  } finally { await ctx.close(); }
}

// The part of the page's load a top-level main-thread task belongs to, from the events it holds.
const WRAPPERS = /^(ThreadControllerImpl::RunTask|ThreadPool_RunTask|SimpleWatcher::OnHandleReady|Receive mojo message|TimerBase::run|AsyncTask Run|ScriptRunner::ExecutePendingScript|PendingScript::ExecuteScriptBlock)$/;
function partOf(inner) {
  const has = (name, test = () => true) => inner.find((e) => e.name === name && test(e));
  const url = (e) => path.basename(((e && e.args.data) || {}).url || '?');
  if (has('EventDispatch', (e) => e.args.data.type === 'DOMContentLoaded')) return 'DOMContentLoaded (start, style, layout)';
  if (has('ProxyMain::BeginMainFrame') || has('PrePaint')) return 'frame lifecycle';
  const parserScript = has('HTMLParserScriptRunner ExecuteScript');
  if (parserScript) return 'script ' + url(parserScript);
  const script = has('EvaluateScript');
  // The last of the engine's and the scenario's scripts to arrive runs the engine's start and
  // the first render from its load handler.
  if (script) return 'script ' + url(script) + ' and its load handlers';
  if (has('EventDispatch', (e) => e.args.data.type === 'load')) return 'load handlers';
  if (has('ParseHTML')) return 'HTML parse';
  if (has('DocumentLoader::CommitNavigation')) return 'navigation commit';
  const named = inner.find((e) => !WRAPPERS.test(e.name));
  if (named && named.name === 'EventDispatch') return 'event ' + named.args.data.type;
  return 'other tasks';
}

// One load's figures (ms), by name.
function figures(ev) {
  const nav = ev.find((e) => e.name === 'navigationStart' && e.args && e.args.data && /^file:/.test(e.args.data.documentLoaderURL || ''));
  const mark = (name) => ev.find((e) => e.name === name && e.pid === nav.pid && e.ph !== 'X');
  const end = mark('subsim-first-frame').ts, out = {};
  for (const m of ['subsim-engine-bytes', 'subsim-engine', 'subsim-first-render', 'subsim-first-frame']) if (mark(m)) out['mark ' + m] = (mark(m).ts - nav.ts) / 1000;
  const mainIds = new Set(ev.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => e.pid + ':' + e.tid));
  const onMain = ev.filter((e) => e.ph === 'X' && e.pid === nav.pid && mainIds.has(e.pid + ':' + e.tid) && e.ts >= nav.ts && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const add = (k, v) => { out[k] = (out[k] || 0) + v; };
  let top = null, busy = 0;
  for (const e of onMain) {
    if (top && e.ts < top.ts + top.dur) continue;
    top = e;
    const inner = onMain.filter((x) => x.ts >= e.ts && x.ts < e.ts + e.dur);
    const part = partOf(inner);
    add('main ' + part + ' (wall)', e.dur / 1000);
    add('main ' + part + ' (CPU)', (e.tdur || 0) / 1000);
    busy += e.dur / 1000;
  }
  for (const e of onMain.filter((x) => /^wasm\.(SyncCompile|CompileLazy)$/.test(x.name))) {
    add(e.name + ' (CPU)', (e.tdur || 0) / 1000);
    add(e.name + ' (count)', 1);
  }
  for (const name of ['UpdateLayoutTree', 'Layout']) for (const e of onMain.filter((x) => x.name === name)) add(name + ' (CPU)', (e.tdur || 0) / 1000);
  // The fonts' look-ups during style and layout: mostly synchronous calls to the browser's font
  // service (a family's match, the render style of each size and weight), outermost ones only.
  let fontEnd = 0;
  for (const e of onMain.filter((x) => x.name === 'FontCache::GetFontPlatformData')) {
    if (e.ts < fontEnd) continue;
    fontEnd = e.ts + e.dur;
    add('font look-ups (wall)', e.dur / 1000);
    add('font look-ups (CPU)', (e.tdur || 0) / 1000);
  }
  out['main idle (wall)'] = (end - nav.ts) / 1000 - busy;
  for (const e of ev.filter((x) => x.name === 'v8.parseOnBackground' && x.pid === nav.pid && x.ts >= nav.ts && x.ts < end)) {
    add('off main: parse/compile ' + path.basename(e.args.data.url) + ' (wall)', e.dur / 1000);
    add('off main: parse/compile ' + path.basename(e.args.data.url) + ' (CPU)', (e.tdur || 0) / 1000);
  }
  return out;
}

(async () => {
  const browser = await helpers.launchBrowser();
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(figures(await tracedLoad(browser)));
    const names = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
    console.log(`| ${path.basename(helpers.SITE)}: first load from file://, median of ${RUNS} traced loads | ms |\n|---|---:|`);
    for (const n of names.filter((k) => median(runs.map((r) => r[k] || 0)) >= 0.5)) console.log(`| ${n} | ${median(runs.map((r) => r[n] || 0)).toFixed(1)} |`);
  } finally { await browser.close(); }
})().catch((e) => { console.error(e); process.exit(1); });
