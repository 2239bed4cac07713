'use strict';
// Shared by the web tests: paths, the WebAssembly module, the native CLI, a static server that
// sends the strict CSP header, and a headless Chromium (Debian's package) via playwright-core.
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SCENARIOS = path.join(ROOT, 'scenarios');
const SITE = process.env.SUBSIM_SITE_DIR || path.join(ROOT, 'build', 'site');
const WASM_DIR = process.env.SUBSIM_WASM_DIR || path.join(ROOT, 'build', 'wasm', 'wasm');
const CLI = process.env.SUBSIM_CLI || path.join(ROOT, 'build', 'native', 'cli', 'subsim');
const SCREENSHOTS = process.env.SUBSIM_SCREENSHOTS || path.join(ROOT, 'build', 'screenshots');
const CHROMIUM = process.env.SUBSIM_CHROMIUM || '/usr/bin/chromium';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// Every bundled scenario, subfolders included (scenarios/**/*.json), by its path under scenarios/.
function scenarioFiles(dir = SCENARIOS, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((e) => {
    const rel = prefix ? prefix + '/' + e.name : e.name;
    if (e.isDirectory()) return scenarioFiles(path.join(dir, e.name), rel);
    return e.name.endsWith('.json') ? [rel] : [];
  });
}

let modulePromise = null;
// The same glue the page uses. Node 18+ has fetch(), which this Emscripten's loader would try on
// a file path, so the binary is handed over directly.
function loadWasm() {
  if (!modulePromise) {
    const SubSim = require(path.join(WASM_DIR, 'subsim.js'));
    modulePromise = SubSim({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'subsim.wasm')) });
  }
  return modulePromise;
}

// `subsim run --json FILE`: stdout as bytes, and the exit status.
function runCli(file) {
  const r = spawnSync(CLI, ['run', '--json', file], { maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status, stderr: r.stderr.toString('utf8') };
}

// `subsim ARGS…`: stdout as bytes, and the exit status.
function runCliArgs(args) {
  const r = spawnSync(CLI, args, { maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status, stderr: r.stderr.toString('utf8') };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
};

// A tiny static server on 127.0.0.1 (random port) for `dir`, with the strict CSP on every answer.
// `extra` maps more paths to { body, type } (host pages for the embed tests); it can be filled
// after the start (server.extra).
function startServer(dir, extra = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    if (extra[rel]) {
      res.writeHead(200, { ...headers, 'Content-Type': extra[rel].type || TYPES[path.extname(rel)] || 'text/plain' });
      res.end(extra[rel].body);
      return;
    }
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, extra, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

// A page that records console errors, page errors, failed requests and CSP violations.
async function openPage(browser, url, viewport, init) {
  const context = await browser.newContext({ viewport: viewport || { width: 1400, height: 1000 }, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url().slice(0, 120)} ${r.failure() && r.failure().errorText}`));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  const ready = await page.getAttribute('body', 'data-ready');
  if (ready !== 'true') problems.push(`engine did not load: ${await page.textContent('#status')}`);
  page.problems = async () => {
    const csp = await page.evaluate(() => window.__csp || []);
    return problems.concat(csp.map((c) => `CSP violation: ${c}`));
  };
  page.closeAll = () => context.close();
  return page;
}

// A page that is not the simulator (a host page with embeds, the article): records console
// errors, page errors, failed requests, JS dialogs, every request, and CSP violations in every
// frame. `ready(page)` is awaited after loading.
async function openHost(browser, url, { viewport, init, ready } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url().slice(0, 120)} ${r.failure() && r.failure().errorText}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => { window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`); });
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  if (ready) await ready(page);
  page.requests = requests;
  page.problems = async () => {
    const csp = [];
    for (const f of page.frames()) {
      try { for (const c of await f.evaluate(() => window.__csp || [])) csp.push(`CSP violation in ${f.url().slice(0, 60)}: ${c}`); } catch (e) { /* detached */ }
    }
    return problems.concat(csp);
  };
  page.closeAll = () => context.close();
  return page;
}

// Wait until every <subsim-timeline> in `frame` (a page or a frame) has rendered, or shows an error.
async function embedsRendered(frame, count) {
  await frame.waitForFunction((n) => {
    const els = Array.from(document.querySelectorAll('subsim-timeline'));
    return els.length >= n && els.every((e) => e.getAttribute('data-rendered') || (e.shadowRoot && e.shadowRoot.querySelector('.sx-status.bad')));
  }, count || 1, { timeout: 30000 });
}

function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

// A screenshot of the whole page as a reader scrolling through it sees it. Chromium's full-page
// capture does not render what `content-visibility: auto` skips outside the viewport (the event
// rows, the lower cards), so those are made visible for the shot (through the CSSOM, which the
// strict CSP allows) and given back their style after it.
async function fullPageScreenshot(page, name) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('body *')) {
      if (getComputedStyle(el).contentVisibility === 'auto') { el.dataset.shotCv = el.style.contentVisibility; el.style.contentVisibility = 'visible'; }
    }
  });
  try {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
  } finally {
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-shot-cv]')) { el.style.contentVisibility = el.dataset.shotCv; delete el.dataset.shotCv; }
    });
  }
}

// The set-up of a test file that drives the page: the built site served with the strict CSP, the
// WebAssembly module, one Chromium and a scratch folder, opened before the file's tests and closed
// after them. Returns the live handles (`browser`, `server`, `wasm`) and `cli(text)`, the result of
// `subsim run --json` on a scenario text.
function pageSuite(name) {
  const { before, after } = require('node:test');
  const assert = require('node:assert/strict');
  const os = require('node:os');
  const suite = { browser: null, server: null, wasm: null, tmp: null };
  before(async () => {
    assert.ok(fs.existsSync(path.join(SITE, 'index.html')), `${SITE} is missing: run web/build.sh`);
    suite.wasm = await loadWasm();
    suite.server = await startServer(SITE);
    suite.browser = await launchBrowser();
    suite.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `subsim-${name}-`));
  });
  after(async () => {
    if (suite.browser) await suite.browser.close();
    if (suite.server) suite.server.server.close();
    if (suite.tmp) fs.rmSync(suite.tmp, { recursive: true, force: true });
  });
  suite.cli = (text) => {
    const f = path.join(suite.tmp, `s${Date.now()}${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(f, text);
    const r = runCli(f);
    assert.ok(r.status === 0 || r.status === 1, `subsim run exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout.toString('utf8'));
  };
  return suite;
}

// No console error, page error, failed request or CSP violation on `page` (openPage records them).
async function assertClean(page) {
  const problems = await page.problems();
  require('node:assert/strict').deepEqual(problems, [], problems.join('\n'));
}

// Runs `action` and waits for the repaint it causes: the timeline, the lists, and the what-if totals.
async function afterRender(page, action) {
  const n = await page.evaluate(() => +document.body.dataset.renders);
  await action();
  await page.waitForFunction((k) => +document.body.dataset.renders > k, n);
  await page.waitForFunction(() => document.body.dataset.lists === document.body.dataset.renders || !document.getElementById('errors').hidden);
  await page.waitForFunction(() => !document.querySelector('#whatif .wi-item') || !document.querySelector('#whatif .wi-totals').hidden);
}

// An amount as the narrator writes it (core/narrate/format.cpp), which the page shows beside its
// sentences: "€1,234.50" / "−€25.00" in English, "1 234,50 €" in French (U+202F between thousands,
// U+00A0 before the sign); yen without decimals; other currencies by their code.
function narratorMoney(minor, currency, lang) {
  const digits = currency === 'JPY' ? 0 : 2, abs = Math.abs(minor), scale = 10 ** digits;
  const whole = String(Math.floor(abs / scale)).replace(/\B(?=(\d{3})+$)/g, lang === 'fr' ? '\u202f' : ',');
  const number = digits ? whole + (lang === 'fr' ? ',' : '.') + String(abs % scale).padStart(digits, '0') : whole;
  const sign = minor < 0 ? '\u2212' : '', sym = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' }[currency];
  if (lang === 'fr') return sign + number + '\u00a0' + (sym || currency);
  return sym ? sign + sym + number : sign + number + ' ' + currency;
}

module.exports = {
  pageSuite, assertClean, afterRender, narratorMoney,
  ROOT, SCENARIOS, SITE, WASM_DIR, CLI, CSP, scenarioFiles, loadWasm, runCli, runCliArgs, startServer,
  launchBrowser, openPage, openHost, embedsRendered, screenshotPath, fullPageScreenshot,
};
