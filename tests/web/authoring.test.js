'use strict';
// The authoring tools (web/src/authoring) in headless Chromium under the strict CSP, mounted on
// tests/web/authoring-harness.html with the real WebAssembly engine: authoring.js loads only when
// opened; every template builds a scenario the engine accepts; the form writes the JSON and
// follows the text both ways (and says why it cannot follow broken text); the editor completes
// keys and values and shows the field guide on hover in English and French; an impossible date
// is underlined with the engine's author-terms message; the .ics download parses with ical.js
// and equals `subsim ics`; SVG, PNG and HTML exports; keyboard and touch; axe-core finds no
// violation. Screenshots in build/screenshots/authoring-*.png.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ROOT, WASM_DIR, CLI, startServer, launchBrowser, openPage, screenshotPath } = require('./helpers');

const AUTHORING = path.join(ROOT, 'web', 'src', 'authoring');
const modules = path.join(AUTHORING, 'node_modules');
const SITE = path.join(ROOT, 'build', 'authoring-site');

let browser, server, wasm;

// The harness site: the authors' engine (subsim-authoring.js/.wasm), authoring.js + authoring.css built by build.mjs, the harness.
function buildSite() {
  fs.rmSync(SITE, { recursive: true, force: true });
  fs.mkdirSync(SITE, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(AUTHORING, 'build.mjs'), path.join(SITE, 'authoring.js')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const f of ['subsim-authoring.js', 'subsim-authoring.wasm']) fs.copyFileSync(path.join(WASM_DIR, f), path.join(SITE, f));
  for (const f of ['authoring-harness.html', 'authoring-harness.js', 'authoring-harness.css']) fs.copyFileSync(path.join(__dirname, f), path.join(SITE, f));
}

before(async () => {
  buildSite();
  // The authors' module: the reader's entry points plus the field guide and the exports.
  wasm = await require(path.join(WASM_DIR, 'subsim-authoring.js'))({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'subsim-authoring.wasm')) });
  server = await startServer(SITE, { '/favicon.ico': { body: '', type: 'image/x-icon' } });
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.server.close();
});

async function openTools(opts = {}) {
  const page = await openPage(browser, server.url + 'authoring-harness.html', opts.viewport);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.requestsBeforeOpen = () => requests.slice();
  if (opts.lang) await page.selectOption('#lang', opts.lang);
  const early = requests.filter((u) => u.endsWith('/authoring.js'));
  await (opts.tap ? page.tap('#open') : page.click('#open'));
  await page.waitForSelector('body[data-tools="open"]');
  await page.waitForSelector('.sa-form');
  page.loadedEarly = early.length > 0;
  return page;
}

const editorText = (page) => page.evaluate(() => window.__tools.editor.getText());
const validate = (text) => JSON.parse(wasm.validate(text)).errors;

async function assertClean(page) {
  const problems = await page.problems();
  assert.deepEqual(problems, [], problems.join('\n'));
}

async function create(page, label) {
  await page.selectOption('.sa-template', { label });
  await page.click('.sa-create');
}

// CodeMirror ignores a completion key pressed within its interactionDelay (75 ms) of the list
// opening, and Enter then types a line break into the string. A reader's keypress is never that
// fast; a test's under load can be. Wait the delay out, accept, and see the list close.
async function acceptCompletion(page) {
  await page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]').waitFor();
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
}

describe('the builder', () => {
  it('is loaded only when the author opens it', async () => {
    const page = await openPage(browser, server.url + 'authoring-harness.html');
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.SubsimAuthoring), 'undefined');
    await page.click('#open');
    await page.waitForSelector('.sa-form');
    assert.ok(requested.some((u) => u.endsWith('/authoring.js')), 'authoring.js requested on opening');
    await assertClean(page);
    await page.closeAll();
  });

  it('makes a scenario the engine accepts from every template, derived from the bundled scenarios', async () => {
    const page = await openTools();
    const templates = JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'authoring-gen', 'templates.json'), 'utf8'));
    const labels = await page.$$eval('.sa-template option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(labels, ['Dell', 'Dell Premier', 'RescueAssist', 'Zendesk', 'Red Hat', 'Blank scenario']);
    for (const [i, label] of labels.entries()) {
      await create(page, label);
      const text = await editorText(page);
      assert.deepEqual(validate(text), [], label);
      const built = JSON.parse(text);
      if (templates[i].file) {
        const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', templates[i].file), 'utf8'));
        assert.deepEqual(built.catalog.plans.map((p) => p.id), source.catalog.plans.map((p) => p.id));
        assert.equal(built.expect, undefined);
      }
      assert.equal(built.locale, 'en');
      // the form lays out every plan and subscription of the template
      assert.equal(await page.locator('[data-ptr$="/id"][data-ptr^="/catalog/plans/"]').count(), built.catalog.plans.length);
    }
    await assertClean(page);
    await page.closeAll();
  });

  it('writes what the form says into the JSON, and the engine simulates it', async () => {
    const page = await openTools();
    await create(page, 'Blank scenario');
    await page.fill('[data-ptr="/title"]', 'Annual plan with notice');
    await page.fill('[data-ptr="/catalog/plans/0/notice"]', '30');
    await page.locator('[data-ptr="/catalog/plans/0/notice"]').press('Tab');
    await page.locator('[data-ptr="/catalog/plans/0/notice"] + select').selectOption('D');
    await page.selectOption('[data-ptr="/catalog/plans/0/cancellation"]', { label: 'end_of_term' });
    await page.click('[data-ptr="/actions/+"]');
    await page.fill('[data-ptr="/actions/0/on"]', '2025-03-10');
    await page.locator('[data-ptr="/actions/0/on"]').dispatchEvent('change');
    await page.selectOption('[data-ptr="/actions/0/subscription"]', { label: 'subscription-1' });
    const scenario = JSON.parse(await editorText(page));
    assert.equal(scenario.title, 'Annual plan with notice');
    assert.equal(scenario.catalog.plans[0].notice, 'P30D');
    assert.equal(scenario.catalog.plans[0].cancellation, 'end_of_term');
    assert.deepEqual(scenario.actions, [{ on: '2025-03-10', do: 'cancel', subscription: 'subscription-1' }]);
    const result = JSON.parse(wasm.simulate(JSON.stringify(scenario)));
    assert.ok(result.events.some((e) => e.type === 'cancellation_requested'), JSON.stringify(result).slice(0, 400));
    await assertClean(page);
    await page.closeAll();
  });

  it('builds from a source template with the form only: a late cancellation, a dated account closure', async () => {
    const page = await openTools();
    await create(page, 'Zendesk');
    await page.selectOption('[data-ptr="/catalog/products/0/cancels_account"]', { label: 'only accounts created before a date' });
    await page.waitForSelector('[data-ptr="/catalog/products/0/cancels_account/if_account_created_before"]');
    await page.fill('[data-ptr="/catalog/products/0/cancels_account/if_account_created_before"]', '2030-01-01');
    await page.locator('[data-ptr="/catalog/products/0/cancels_account/if_account_created_before"]').dispatchEvent('change');
    await page.fill('[data-ptr="/catalog/plans/0/notice"]', '30');
    await page.locator('[data-ptr="/catalog/plans/0/notice"]').dispatchEvent('change');
    await page.click('[data-ptr="/actions/+"]');
    const n = JSON.parse(await editorText(page)).actions.length - 1;
    await page.fill(`[data-ptr="/actions/${n}/on"]`, '2025-02-20');
    await page.locator(`[data-ptr="/actions/${n}/on"]`).dispatchEvent('change');
    await page.selectOption(`[data-ptr="/actions/${n}/subscription"]`, { index: 1 });
    const text = await editorText(page);
    assert.deepEqual(validate(text), []);
    const scenario = JSON.parse(text);
    assert.deepEqual(scenario.catalog.products[0].cancels_account, { if_account_created_before: '2030-01-01' });
    assert.equal(scenario.catalog.plans[0].notice, 'P30D');
    const result = JSON.parse(wasm.simulate(text));
    assert.ok(result.events.some((e) => e.type === 'cancellation_requested' && e.date === '2025-02-20'));
    await assertClean(page);
    await page.closeAll();
  });

  it('follows the text: an edit in the editor updates the form, broken text says why it cannot follow', async () => {
    const page = await openTools();
    await create(page, 'Zendesk');
    const text = await editorText(page);
    const changed = text.replace(/"price": \d+/, '"price": 4242');
    await page.evaluate((t) => { const v = window.__tools.editor.view; v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } }); }, changed);
    await page.waitForFunction(() => (document.querySelector('[data-ptr="/catalog/plans/0/price"]') || {}).value === '4242');
    await page.evaluate(() => { const v = window.__tools.editor.view; v.dispatch({ changes: { from: v.state.doc.length - 3, to: v.state.doc.length } }); });
    await page.waitForSelector('.sa-builder .sa-cannot');
    const status = await page.textContent('.sa-builder .sa-status');
    assert.match(status, /^The form cannot follow the text until it is valid JSON: line \d+, column \d+: /);
    assert.equal(await page.locator('.sa-form .sa-field').count(), 0);
    // a scenario past the form's budget is left to the editor, with a word why
    await page.evaluate(() => window.__tools.builder.setText('{"title": "' + 'x'.repeat(250000) + '"}'));
    await page.waitForFunction(() => /up to 200 KB/.test(document.querySelector('.sa-builder .sa-status').textContent));
    await assertClean(page);
    await page.closeAll();
  });
});

// Moves the editor's cursor to just after `needle` (its first copy) and focuses it.
async function cursorAfter(page, needle) {
  await page.evaluate((n) => {
    const v = window.__tools.editor.view;
    const at = v.state.doc.toString().indexOf(n);
    if (at < 0) throw new Error('not in the editor: ' + n);
    v.dispatch({ selection: { anchor: at + n.length } });
    v.focus();
  }, needle);
}

async function hoverKey(page, key) {
  await page.waitForTimeout(300);   // the editor lays out the new text first
  const box = await page.evaluate((k) => {
    const v = window.__tools.editor.view;
    const at = v.state.doc.toString().indexOf('"' + k + '"') + 2;
    const c = v.coordsAtPos(at);
    return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
  }, key);
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  const hover = page.locator('.sa-hover');
  await hover.waitFor({ timeout: 5000 });
  return hover.innerText();
}

describe('the editor', () => {
  const guide = (lang) => JSON.parse(wasm.field_guide(lang)).fields;

  it('completes the keys valid at the cursor, with the field guide, and values from the schema and the scenario', async () => {
    const page = await openTools();
    await create(page, 'Blank scenario');
    await cursorAfter(page, '"period": "P1M"');
    await page.keyboard.type(',');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"noti');
    const list = page.locator('.cm-tooltip-autocomplete li');
    await list.first().waitFor();
    const labels = await list.allInnerTexts();
    assert.ok(labels.some((l) => l.startsWith('notice')), labels.join('|'));
    assert.ok(!labels.some((l) => l.startsWith('period')), 'a key already written is not offered');
    const info = await page.locator('.cm-completionInfo').innerText();
    assert.equal(info, guide('en')['/catalog/plans/*/notice'].help);
    await acceptCompletion(page);
    await page.keyboard.type('"P30D", "cancellation": ');
    await page.keyboard.press('Control+Space');
    await list.first().waitFor();
    const values = await list.allInnerTexts();
    for (const v of ['end_of_period', 'end_of_term', 'immediate']) assert.ok(values.some((l) => l.includes(v)), values.join('|'));
    await page.keyboard.type('"end_of_t');
    await page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]', { hasText: 'end_of_term' }).waitFor();
    await acceptCompletion(page);
    await cursorAfter(page, '"product": ');
    await page.keyboard.press('Control+Space');
    await list.first().waitFor();
    assert.ok((await list.allInnerTexts()).some((l) => l.includes('"product-1"')), 'ids the scenario defines');
    await page.keyboard.press('Escape');
    const plan = JSON.parse(await editorText(page)).catalog.plans[0];
    assert.equal(plan.notice, 'P30D');
    assert.equal(plan.cancellation, 'end_of_term');
    await assertClean(page);
    await page.closeAll();
  });

  it('shows the field guide on hover, in English and in French', async () => {
    const page = await openTools();
    await create(page, 'Zendesk');
    const en = await hoverKey(page, 'currency');
    assert.ok(en.includes(guide('en')['/currency'].label) && en.includes(guide('en')['/currency'].help), en);
    await page.selectOption('#lang', 'fr');
    const fr = await hoverKey(page, 'cancellation');
    const entry = guide('fr')['/catalog/plans/*/cancellation'];
    assert.ok(fr.includes(entry.label) && fr.includes(entry.help) && entry.label.startsWith('Prise d’effet'), fr);
    assert.equal(await page.textContent('.sa-builder h2'), 'Construire un scénario');
    await cursorAfter(page, '"cancellation": "end_of_next_period"');
    await page.keyboard.type(',');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"noti');
    await page.locator('.cm-tooltip-autocomplete li').first().waitFor();
    assert.equal(await page.locator('.cm-completionInfo').innerText(), guide('fr')['/catalog/plans/*/notice'].help);
    await assertClean(page);
    await page.closeAll();
  });

  it('underlines an impossible date with the engine\'s words for it', async () => {
    const page = await openTools();
    await create(page, 'Blank scenario');
    await page.evaluate(() => {
      const v = window.__tools.editor.view;
      const t = v.state.doc.toString();
      const at = t.indexOf('"2025-01-01"');
      v.dispatch({ changes: { from: at, to: at + 12, insert: '"2025-02-29"' } });
    });
    await page.locator('.cm-lintRange-error').first().waitFor();
    // the underline may be drawn as several spans (one per syntax token): their text together
    await page.waitForFunction(() => [...document.querySelector('.sa-editor').shadowRoot.querySelectorAll('.cm-lintRange-error')].map((e) => e.textContent).join('') === '"2025-02-29"');
    await page.locator('.cm-lintRange-error').first().hover();
    const said = await page.locator('.cm-tooltip-lint .cm-diagnosticText').first().innerText();
    assert.equal(said, '29 February 2025 does not exist (2025 is not a leap year)');
    await assertClean(page);
    await page.closeAll();
  });

  it('indents with Tab, and Escape then Tab leaves the editor', async () => {
    const page = await openTools();
    await create(page, 'Blank scenario');
    await cursorAfter(page, '"subsim": 1');
    const before = await editorText(page);
    await page.keyboard.press('Tab');
    const after = await editorText(page);
    assert.equal(after.length, before.length + 2, 'Tab indented the line');
    assert.match(after, /\n {4}"subsim": 1/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const inEditor = await page.evaluate(() => document.activeElement === document.querySelector('.sa-editor'));
    assert.equal(inEditor, false, 'focus left the editor');
    assert.equal(await editorText(page), after);
    await page.closeAll();
  });
});

// The editor's text in a scratch file, for the CLI.
function scratchFile(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsim-authoring-'));
  const file = path.join(dir, 'scenario.json');
  fs.writeFileSync(file, text);
  return file;
}

function cli(args) {
  const r = spawnSync(CLI, args, { maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

async function downloaded(page, buttonSelector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(buttonSelector)]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

describe('the export buttons', () => {
  it('save the calendar, which ical.js reads and which equals subsim ics', async () => {
    const ICAL = require(path.join(modules, 'ical.js', 'dist', 'ical.es5.cjs'));
    const page = await openTools();
    await create(page, 'Zendesk');
    await page.fill('[data-ptr="/title"]', 'Zendesk suite');
    await page.locator('[data-ptr="/title"]').dispatchEvent('change');
    const text = await editorText(page);
    const { name, bytes } = await downloaded(page, '.sa-ics');
    assert.equal(name, 'zendesk-suite.ics');
    assert.deepEqual(bytes, cli(['ics', scratchFile(text), '--locale', 'en']));
    const calendar = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.length > 0);
    for (const e of events) {
      assert.ok(e.summary && e.description, 'each date has the engine\'s sentence');
      assert.ok(e.startDate.isDate, 'all-day events');
    }
    assert.match(await page.textContent('.sa-exports .sa-status'), /zendesk-suite\.ics downloaded/);
    await assertClean(page);
    await page.closeAll();
  });

  it('save the timeline as SVG and PNG, and give the HTML fragment, each as subsim render writes it', async () => {
    const page = await openTools();
    await create(page, 'Red Hat');
    const file = scratchFile(await editorText(page));
    const svg = await downloaded(page, '.sa-svg');
    assert.equal(svg.name, 'scenario.svg');
    assert.deepEqual(svg.bytes, cli(['render', file, '--svg', '--locale', 'en']));
    const png = await downloaded(page, '.sa-png');
    assert.deepEqual(png.bytes.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    assert.deepEqual(png.bytes, cli(['render', file, '--png', '--locale', 'en']));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    await page.click('.sa-html');
    const area = page.locator('.sa-copy-text');
    await page.waitForFunction(() => document.querySelector('.sa-copy-text') || /copied/.test(document.querySelector('.sa-exports .sa-status').textContent));
    const fragment = (await area.count()) ? await area.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(fragment, String(cli(['render', file, '--html', '--locale', 'en', '--link', server.url + 'authoring-harness.html'])));
    assert.ok(fragment.includes('<table'), fragment.slice(0, 200));
    await page.closeAll();
  });

  it('say what to fix when the scenario is invalid, in the engine\'s words', async () => {
    const page = await openTools();
    await create(page, 'Blank scenario');
    await page.evaluate(() => {
      const v = window.__tools.editor.view;
      const at = v.state.doc.toString().indexOf('"P1M"');
      v.dispatch({ changes: { from: at, to: at + 5, insert: '"P0M"' } });
    });
    await page.click('.sa-ics');
    assert.match(await page.textContent('.sa-exports .sa-status'), /^Fix the scenario first: line \d+, column \d+: this length cannot be zero$/);
    await assertClean(page);
    await page.closeAll();
  });
});

// axe-core's violations on the page as it stands (run through the DevTools protocol, which the
// page's CSP does not govern).
async function axeViolations(page) {
  await page.evaluate(fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8'));
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', '))));
  return found;
}

describe('access', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`has no axe-core violation at ${viewport.width}×${viewport.height}, in English and French; screenshots`, async () => {
      const page = await openTools({ viewport });
      await create(page, 'RescueAssist');
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: screenshotPath(`authoring-builder-${viewport.width}.png`) });
      await page.locator('.sa-editor').scrollIntoViewIfNeeded();
      await cursorAfter(page, '"currency": "USD"');
      await page.keyboard.type(',');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"hol');
      await page.locator('.cm-tooltip-autocomplete li').first().waitFor();
      await page.screenshot({ path: screenshotPath(`authoring-editor-${viewport.width}.png`) });
      await page.keyboard.press('Escape');
      await page.selectOption('#lang', 'fr');
      assert.deepEqual(await axeViolations(page), []);
      await assertClean(page);
      await page.closeAll();
    });
  }

  it('works with the keyboard alone: template, form fields, add an item', async () => {
    const page = await openTools();
    await page.focus('.sa-template');
    await page.keyboard.press('End');          // the last template: blank
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');        // Create
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('sa-create'));
    await page.keyboard.press('Tab');          // the form's first field comes next
    assert.equal(await page.evaluate(() => document.activeElement.dataset.ptr), '/title');
    await page.keyboard.type('Keyboard');
    await page.keyboard.press('Tab');          // leaving the field keeps the next one focused
    const next = await page.evaluate(() => document.activeElement.dataset.ptr);
    assert.equal(next, '/source');
    await page.focus('[data-ptr="/catalog/products/+"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ptr="/catalog/products/1/id"]');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.ptr), '/catalog/products/1/id');
    await page.focus('.sa-item:has([data-ptr="/catalog/products/1/id"]) .sa-remove');
    await page.keyboard.press('Enter');        // Remove: focus goes back to the list's Add button
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.ptr === '/catalog/products/+');
    await page.focus('[data-ptr="/catalog/products/+"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-ptr="/catalog/products/1/id"]');
    const scenario = JSON.parse(await editorText(page));
    assert.equal(scenario.title, 'Keyboard');
    assert.equal(scenario.catalog.products[1].id, 'product-2');
    await assertClean(page);
    await page.closeAll();
  });

  it('works by touch on a phone: big enough targets, taps create and add', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(server.url + 'authoring-harness.html');
    await page.waitForSelector('body[data-ready="true"]');
    await page.tap('#open');
    await page.waitForSelector('.sa-form');
    await page.selectOption('.sa-template', { label: 'Dell Premier' });
    await page.tap('.sa-create');
    await page.tap('[data-ptr="/account/users/+"]');
    await page.waitForSelector('[data-ptr="/account/users/1/id"], [data-ptr$="/id"][data-ptr^="/account/users/"]');
    const small = await page.$$eval('.sa-builder button, .sa-builder select, .sa-builder input, .sa-exports button', (els) =>
      els.filter((e) => e.getBoundingClientRect().height < 24 || (e.tagName === 'BUTTON' && e.getBoundingClientRect().height < 44)).map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(small, []);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, 'no sideways scrolling: ' + wide);
    await context.close();
  });
});
