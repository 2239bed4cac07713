/* subsim page: the reader's question first (title, timeline, "What if … on [date]?" and its
 * answer), the scenario's JSON in a secondary panel. Wires the engine, the bundled scenarios (each
 * loaded when picked), the editor, the views and the what-if form. */
import { UI, languageOf } from '../strings.js';
import { afterPaint } from '../dom.js';
import { loadEngine, baseOf, READER_MODULE } from '../engine.js';
import { answerFor, resultOf } from '../engine-answer.js';
import { contextFor, catalogue } from '../context.js';
import { readerToday, scenarioOf } from '../reader-today.js';
import { Timeline } from '../timeline.js';
import { Panel } from '../whatif-form.js';
import * as W from '../whatif-model.js';
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';
import { setEditorText, setupEditor, renderErrors, flushEdit, editorText } from './editor.js';
import { renderSummary, renderExpectations, renderFilter, renderEvents, renderInvoices, showInList } from './results.js';
import { renderCompare, linkTimelines } from './compare.js';
import { record, travel, onUndoKey } from './history.js';
import { download, openShare, embedCodes, copyFrom, openFromHash } from './share.js';
import { buildPicker, loadScenario, loadIndex } from './scenarios.js';
import { applyStaticText, readerLanguage, showEngineVersion } from './language.js';
import { setOrigin, keepEdits, keptEdits, showRestored, hideRestored, openStorage } from './saved-edits.js';
import { installAuthoring } from './editor-authoring.js';

const BASE = baseOf(location.href);

function setLang(lang, chosen) {
  if (lang !== 'fr' && lang !== 'en') lang = 'en';
  if (chosen) state.langChosen = true;
  state.lang = lang;
  applyStaticText();
  renderErrors();
  if (state.good) renderResult(true, false);   // a language switch redraws everything at once
}

// Opens a bundled scenario, or the reader's kept edit of it (with the choice to discard it).
function pick(file) {
  flushEdit();
  return loadScenario(BASE, file).then((original) => {
    setOrigin('file', file);
    state.original = original;
    const kept = keptEdits(original), text = kept != null ? kept : original;
    state.pickedKey = kept != null ? null : file;
    state.fileName = file.split('/').pop();
    $('picker').value = kept != null ? '' : file;
    setEditorText(text);
    try { history.replaceState(null, '', '#' + encodeURIComponent(file)); } catch (e) { /* file:// may refuse */ }
    record(text, 'load');
    simulate(false);
    if (kept != null) showRestored(() => pick(file)); else hideRestored();
  });
}

// One engine answer per text: the result and the narrator's sentences, parsed once.
function simulate(isEdit) {
  if (!state.engine) return;
  const text = editorText(), t0 = performance.now();
  const answer = answerFor(state.engine, text, state.langChosen ? state.lang : ''), r = answer.result;
  // Counted before drawing: lists drawn at once (a scenario picked) carry this render's number.
  state.renders++;
  $('results').hidden = false;
  const t1 = performance.now();
  if (r.errors) {
    state.errors = r.errors;
    renderErrors();
  } else {
    // Relative dates ("today-P1M") as the engine resolved them for the reader's day (SPEC-v2 §8).
    const scenario = scenarioOf(state.engine, text, r);
    const sameScenario = isEdit && !!state.good;
    state.errors = [];
    state.good = { scenario, answer, result: r, text, key: state.pickedKey || (state.good && isEdit ? state.good.key : '(file)') };
    if (!state.langChosen) { state.lang = languageOf(scenario.locale) || 'en'; applyStaticText(); }
    if (!sameScenario) { state.eventLimit = EVENT_PAGE; state.invoiceLimit = INVOICE_PAGE; state.filter = 'all'; }
    renderErrors();
    // The first scenario of a visit shows its timeline and answer first, the lists just after.
    renderResult(sameScenario, sameScenario || state.renders === 1);
  }
  keepEdits(text, state.original);
  const t2 = performance.now();
  window.subsimPage.last = { simulateMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0, ok: !r.errors };
  window.subsimPage.timings.push(window.subsimPage.last);
  if (window.subsimPage.timings.length > 500) window.subsimPage.timings.shift();
  document.body.setAttribute('data-renders', String(state.renders));
  if (state.renders === 1 && performance.mark) {
    performance.mark('subsim-first-render');
    requestAnimationFrame(() => afterFrame(() => performance.mark('subsim-first-frame')));
  }
}

// Runs `fn` in the first task after the frame being rendered: ahead of the timers the render
// queued (the what-if preview, the lists), which run after that frame and are not part of it.
function afterFrame(fn) {
  if (typeof scheduler !== 'undefined' && scheduler.postTask) scheduler.postTask(fn, { priority: 'user-blocking' });
  else setTimeout(fn, 0);
}

function context(text, scenario, result) {
  return contextFor(state.engine, state.lang, scenario, text === state.good.text ? state.good.answer : answerFor(state.engine, text, state.lang));
}

// The views in order of what the reader sees: summary, timeline and what-if first; the long
// lists after the frame is painted when the scenario only changed (an edit).
function renderResult(keepView, deferLists = keepView) {
  const g = state.good, ctx = contextFor(state.engine, state.lang, g.scenario, g.answer);
  state.ctx = ctx;
  renderSummary(ctx, g);
  refs.timeline.setData(g.scenario, g.result, ctx, keepView);
  renderWhatIf(ctx, g);
  const rest = () => {
    if (state.good !== g) return;
    // The legend sits closed below the timeline: drawn with the lists, after the first frame.
    refs.timeline.legend($('legend'), ctx);
    renderCompare(ctx, g);
    renderExpectations(ctx, g);
    renderFilter(ctx, g);
    const t = performance.now();
    renderEvents(ctx, g);
    renderInvoices(ctx, g);
    // For bench/web: what the event and invoice lists cost, after the frame.
    const last = window.subsimPage.timings[window.subsimPage.timings.length - 1];
    if (last) last.listsMs = performance.now() - t;
    document.body.setAttribute('data-lists', String(state.renders));
  };
  if (state.cancelRest) state.cancelRest();
  state.cancelRest = null;
  // After an edit, the lists follow once the frame with the timeline and the answer is painted.
  if (deferLists) state.cancelRest = afterPaint(rest); else rest();
}

function renderWhatIf(ctx, g) {
  let ok = true;
  try { W.listActions(g.text); } catch (e) { ok = false; }
  $('whatif').hidden = !ok;
  if (ok) refs.panel.update(g.text, g.scenario, g.result, ctx);
}

// The scenario without its what-if actions, simulated (cached by text).
function baseResult(text) {
  let base;
  try { base = W.baseText(text); } catch (e) { return null; }
  if (base === text) return null;
  const c = state.baseCache;
  if (c.text !== base) { c.text = base; c.result = resultOf(state.engine, base); }
  return c.result && !c.result.errors ? c.result : null;
}

function commitText(text, info) {
  setEditorText(text);
  state.pickedKey = null;
  $('picker').value = '';
  record(text, info && info.kind === 'move' ? 'move' : 'whatif', info && info.key);
  simulate(true);
}

function buildViews() {
  refs.timeline = new Timeline($('timeline'), {
    onActivate: (it) => { if (it.event != null) showInList(it.event); },
    onSelect: (it) => {   // mark the event's row without moving the page
      document.querySelectorAll('.ev.flash').forEach((n) => n.classList.remove('flash'));
      const li = it.event != null && $('ev-' + it.event);
      if (li) li.classList.add('flash');
    },
    onPickDay: (iso, it, lane) => {
      if (!refs.panel) return;
      refs.panel.setDate(iso);
      if (lane && lane.subscription != null) refs.panel.setTarget(lane.subscription, lane.product);
    },
  });
  refs.panel = new Panel({
    root: $('whatif'), timeline: refs.timeline,
    getLang: () => state.lang,
    simulate: (text) => resultOf(state.engine, text),
    commit: commitText,
    catalogue: () => catalogue(state.engine),
    baseTotal: () => { const b = state.good && baseResult(state.good.text); return b ? (b.summary || {}).total_charged || 0 : null; },
    answerOf: (text) => answerFor(state.engine, text, state.lang),
  });
  refs.tlBefore = new Timeline($('tl-before'), {});
  refs.tlAfter = new Timeline($('tl-after'), {});
  linkTimelines(refs.tlBefore, refs.tlAfter);
}

function bindControls() {
  const on = (id, type, fn) => $(id).addEventListener(type, fn);
  on('undo', 'click', () => travel(-1));
  on('redo', 'click', () => travel(1));
  document.addEventListener('keydown', onUndoKey);
  on('download', 'click', download);
  on('share', 'click', openShare);
  on('share-close', 'click', () => $('share-dialog').close());
  on('copy-link', 'click', () => copyFrom('share-link'));
  on('copy-iframe', 'click', () => copyFrom('embed-iframe'));
  on('copy-element', 'click', () => copyFrom('embed-element'));
  on('embed-whatif', 'change', embedCodes);
  on('embed-lang', 'change', embedCodes);
  on('embed-base', 'input', embedCodes);
  on('lang-en', 'click', () => { state.langPicked = true; setLang('en', true); });
  on('lang-fr', 'click', () => { state.langPicked = true; setLang('fr', true); });
  on('picker', 'change', (e) => { if (e.target.value) pick(e.target.value); });
  on('event-filter', 'change', (e) => { state.filter = e.target.value; state.eventLimit = EVENT_PAGE; renderEvents(state.ctx, state.good); });
  on('events-more', 'click', () => { state.eventLimit += EVENT_PAGE; renderEvents(state.ctx, state.good); });
  on('invoices-more', 'click', () => { state.invoiceLimit += INVOICE_PAGE; renderInvoices(state.ctx, state.good); });
  window.addEventListener('hashchange', () => { openFromHash(); });
}

function showLinkError(err) {
  const u = ui(), box = $('link-error');
  box.hidden = false;
  $('results').hidden = true;   // no other scenario in its place
  $('link-error-title').textContent = u.linkBrokenTitle;
  const say = err && err.code && u.linkBroken[err.code];
  $('link-error-text').textContent = typeof say === 'function' ? say(err.limit) : (say || u.linkBroken.damaged);
  $('link-error').setAttribute('data-code', (err && err.code) || 'damaged');
}

// The scenario to open first: a share link, a bundled file named in the fragment, else the first.
function openFirst() {
  return Promise.resolve(openFromHash()).then((opened) => {
    if (opened === true) return;
    if (opened === 'broken') { showLinkError(state.linkError); return; }
    const first = firstBundled();
    return first ? pick(first.file) : undefined;
  });
}

// The bundled scenario the fragment names, else the first one.
function firstBundled() {
  let want = '';
  try { want = decodeURIComponent((location.hash || '').slice(1)); } catch (e) { want = ''; }
  return state.scenarios.find((s) => s.file === want) || state.scenarios[0];
}

// Without a share link, the first scenario's text loads while the engine does.
function prefetchFirst(blocking) {
  if ((location.hash || '').indexOf('=') >= 0) return;   // a share link: its own text
  const first = firstBundled();
  if (first) loadScenario(BASE, first.file, blocking).catch(() => {});
}

// Resolves once the lists of the last render are drawn (they follow the first painted frame).
function listsDrawn() {
  return new Promise((resolve) => {
    const check = () => (!state.good || document.body.dataset.lists === document.body.dataset.renders ? resolve() : setTimeout(check, 10));
    check();
  });
}

function start() {
  window.subsimPage = {
    // For benchmarks and tests: simulate the given text as if typed, return the timings.
    run: (text) => { setEditorText(text); state.pickedKey = null; simulate(true); return window.subsimPage.last; },
    text: () => state.text,   // the page's scenario text (the JSON panel shows it when open)
    history: () => ({ size: state.hist.stack.length, index: state.hist.idx }),
    engineAnswer: (text) => state.engine.simulate(text, readerToday()),   // the module's JSON text, for tests
    pick,
    last: null,
    timings: [],   // every render's { simulateMs (engine answer), renderMs, totalMs }, for bench/web
  };
  Object.assign(actions, { simulate, setLang, baseResult, context, pick });
  state.base = BASE;
  setupEditor();
  buildPicker();
  buildViews();
  bindControls();
  const reader = readerLanguage();
  state.lang = reader || 'en';
  state.langChosen = !!reader;
  state.langPicked = !!new URLSearchParams(location.search).get('lang');
  if (new URLSearchParams(location.search).get('base')) $('embed-base').value = new URLSearchParams(location.search).get('base');
  applyStaticText();
  installAuthoring();   // "New scenario", builder, editor, exports: loaded when opened
  $('status').textContent = ui().loadingEngine;
  // While the engine loads: the browser's storage (the reader's kept edits) is made ready for the
  // first scenario.
  setTimeout(openStorage, 0);
  engineReady.then((engine) => {
    // The timeline's width, read before the first render changes the page: its layout is then
    // the one made when the body was parsed (or this read makes it, once), and the render reads
    // none of its own (a forced layout of the whole new timeline, ~10-20 ms before the first frame).
    refs.timeline._width();
    state.engine = engine;
    showEngineVersion();
    $('status').textContent = '';
    return openFirst().then(listsDrawn).then(() => document.body.setAttribute('data-ready', 'true'));
  }, (err) => {
    $('status').textContent = ui().engineFailed + (err && err.message ? err.message : String(err));
    $('status').className = 'status bad';
    document.body.setAttribute('data-ready', 'error');
  });
}

// This script runs in the page's head: the engine and the first scenario's text start loading
// before the body is parsed, beside the page's set-up. From disk (local files) the first frame
// waits for them, so it shows the first scenario's timeline and answer at once instead of an
// empty page drawn, then drawn again.
const fromDisk = document.readyState === 'loading' && location.protocol === 'file:';
const engineReady = loadEngine(BASE, READER_MODULE, fromDisk);
engineReady.catch(() => {});   // said in the page once it is set up (start)
loadIndex();
prefetchFirst(fromDisk);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
