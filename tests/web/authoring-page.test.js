'use strict';
// The authoring tools on the real page (build/site/index.html, web/src/page/editor-authoring.js),
// from a server sending the strict CSP and from file://: the reader's first load requests neither
// authoring.js nor the authors' engine; "New scenario" from the Zendesk template, the notice
// changed through the form, and the page's timeline and what-if answer follow; an impossible date
// typed in the editor is underlined with the engine's "does not exist"; the .ics download parses
// with ical.js and equals `subsim ics`; axe-core finds no violation with the tools open at
// 1280×800 and 390×844; the builder by keyboard alone; French labels. Screenshots in
// build/screenshots/authoring-page-*.png. Needs build/site (web/build.sh) and build/native.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { spawnSync } = require('node:child_process');
const { ROOT, SITE, CLI, startServer, launchBrowser, openPage, screenshotPath, fullPageScreenshot } = require('./helpers');

const modules = path.join(ROOT, 'web', 'src', 'authoring', 'node_modules');
const AUTHORING_FILES = /\/(authoring\.js|authoring\.css|subsim-authoring[^/]*)$/;
let browser, server;

before(async () => {
  server = await startServer(SITE, { '/favicon.ico': { body: '', type: 'image/x-icon' } });
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

async function open(url, viewport) {
  const requests = [];
  const page = await openPage(browser, url, viewport, undefined);
  page.on('request', (r) => requests.push(r.url()));
  page.requested = () => requests.slice();
  return page;
}

const renders = (page) => page.evaluate(() => Number(document.body.dataset.renders));
const pageText = (page) => page.evaluate(() => window.subsimPage.text());

// Waits for the page to simulate again after `act` (and, for a valid text, to draw its lists).
async function afterRender(page, act, valid = true) {
  const n = await renders(page);
  await act();
  await page.waitForFunction(([k, ok]) => Number(document.body.dataset.renders) > k && (!ok || document.body.dataset.lists === document.body.dataset.renders), [n, valid], { timeout: 15000 });
}

async function newScenario(page, label) {
  await page.click('#new-scenario');
  await page.waitForSelector('body[data-authoring="ready"]');
  await page.waitForSelector('#builder-panel .sa-form');
  await page.selectOption('#builder-panel .sa-template', { label });
  await afterRender(page, () => page.click('#builder-panel .sa-create'));
}

async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}

function cli(args) {
  const r = spawnSync(CLI, args, { maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

function scratchFile(text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'subsim-page-')), 'scenario.json');
  fs.writeFileSync(file, text);
  return file;
}

// axe's WCAG 2.x A/AA rules, as the page's own test (a11y.test.js) runs them.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
async function axeViolations(page) {
  await page.evaluate(fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', '))), TAGS);
}

// Scrolls `selector` into view and waits two frames (cards below the question paint lazily).
async function show(page, selector) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// The editor's text, the page's text and the timeline/answer as the reader sees them.
const view = (page) => page.evaluate(() => ({
  editor: window.subsimPage.authoring.editor.getText(),
  timeline: document.getElementById('timeline').innerHTML,
  answer: document.getElementById('whatif').innerText,
}));

describe('the authoring tools on the page', () => {
  it('are not part of the reader\'s first load, and "New scenario" from a template is simulated', async () => {
    const page = await open(server.url + 'index.html?lang=en', { width: 1280, height: 800 });
    await page.waitForTimeout(300);
    assert.deepEqual(page.requested().filter((u) => AUTHORING_FILES.test(u)), [], 'nothing of the tools before they are opened');
    assert.equal(await page.evaluate(() => typeof window.SubsimAuthoring), 'undefined');
    await newScenario(page, 'Zendesk');
    assert.ok(page.requested().some((u) => u.endsWith('/authoring.js')), 'authoring.js loaded on opening');
    assert.ok(page.requested().some((u) => u.endsWith('/subsim-authoring.wasm')), 'the authors\' engine streamed from the server');
    const text = await pageText(page);
    const scenario = JSON.parse(text);
    assert.equal(scenario.locale, 'en');
    assert.ok(scenario.catalog.plans.length > 0);
    assert.equal((await view(page)).editor, text, 'the editor shows the page\'s text');
    assert.equal(await page.$eval('#editor', (e) => e.classList.contains('sa-replaced')), true, 'the editor replaced the textarea');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('sa-create')), true);
    await assertClean(page);
    await page.closeAll();
  });

  it('follows a notice changed through the form: the JSON, the timeline and the answer', async () => {
    const page = await open(server.url + 'index.html?lang=en', { width: 1280, height: 800 });
    await newScenario(page, 'Zendesk');
    const before = await view(page);
    // Zendesk Guide's plan, which the owner cancels on 11 February: a notice moves when it ends.
    const ptr = '[data-ptr="/catalog/plans/1/notice"]';
    await page.fill(ptr, '60');
    await afterRender(page, () => page.locator(ptr).dispatchEvent('change'));
    const text = await pageText(page);
    assert.equal(JSON.parse(text).catalog.plans[1].notice, 'P60D');
    const now = await view(page);
    assert.equal(now.editor, text, 'the editor follows the form');
    assert.notEqual(now.timeline, before.timeline, 'the timeline is redrawn');
    assert.notEqual(now.answer, before.answer, 'the what-if answer changes');
    await assertClean(page);
    await page.closeAll();
  });

  it('underlines a date that does not exist, typed in the editor, with the engine\'s words', async () => {
    const page = await open(server.url + 'index.html?lang=en', { width: 1280, height: 800 });
    await newScenario(page, 'Zendesk');
    await page.click('#editor-panel > summary');
    await page.evaluate(() => {
      const v = window.subsimPage.authoring.editor.view;
      const at = v.state.doc.toString().search(/"\d{4}-\d\d-\d\d"/);
      v.dispatch({ selection: { anchor: at + 1, head: at + 11 } });
      v.focus();
    });
    await afterRender(page, () => page.keyboard.type('2025-02-30'), false);
    await page.locator('.cm-lintRange-error').first().waitFor();
    // the underline may be drawn as several spans (one per syntax token): their text together
    await page.waitForFunction(() => [...document.querySelector('.sa-editor').shadowRoot.querySelectorAll('.cm-lintRange-error')].map((e) => e.textContent).join('') === '"2025-02-30"');
    await page.locator('.cm-lintRange-error').first().hover();
    const said = await page.locator('.cm-tooltip-lint .cm-diagnosticText').first().innerText();
    assert.match(said, /30 February 2025 does not exist/);
    assert.match(await page.textContent('#error-list'), /30 February 2025 does not exist/, 'the page\'s error list says it too');
    await page.evaluate(() => document.activeElement.blur());
    await page.click('#error-list .error-pos');   // the error's position leads to the editor
    const caret = await page.evaluate(() => {
      const v = window.subsimPage.authoring.editor.view, head = v.state.selection.main.head;
      return { focused: v.hasFocus, after: v.state.doc.sliceString(head, head + 12) };
    });
    assert.equal(caret.focused, true);
    assert.match(caret.after, /2025-02-30/);
    await page.screenshot({ path: screenshotPath('authoring-page-error-1280.png') });
    await assertClean(page);
    await page.closeAll();
  });

  it('saves the calendar, which ical.js reads and which equals subsim ics', async () => {
    const ICAL = require(path.join(modules, 'ical.js', 'dist', 'ical.es5.cjs'));
    const page = await open(server.url + 'index.html?lang=en', { width: 1280, height: 800 });
    await newScenario(page, 'Zendesk');
    await page.click('#exports-panel > summary');
    await page.waitForSelector('#exports-panel .sa-ics');
    const text = await pageText(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#exports-panel .sa-ics')]);
    const bytes = fs.readFileSync(await dl.path());
    assert.match(dl.suggestedFilename(), /\.ics$/);
    assert.deepEqual(bytes, cli(['ics', scratchFile(text), '--locale', 'en']));
    const events = new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.length > 0);
    for (const e of events) assert.ok(e.summary && e.description && e.startDate.isDate);
    await assertClean(page);
    await page.closeAll();
  });

  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`has no axe-core violation with the tools open at ${viewport.width}×${viewport.height}, in English and French; screenshots`, async () => {
      const page = await open(server.url + 'index.html?lang=en', viewport);
      await page.screenshot({ path: screenshotPath(`authoring-page-top-${viewport.width}.png`) });
      await newScenario(page, 'Zendesk');
      await page.click('#exports-panel > summary');
      await page.click('#editor-panel > summary');
      await page.waitForSelector('#exports-panel .sa-ics');
      assert.deepEqual(await axeViolations(page), []);
      await show(page, '#builder-panel');
      await page.screenshot({ path: screenshotPath(`authoring-page-builder-${viewport.width}.png`) });
      await show(page, '#editor-panel');
      await page.screenshot({ path: screenshotPath(`authoring-page-editor-${viewport.width}.png`) });
      await show(page, '#exports-panel');
      await page.screenshot({ path: screenshotPath(`authoring-page-exports-${viewport.width}.png`) });
      await fullPageScreenshot(page, `authoring-page-full-${viewport.width}.png`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport.width, 'no sideways scrolling: ' + wide);
      await page.click('#lang-fr');
      assert.equal(await page.textContent('#new-scenario'), 'Nouveau scénario');
      assert.equal(await page.textContent('#builder-panel .sa-builder h2'), 'Construire un scénario');
      assert.deepEqual(await axeViolations(page), []);
      await assertClean(page);
      await page.closeAll();
    });
  }

  it('works with the keyboard alone: New scenario, template, Create, a field', async () => {
    const page = await open(server.url + 'index.html?lang=en', { width: 1280, height: 800 });
    await page.focus('#share');
    await page.keyboard.press('Shift+Tab');   // "New scenario" sits before Share in the toolbar
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-scenario');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('sa-template'));
    await page.keyboard.press('End');          // the last template: blank
    await page.keyboard.press('Tab');
    await afterRender(page, () => page.keyboard.press('Enter'));   // Create
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('sa-create'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.ptr), '/title');
    await page.keyboard.type('Typed with keys');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.getElementById('summary-title').textContent === 'Typed with keys');
    assert.equal(JSON.parse(await pageText(page)).title, 'Typed with keys');
    await assertClean(page);
    await page.closeAll();
  });

  it('work from file:// too (the authors\' engine from its base64 script)', async () => {
    const page = await open(pathToFileURL(path.join(SITE, 'index.html')).href + '?lang=fr', { width: 1280, height: 800 });
    assert.equal(await page.textContent('#new-scenario'), 'Nouveau scénario');
    await newScenario(page, 'Zendesk');
    assert.ok(page.requested().some((u) => u.endsWith('/subsim-authoring-wasm.js')), 'the base64 script from file://');
    assert.equal(JSON.parse(await pageText(page)).locale, 'fr');
    await page.click('#exports-panel > summary');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#exports-panel .sa-ics')]);
    assert.match(fs.readFileSync(await dl.path(), 'utf8'), /^BEGIN:VCALENDAR/);
    await assertClean(page);
    await page.closeAll();
  });
});
