/* subsim page: wiring. Loads the WebAssembly engine, the bundled scenarios and the editor, and
 * renders a result (summary, timeline, expectations, events, invoices). Classic script.
 * Scenario text and engine output are only ever inserted with textContent / createElement. */
(function () {
  'use strict';

  var T = window.SubSimText;
  var W = window.SubSimWhatIf;
  var $ = function (id) { return document.getElementById(id); };
  var LINE_H = 20, PAD_TOP = 8;   // must match .editor textarea in style.css
  var EVENT_PAGE = 200, INVOICE_PAGE = 100;

  var state = {
    engine: null,
    lang: 'en',
    langChosen: false,
    good: null,           // { scenario, result, text, key } — the last valid result, kept on errors
    errors: [],
    pickedKey: null,      // bundled scenario currently in the editor, if unchanged
    eventLimit: EVENT_PAGE,
    invoiceLimit: INVOICE_PAGE,
    filter: 'all',
    renders: 0,
    fileName: null,       // name for "download": the bundled or opened file
  };
  var timeline = null, panel = null, tlBefore = null, tlAfter = null;
  // Undo/redo: every text the scenario went through (typing coalesces into one step).
  var hist = { stack: [], idx: -1, at: 0 };
  var scenarios = (window.SUBSIM_SCENARIOS || []).slice();

  function html(name, cls, parent, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function ui() { return T.UI[state.lang]; }

  // ---- engine -----------------------------------------------------------------------------
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }
  function base64Bytes(b64) {
    var bin = atob(b64), n = bin.length, out = new Uint8Array(n);
    for (var i = 0; i < n; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  // From file:// the browser refuses fetch and XHR, so the wasm binary comes from a script that
  // holds it in base64. From a server the glue streams subsim.wasm itself.
  function fromEmbedded() {
    return loadScript('subsim-wasm.js').then(function () {
      return window.SubSim({ wasmBinary: base64Bytes(window.SUBSIM_WASM_BASE64) });
    });
  }
  function loadEngine() {
    if (typeof window.SubSim !== 'function') return Promise.reject(new Error('subsim.js is missing'));
    if (location.protocol === 'file:') return fromEmbedded();
    return window.SubSim().catch(fromEmbedded);
  }

  // ---- language ---------------------------------------------------------------------------
  function applyStaticText() {
    var u = ui();
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(function (n) {
      var v = u[n.getAttribute('data-i18n')];
      if (typeof v === 'string') n.textContent = v;
    });
    $('source').setAttribute('aria-label', u.editorLabel);
    $('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
    $('lang-fr').setAttribute('aria-pressed', String(state.lang === 'fr'));
    var custom = $('picker').querySelector('option[value=""]');
    if (custom) custom.textContent = u.customScenario;
    var other = $('picker').querySelector('optgroup[data-nosource]');
    if (other) other.label = u.otherScenarios;
    if (state.engine) $('engine-version').textContent = u.engineVersion(state.engine.version());
    $('undo').title = u.undoTitle;
    $('redo').title = u.redoTitle;
    $('download').title = u.downloadTitle;
    $('share-close').setAttribute('aria-label', u.close);
    $('article-link').href = state.lang === 'fr' ? 'article.fr.html' : 'article.en.html';
    $('doc-tools').setAttribute('aria-label', u.scenario);
  }
  function setLang(lang, chosen) {
    if (lang !== 'fr' && lang !== 'en') lang = 'en';
    if (chosen) state.langChosen = true;
    state.lang = lang;
    applyStaticText();
    renderErrors();
    if (state.good) renderResult(true);
  }

  // ---- scenario picker --------------------------------------------------------------------
  function scenarioTitle(s) {
    try { var j = JSON.parse(s.text); return { title: j.title || s.file, source: j.source || '' }; }
    catch (e) { return { title: s.file, source: '' }; }
  }
  function buildPicker() {
    var sel = $('picker');
    sel.textContent = '';
    var custom = html('option', null, sel, ui().customScenario);
    custom.value = '';
    var groups = {};
    scenarios.forEach(function (s) {
      var t = scenarioTitle(s);
      var g = t.source || '\uffff';   // scenarios without a source come last
      if (!groups[g]) {
        groups[g] = html('optgroup', null, null);
        groups[g].label = t.source || ui().otherScenarios;
        if (!t.source) groups[g].setAttribute('data-nosource', '');
      }
      var o = html('option', null, groups[g], t.title);
      o.value = s.file;
      o.title = s.file;
    });
    Object.keys(groups).sort().forEach(function (g) { sel.appendChild(groups[g]); });
    sel.addEventListener('change', function () { if (sel.value) pick(sel.value); });
  }
  function pick(file) {
    var s = scenarios.filter(function (x) { return x.file === file; })[0];
    if (!s) return;
    state.pickedKey = file;
    state.fileName = file;
    $('picker').value = file;
    setEditorText(s.text);
    try { history.replaceState(null, '', '#' + encodeURIComponent(file)); } catch (e) { /* file:// may refuse */ }
    record(s.text, 'load');
    simulate(false);
  }

  // ---- editor -----------------------------------------------------------------------------
  var src = null, debounce = null;
  function setEditorText(text) {
    src.value = text;
    src.scrollTop = 0; src.scrollLeft = 0;
    updateGutter();
  }
  function updateGutter() {
    var n = 1, v = src.value;
    for (var i = 0; i < v.length; i++) if (v.charCodeAt(i) === 10) n++;
    var lines = new Array(n);
    for (var k = 0; k < n; k++) lines[k] = String(k + 1);
    $('gutter').textContent = lines.join('\n');
    syncScroll();
  }
  function syncScroll() {
    $('gutter').style.transform = 'translateY(' + (-src.scrollTop) + 'px)';
    $('marks').style.transform = 'translate(' + (-src.scrollLeft) + 'px,' + (-src.scrollTop) + 'px)';
  }
  function caretLine() {
    var pos = src.selectionStart || 0, v = src.value, line = 1, lastNl = -1;
    for (var i = 0; i < pos; i++) if (v.charCodeAt(i) === 10) { line++; lastNl = i; }
    return { line: line, column: Array.from(v.slice(lastNl + 1, pos)).length + 1 };
  }
  function updateCaretStatus() {
    var c = caretLine();
    var here = state.errors.filter(function (e) { return e.line === c.line; });
    var st = $('caret-status');
    st.textContent = here.length ? ui().caretError(c.line, here.map(function (e) { return e.message; }).join(' · ')) : '';
    st.classList.toggle('has-error', here.length > 0);
  }
  // Put the caret on (line, column); columns count Unicode characters (docs/semantics.md).
  function gotoLineCol(line, column) {
    var v = src.value, pos = 0, l = 1;
    while (l < line && pos < v.length) { var nl = v.indexOf('\n', pos); if (nl < 0) { pos = v.length; break; } pos = nl + 1; l++; }
    var end = v.indexOf('\n', pos); if (end < 0) end = v.length;
    var chars = Array.from(v.slice(pos, end));
    var col = Math.max(1, Math.min(column || 1, chars.length + 1));
    var at = pos + chars.slice(0, col - 1).join('').length;
    src.focus();
    src.setSelectionRange(at, at);
    src.scrollTop = Math.max(0, (line - 1) * LINE_H - src.clientHeight / 3);
    syncScroll();
    updateCaretStatus();
  }
  function onEdit() {
    state.pickedKey = null;
    $('picker').value = '';
    updateGutter();
    clearTimeout(debounce);
    debounce = setTimeout(function () { simulate(true); record(src.value, 'edit'); }, 250);
  }
  function loadFile(file) {
    if (!file) return;
    file.text().then(function (text) {
      state.pickedKey = null;
      state.fileName = file.name;
      $('picker').value = '';
      setEditorText(text);
      record(text, 'load');
      simulate(false);
    });
  }
  function setupEditor() {
    src = $('source');
    src.addEventListener('input', onEdit);
    src.addEventListener('scroll', syncScroll);
    ['keyup', 'click', 'select', 'focus'].forEach(function (t) { src.addEventListener(t, updateCaretStatus); });
    $('file-input').addEventListener('change', function (e) { loadFile(e.target.files[0]); e.target.value = ''; });
    var overlay = $('drop-overlay'), depth = 0;
    function hasFiles(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0; }
    document.addEventListener('dragenter', function (e) { if (hasFiles(e)) { depth++; overlay.hidden = false; } });
    document.addEventListener('dragleave', function (e) { if (hasFiles(e) && --depth <= 0) { depth = 0; overlay.hidden = true; } });
    document.addEventListener('dragover', function (e) { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
    document.addEventListener('drop', function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault(); depth = 0; overlay.hidden = true;
      loadFile(e.dataTransfer.files[0]);
    });
  }

  // ---- simulate ---------------------------------------------------------------------------
  function simulate(isEdit) {
    if (!state.engine) return;
    var text = src.value;
    var t0 = performance.now();
    var out = state.engine.simulate(text);
    var t1 = performance.now();
    var obj;
    try { obj = JSON.parse(out); } catch (e) { obj = { errors: [{ pointer: '', message: 'invalid engine output', line: 1, column: 1 }] }; }
    if (obj.errors) {
      state.errors = obj.errors;
      renderErrors();
    } else {
      var scenario = {};
      try { scenario = JSON.parse(text); } catch (e) { /* the engine accepted it; keep going */ }
      var key = state.pickedKey || '(edited)';
      var sameScenario = isEdit && state.good && (state.good.key === key || key === '(edited)');
      state.errors = [];
      state.good = { scenario: scenario, result: obj, text: text, key: state.pickedKey || (state.good && isEdit ? state.good.key : '(file)') };
      if (!state.langChosen) { state.lang = scenario.locale === 'fr' ? 'fr' : 'en'; applyStaticText(); }
      if (!sameScenario) { state.eventLimit = EVENT_PAGE; state.invoiceLimit = INVOICE_PAGE; state.filter = 'all'; }
      renderErrors();
      renderResult(sameScenario);
    }
    var t2 = performance.now();
    state.renders++;
    window.subsimPage.last = { simulateMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0, ok: !obj.errors };
    document.body.setAttribute('data-renders', String(state.renders));
    if (state.renders === 1 && window.performance && performance.mark) {
      performance.mark('subsim-first-render');
      // The frame after the first render is the first one showing a timeline.
      requestAnimationFrame(function () { setTimeout(function () { performance.mark('subsim-first-frame'); }, 0); });
    }
  }

  // ---- errors -----------------------------------------------------------------------------
  function renderErrors() {
    var errs = state.errors, u = ui();
    var box = $('errors'), list = $('error-list'), marks = $('marks');
    list.textContent = ''; marks.textContent = '';
    $('gutter').querySelectorAll('.gutter-mark').forEach(function (n) { n.parentNode.removeChild(n); });
    $('editor').classList.toggle('has-errors', errs.length > 0);
    // What-ifs edit the last valid text: not while the editor holds errors.
    $('whatif').inert = errs.length > 0;
    $('whatif-card').classList.toggle('off', errs.length > 0);
    if (!errs.length) {
      box.hidden = true;
      $('status').textContent = state.good ? u.valid : '';
      $('status').className = 'status ok';
      document.body.classList.remove('stale');
      updateCaretStatus();
      return;
    }
    box.hidden = false;
    $('errors-title').textContent = u.errorsTitle(errs.length);
    $('stale-note').textContent = state.good ? u.staleNote : u.noResultYet;
    $('status').textContent = u.errorsTitle(errs.length);
    $('status').className = 'status bad visually-hidden';   // the error box shows it; still announced
    document.body.classList.toggle('stale', !!state.good);
    var byLine = {};
    errs.forEach(function (e, i) {
      var li = html('li', 'error', list);
      li.setAttribute('data-line', String(e.line));
      var b = html('button', 'error-pos', li, u.lineCol(e.line, e.column));
      b.type = 'button';
      b.addEventListener('click', function () { gotoLineCol(e.line, e.column); });
      var msg = html('span', 'error-msg', li, e.message);
      msg.id = 'err-msg-' + i;
      if (e.pointer) html('code', 'error-ptr', li, e.pointer);
      (byLine[e.line] = byLine[e.line] || []).push(e.message);
    });
    Object.keys(byLine).forEach(function (line) {
      var m = html('div', 'mark-line', marks);
      m.style.top = (PAD_TOP + (line - 1) * LINE_H) + 'px';
      m.setAttribute('data-line', line);
      var g = html('div', 'gutter-mark', $('gutter'));
      g.style.top = (PAD_TOP + (line - 1) * LINE_H) + 'px';
      g.setAttribute('data-line', line);
      g.title = byLine[line].join('\n');
    });
    updateCaretStatus();
  }

  // ---- results ----------------------------------------------------------------------------
  // The helpers of one render: labels in the reader's language, and the narrator's sentences for
  // this text in that language (the module's narration(); SPEC §4.1).
  function context(text, scenario, result) {
    return T.contextFor(state.engine, state.lang, text, scenario, result);
  }
  function renderResult(keepView) {
    var g = state.good, ctx = context(g.text, g.scenario, g.result);
    state.ctx = ctx;
    renderSummary(ctx, g);
    timeline.setData(g.scenario, g.result, ctx, keepView);
    timeline.legend($('legend'), ctx);
    renderWhatIf(ctx, g);
    renderExpectations(ctx, g);
    renderFilter(ctx, g);
    renderEvents(ctx, g);
    renderInvoices(ctx, g);
  }

  function fact(dl, term, value, cls) {
    var d = html('div', 'fact' + (cls ? ' ' + cls : ''), dl);
    html('dt', null, d, term);
    var dd = html('dd', null, d);
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    return dd;
  }
  function renderSummary(ctx, g) {
    var u = ctx.ui, s = g.scenario, r = g.result, sum = r.summary || {};
    $('summary-title').textContent = s.title || g.key || 'subsim';
    var dl = $('facts');
    dl.textContent = '';
    if (s.source) fact(dl, u.source, s.source, 'source');
    fact(dl, u.period, u.periodValue(ctx.date(s.start), ctx.date(s.until)));
    fact(dl, u.totalCharged, ctx.money(sum.total_charged), 'total');
    fact(dl, u.account, sum.account === 'closed' ? u.accountClosed : u.accountOpen);
    var states = document.createElement('ul');
    states.className = 'state-list';
    Object.keys(sum.states || {}).forEach(function (id) {
      var li = html('li', null, states);
      html('span', 'sub', li, ctx.subName(id));
      var b = html('span', 'state-badge st-badge-' + sum.states[id], li, ctx.state(sum.states[id]));
      b.setAttribute('data-state', sum.states[id]);
    });
    fact(dl, u.statesOnUntil, states, 'states');
    var ex = r.expectations || [];
    if (ex.length) {
      var p = ex.filter(function (e) { return e.passed; }).length;
      fact(dl, u.expectations, u.expSummary(p, ex.length), p === ex.length ? 'pass' : 'fail');
    }
  }

  function renderExpectations(ctx, g) {
    var u = ctx.ui, list = $('expectations'), ex = g.result.expectations || [];
    list.textContent = '';
    var p = ex.filter(function (e) { return e.passed; }).length;
    $('expect-count').textContent = ex.length ? '(' + u.expSummary(p, ex.length) + ')' : '';
    // All passed: folded away behind a summary; any failure: unfolded.
    var det = $('expect-details');
    $('expect-show').textContent = u.expShow(ex.length);
    $('expect-show').hidden = !ex.length;
    if (!state.expectKey || state.expectKey !== g.key + '|' + p + '/' + ex.length) det.open = !ex.length || p < ex.length;
    state.expectKey = g.key + '|' + p + '/' + ex.length;
    if (!ex.length) { html('li', 'empty', list, u.noExpectations); return; }
    ex.forEach(function (e, k) {
      var li = html('li', 'exp ' + (e.passed ? 'pass' : 'fail'), list);
      li.setAttribute('data-passed', String(!!e.passed));
      var badge = html('span', 'exp-badge', li, (e.passed ? '✓ ' : '✗ ') + (e.passed ? u.passed : u.failed));
      badge.setAttribute('aria-label', e.passed ? u.passed : u.failed);
      var body = html('div', 'exp-body', li);
      html('span', 'exp-text', body, ctx.expectationLine(k) || '#' + e.index);
      if (!e.passed && e.message) html('span', 'exp-msg', body, e.message);
    });
  }

  function renderFilter(ctx, g) {
    var sel = $('event-filter');
    var prev = state.filter;
    sel.textContent = '';
    var all = html('option', null, sel, ctx.ui.filterAll); all.value = 'all';
    var events = g.result.events || [];
    if (events.some(function (e) { return e.subscription == null; })) {
      var a = html('option', null, sel, ctx.ui.filterAccount); a.value = '\u0001account';
    }
    Object.keys((g.result.summary || {}).states || {}).forEach(function (id) {
      var o = html('option', null, sel, ctx.subName(id)); o.value = id;
    });
    sel.value = prev;
    if (sel.value !== prev) { sel.value = 'all'; state.filter = 'all'; }
  }

  function eventMatches(e) {
    if (state.filter === 'all') return true;
    if (state.filter === '\u0001account') return e.subscription == null;
    return e.subscription === state.filter;
  }

  function renderEvents(ctx, g) {
    var list = $('events'), events = g.result.events || [], u = ctx.ui;
    list.textContent = '';
    var matching = [];
    events.forEach(function (e, i) { if (eventMatches(e)) matching.push(i); });
    var shown = matching.slice(0, state.eventLimit);
    var frag = document.createDocumentFragment();
    shown.forEach(function (i) {
      var e = events[i];
      var li = html('li', 'ev ev-' + e.type, frag);
      li.id = 'ev-' + i;
      li.setAttribute('data-index', String(i));
      li.setAttribute('data-type', e.type);
      li.setAttribute('data-date', e.date);
      var mk = SubSimTimeline.markerKind(e.type);
      if (mk) li.classList.add('has-marker');
      var time = html('button', 'ev-date', li);
      time.type = 'button';
      var t = html('time', null, time, ctx.date(e.date));
      t.setAttribute('datetime', e.date);
      time.addEventListener('click', function () { showOnTimeline(i); });
      var body = html('div', 'ev-body', li);
      var meta = html('div', 'ev-meta', body);
      html('span', 'ev-type t-' + (mk || 'plain'), meta, ctx.typeLabel(e.type));
      var where = [];
      if (e.subscription != null) where.push(ctx.subName(e.subscription));
      if (e.product != null) where.push(ctx.productName(e.product));
      if (!where.length) where.push(u.accountLane);
      html('span', 'ev-where', meta, where.join(' · '));
      var rule = html('code', 'ev-rule', meta, e.rule);
      rule.title = u.rule;
      html('p', 'sentence', body, ctx.sentence(i));
    });
    list.appendChild(frag);
    $('event-count').textContent = '(' + u.eventCount(shown.length, matching.length) + ')';
    var more = $('events-more');
    var rest = matching.length - shown.length;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = u.showMore(Math.min(rest, EVENT_PAGE));
  }

  function showOnTimeline(i) {
    if (timeline.selectEvent(i)) {
      var card = $('timeline');
      var r = card.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) card.scrollIntoView({ block: 'center' });
      timeline.scroller.focus({ preventScroll: true });
    }
  }

  function showInList(eventIndex) {
    var g = state.good;
    if (!g) return;
    var e = g.result.events[eventIndex];
    if (!e) return;
    if (!eventMatches(e)) { state.filter = 'all'; $('event-filter').value = 'all'; }
    var pos = 0;
    g.result.events.forEach(function (x, i) { if (i < eventIndex && eventMatches(x)) pos++; });
    if (pos >= state.eventLimit) { state.eventLimit = pos + EVENT_PAGE; renderEvents(state.ctx, g); }
    else if (!$('ev-' + eventIndex)) renderEvents(state.ctx, g);
    var li = $('ev-' + eventIndex);
    if (!li) return;
    document.querySelectorAll('.ev.flash').forEach(function (n) { n.classList.remove('flash'); });
    li.classList.add('flash');
    li.scrollIntoView({ block: 'center' });
    li.querySelector('.ev-date').focus({ preventScroll: true });
  }

  function renderInvoices(ctx, g) {
    var body = $('invoice-rows'), invs = g.result.invoices || [], u = ctx.ui;
    body.textContent = '';
    var shown = invs.slice(0, state.invoiceLimit);
    var frag = document.createDocumentFragment();
    if (!invs.length) {
      var tr0 = html('tr', 'empty', frag);
      var td0 = html('td', null, tr0, u.noInvoices); td0.colSpan = 4;
    }
    shown.forEach(function (inv) {
      var tr = html('tr', null, frag);
      tr.setAttribute('data-date', inv.date);
      var d = html('td', 'date', tr);
      var t = html('time', null, d, ctx.date(inv.date)); t.setAttribute('datetime', inv.date);
      html('td', 'sub', tr, ctx.subName(inv.subscription));
      var linesTd = html('td', 'lines', tr);
      var ul = html('ul', null, linesTd);
      (inv.lines || []).forEach(function (l) {
        var li = html('li', null, ul);
        var name = l.bundle != null ? ctx.bundleName(l.bundle) + ' (' + u.bundle + ')' : ctx.productName(l.product);
        html('span', 'line-name', li, name);
        html('span', 'line-period', li, ctx.date(l.from) + ' – ' + ctx.date(ctx.dayBefore(l.to)));
        html('span', 'line-amount', li, ctx.money(l.amount));
      });
      html('td', 'num', tr, ctx.money(inv.amount));
    });
    body.appendChild(frag);
    $('invoice-total').textContent = ctx.money((g.result.summary || {}).total_charged);
    $('invoice-count').textContent = invs.length ? '(' + u.invoiceCount(shown.length, invs.length) + ')' : '';
    var more = $('invoices-more'), rest = invs.length - shown.length;
    more.hidden = rest <= 0;
    if (rest > 0) more.textContent = u.showMore(Math.min(rest, INVOICE_PAGE));
  }

  // ---- what-if ------------------------------------------------------------------------------
  function simulateText(text) {
    try { return JSON.parse(state.engine.simulate(text)); } catch (e) { return null; }
  }
  // The scenario without its what-if actions, simulated (cached by text).
  var baseCache = { text: null, result: null };
  function baseResult(text) {
    var base;
    try { base = W.baseText(text); } catch (e) { return null; }
    if (base === text) return null;
    if (baseCache.text !== base) { baseCache.text = base; baseCache.result = simulateText(base); }
    return baseCache.result && !baseCache.result.errors ? baseCache.result : null;
  }

  function renderWhatIf(ctx, g) {
    var ok = true;
    try { W.parse(g.text); } catch (e) { ok = false; }
    $('whatif').hidden = !ok;
    if (ok) panel.update(g.text, g.scenario, g.result, ctx);
    renderCompare(ctx, g);
  }

  function commitText(text, info) {
    setEditorText(text);
    state.pickedKey = null;
    $('picker').value = '';
    record(text, info && info.kind === 'move' ? 'move' : 'whatif', info && info.key);
    simulate(true);
  }

  // ---- compare: before / after --------------------------------------------------------------
  // Figures read from the two results (totals, invoice counts, states on the last day, the
  // invoices that differ); when access ends is the narrator's to say, in the what-if answer.
  function invoiceKey(i) { return i.date + '|' + i.subscription + '|' + i.amount; }
  function invoiceDiff(a, b) {   // invoices in a, not in b
    var n = {};
    b.forEach(function (i) { var k = invoiceKey(i); n[k] = (n[k] || 0) + 1; });
    return a.filter(function (i) { var k = invoiceKey(i); if (n[k]) { n[k]--; return false; } return true; });
  }
  function renderCompare(ctx, g) {
    var card = $('compare-card'), before = baseResult(g.text);
    card.hidden = !before;
    if (!before) return;
    var u = ctx.u || ctx.ui, after = g.result;
    var tbl = $('compare-table');
    tbl.textContent = '';
    var head = html('tr', null, html('thead', null, tbl));
    html('td', null, head);
    [u.before, u.after, u.difference].forEach(function (h) { html('th', null, head, h).scope = 'col'; });
    var body = html('tbody', null, tbl);
    function row(label, a, b, d, cls) {
      var tr = html('tr', cls || null, body);
      html('th', null, tr, label).scope = 'row';
      html('td', null, tr, a); html('td', null, tr, b);
      html('td', 'diff', tr, d == null ? '' : d);
      return tr;
    }
    var ta = (before.summary || {}).total_charged || 0, tb = (after.summary || {}).total_charged || 0;
    var dd = tb - ta;
    var r = row(u.cmpTotal, ctx.money(ta), ctx.money(tb), dd === 0 ? '=' : (dd > 0 ? '+' : '−') + ctx.money(Math.abs(dd)), 'cmp-total');
    r.setAttribute('data-diff', String(dd));
    if (dd) r.classList.add(dd < 0 ? 'less' : 'more');
    var na = (before.invoices || []).length, nb = (after.invoices || []).length;
    row(u.cmpInvoices, String(na), String(nb), nb === na ? '=' : (nb > na ? '+' : '−') + Math.abs(nb - na));
    Object.keys((after.summary || {}).states || {}).forEach(function (sid) {
      var sa = ((before.summary || {}).states || {})[sid], sb = after.summary.states[sid];
      row(u.cmpState(ctx.subName(sid)), ctx.state(sa), ctx.state(sb), sa === sb ? '=' : '≠');
    });
    var acA = (before.summary || {}).account, acB = (after.summary || {}).account;
    if (acA !== acB) row(u.cmpAccount, acA === 'closed' ? u.accountClosed : u.accountOpen, acB === 'closed' ? u.accountClosed : u.accountOpen, '≠');
    // Which invoices disappear or appear.
    var box = $('compare-changes');
    box.textContent = '';
    var gone = invoiceDiff(before.invoices || [], after.invoices || []), added = invoiceDiff(after.invoices || [], before.invoices || []);
    if (!gone.length && !added.length) html('p', 'cmp-same', box, u.cmpSame);
    [[gone, u.cmpGone, 'gone'], [added, u.cmpNew, 'added']].forEach(function (x) {
      if (!x[0].length) return;
      var d = html('div', 'cmp-list cmp-' + x[2], box);
      html('h3', null, d, x[1] + ' (' + x[0].length + ')');
      var ul = html('ul', null, d);
      x[0].slice(0, 24).forEach(function (i) {
        html('li', null, ul, ctx.date(i.date) + ' — ' + ctx.subName(i.subscription) + ' — ' + ctx.money(i.amount));
      });
      if (x[0].length > 24) html('li', null, ul, '…');
    });
    var scBefore = JSON.parse(baseCache.text), ctxBefore = context(baseCache.text, scBefore, before);
    tlBefore.setData(scBefore, before, ctxBefore, true);
    tlAfter.setData(g.scenario, after, ctx, true);
  }
  // The two compare timelines move together (zoom and scroll).
  function linkTimelines(a, b) {
    var busy = false;
    function follow(src, dst) {
      src.onDraw(function () {
        if (busy || !dst.model || !src.model || dst.model.start !== src.model.start || dst.model.end !== src.model.end) return;
        if (Math.abs(dst.ppd - src.ppd) < 1e-9 && dst.scroller.scrollLeft === src.scroller.scrollLeft) return;
        busy = true;
        dst.ppd = src.ppd;
        dst._sizeChart();
        dst.scroller.scrollLeft = src.scroller.scrollLeft;
        dst.draw();
        busy = false;
      });
    }
    follow(a, b); follow(b, a);
  }

  // ---- undo / redo --------------------------------------------------------------------------
  function record(text, kind, key) {
    var now = Date.now(), top = hist.stack[hist.idx];
    if (top && top.text === text) return;
    var coalesce = top && hist.idx === hist.stack.length - 1 && now - hist.at < 1500 &&
                   ((kind === 'edit' && top.kind === 'edit') || (kind === 'move' && top.kind === 'move' && key && key === top.key));
    hist.at = now;
    if (coalesce && hist.idx > 0) { top.text = text; updateUndo(); return; }
    hist.stack = hist.stack.slice(0, hist.idx + 1);
    hist.stack.push({ text: text, kind: kind, key: key });
    if (hist.stack.length > 200) hist.stack.shift();
    hist.idx = hist.stack.length - 1;
    updateUndo();
  }
  function updateUndo() {
    $('undo').disabled = hist.idx <= 0;
    $('redo').disabled = hist.idx >= hist.stack.length - 1;
  }
  function travel(step) {
    var k = hist.idx + step;
    if (k < 0 || k >= hist.stack.length) return;
    clearTimeout(debounce);
    hist.idx = k;
    hist.at = 0;
    var text = hist.stack[k].text;
    var bundled = scenarios.filter(function (x) { return x.text === text; })[0];
    state.pickedKey = bundled ? bundled.file : null;
    $('picker').value = bundled ? bundled.file : '';
    setEditorText(text);
    simulate(true);
    updateUndo();
  }
  function onUndoKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    var k = (e.key || '').toLowerCase();
    if (k !== 'z' && k !== 'y') return;
    var t = e.target, tag = t && t.tagName;
    if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || (t && t.isContentEditable)) return;   // their own undo
    e.preventDefault();
    travel(k === 'y' || e.shiftKey ? 1 : -1);
  }

  // ---- download, share, embed ---------------------------------------------------------------
  function downloadName() {
    var base = state.fileName ? state.fileName.replace(/\.json$/i, '') : '';
    if (!base) {
      var title = state.good && state.good.scenario && state.good.scenario.title;
      base = String(title || 'scenario').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
    }
    var n = 0;
    try { n = W.whatIfs(src.value).length; } catch (e) { n = 0; }
    return base + (n && !/-whatif$/.test(base) ? '-whatif' : '') + '.json';
  }
  function download() {
    var blob = new Blob([src.value], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = downloadName();
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.parentNode.removeChild(a); }, 1000);
  }

  function pageBase() { return location.href.split('#')[0].replace(/[^/]*$/, ''); }
  function escapeAttr(v) { return String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  var shareFrag = '';
  function embedHeight(g, whatif) {
    var lanes = timeline.model ? timeline.model.lanes.length : 2;
    // Title and facts, toolbar, axis, lanes, the folded lists and the footer; the what-if form
    // with one answer. Generous: too short an iframe scrolls, too tall leaves a gap.
    return 230 + 44 + 34 * lanes + (whatif ? 340 : 0);
  }
  function embedCodes() {
    var g = state.good, whatif = $('embed-whatif').checked, lang = $('embed-lang').value;
    var base = pageBase(), title = (g && g.scenario && g.scenario.title) || 'subsim';
    var frag = shareFrag + (lang !== 'host' ? '&lang=' + lang : '') + (whatif ? '&whatif=1' : '');
    $('embed-iframe').value = '<iframe src="' + escapeAttr(base + 'embed.html#' + frag) + '" title="' + escapeAttr(title) +
      '" width="100%" height="' + embedHeight(g, whatif) + '" loading="lazy"></iframe>';
    // Inside <script type="application/json"> nothing may look like "</script": "<" is escaped,
    // which JSON allows inside strings (the only place a "<" can be).
    var json = src.value.replace(/</g, '\\u003c');
    $('embed-element').value = '<script src="' + escapeAttr(base + 'subsim-embed.js') + '" defer></script>\n' +
      '<subsim-timeline' + (lang !== 'host' ? ' lang="' + lang + '"' : '') + (whatif ? ' whatif' : '') + '>\n' +
      '<script type="application/json">\n' + json.replace(/\s+$/, '') + '\n</script>\n</subsim-timeline>';
  }
  function openShare() {
    var dlg = $('share-dialog');
    $('copy-status').textContent = '';
    if ($('embed-lang').value === 'host' && !dlg.dataset.init) { $('embed-lang').value = state.lang; dlg.dataset.init = '1'; }
    return W.encodeText(src.value).then(function (frag) {
      shareFrag = frag;
      var url = location.href.split('#')[0] + '#' + frag + (state.langChosen ? '&lang=' + state.lang : '');
      $('share-link').value = url;
      try { history.replaceState(null, '', url); } catch (e) { /* file:// may refuse */ }
      embedCodes();
      if (!dlg.open) dlg.showModal();
      $('share-link').select();
    });
  }
  function copyFrom(id) {
    var field = $(id), u = ui();
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      $('copy-status').textContent = ok ? u.copied : u.copyFailed;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(function () { $('copy-status').textContent = u.copied; }, fallback);
    } else fallback();
  }

  // A share link (#z=… or #t=…): the scenario it carries, or false when the hash is something else.
  function openFromHash() {
    var f = W.parseFragment(location.hash);
    if (!f.text) return false;
    if (f.params.lang === 'fr' || f.params.lang === 'en') setLang(f.params.lang, true);
    return f.text.then(function (text) {
      state.pickedKey = null;
      state.fileName = null;
      $('picker').value = '';
      setEditorText(text);
      record(text, 'load');
      simulate(false);
      return true;
    }, function (err) {
      state.linkError = ui().linkFailed + (err && err.message ? err.message : String(err));
      return false;
    });
  }

  // ---- start ------------------------------------------------------------------------------
  function start() {
    window.subsimPage = {
      // For benchmarks and tests: simulate the given text as if typed, return the timings.
      run: function (text) { setEditorText(text); state.pickedKey = null; simulate(true); return window.subsimPage.last; },
      history: function () { return { size: hist.stack.length, index: hist.idx }; },
      engineAnswer: function (text) { return state.engine.simulate(text); },   // the module's JSON text, for tests
      pick: pick,
      last: null,
    };
    setupEditor();
    buildPicker();
    timeline = new SubSimTimeline.Timeline($('timeline'), {
      onActivate: function (it) { if (it.event != null) showInList(it.event); },
      onSelect: function (it) {   // mark the event's row without moving the page
        document.querySelectorAll('.ev.flash').forEach(function (n) { n.classList.remove('flash'); });
        var li = it.event != null && $('ev-' + it.event);
        if (li) li.classList.add('flash');
      },
      onPickDay: function (iso) { if (panel) panel.setDate(iso); },
    });
    panel = new SubSimWhatIfUI.Panel({
      root: $('whatif'), timeline: timeline,
      getLang: function () { return state.lang; },
      simulate: simulateText,
      commit: commitText,
      catalogue: function () { return T.catalogue(state.engine); },
      baseTotal: function () { var b = state.good && baseResult(state.good.text); return b ? (b.summary || {}).total_charged || 0 : null; },
    });
    tlBefore = new SubSimTimeline.Timeline($('tl-before'), {});
    tlAfter = new SubSimTimeline.Timeline($('tl-after'), {});
    linkTimelines(tlBefore, tlAfter);
    $('undo').addEventListener('click', function () { travel(-1); });
    $('redo').addEventListener('click', function () { travel(1); });
    document.addEventListener('keydown', onUndoKey);
    $('download').addEventListener('click', download);
    $('share').addEventListener('click', openShare);
    $('share-close').addEventListener('click', function () { $('share-dialog').close(); });
    $('copy-link').addEventListener('click', function () { copyFrom('share-link'); });
    $('copy-iframe').addEventListener('click', function () { copyFrom('embed-iframe'); });
    $('copy-element').addEventListener('click', function () { copyFrom('embed-element'); });
    $('embed-whatif').addEventListener('change', embedCodes);
    $('embed-lang').addEventListener('change', embedCodes);
    window.addEventListener('hashchange', function () { openFromHash(); });
    $('lang-en').addEventListener('click', function () { setLang('en', true); });
    $('lang-fr').addEventListener('click', function () { setLang('fr', true); });
    $('event-filter').addEventListener('change', function (e) {
      state.filter = e.target.value; state.eventLimit = EVENT_PAGE; renderEvents(state.ctx, state.good);
    });
    $('events-more').addEventListener('click', function () { state.eventLimit += EVENT_PAGE; renderEvents(state.ctx, state.good); });
    $('invoices-more').addEventListener('click', function () { state.invoiceLimit += INVOICE_PAGE; renderInvoices(state.ctx, state.good); });
    var navLang = (navigator.language || 'en').slice(0, 2);
    state.lang = navLang === 'fr' ? 'fr' : 'en';
    applyStaticText();
    $('status').textContent = ui().loadingEngine;
    loadEngine().then(function (engine) {
      state.engine = engine;
      applyStaticText();
      $('status').textContent = '';
      var fromLink = openFromHash();
      return Promise.resolve(fromLink).then(function (opened) {
        if (!opened) {
          var want = decodeURIComponent((location.hash || '').slice(1));
          var first = scenarios.filter(function (s) { return s.file === want; })[0] || scenarios[0];
          if (first) pick(first.file);
          if (state.linkError) { $('status').textContent = state.linkError; $('status').className = 'status bad'; state.linkError = null; }
        }
        document.body.setAttribute('data-ready', 'true');
      });
    }, function (err) {
      $('status').textContent = ui().engineFailed + (err && err.message ? err.message : String(err));
      $('status').className = 'status bad';
      document.body.setAttribute('data-ready', 'error');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
