/* The scenario editor: text with line numbers, error marks at their lines, the caret's error,
 * files opened or dropped. The page's text is state.text; the textarea in the JSON panel shows
 * it while the panel is open (set when it opens): a closed panel costs an edit nothing (setting
 * a textarea rebuilds one line box per line of the scenario, 1,870 on the 10-year one). */
import { html } from '../dom.js';
import { record } from './history.js';
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';

var LINE_H = 20, PAD_TOP = 8;   // must match .editor textarea in style.css

// An edit still waiting for its simulation reaches the undo history now (before a switch).
export function flushEdit() {
  if (!state.debounce) return;
  clearTimeout(state.debounce);
  state.debounce = null;
  record(state.text, 'edit');
}

// ---- editor -----------------------------------------------------------------------------
// The page's text (the scenario the reader sees), whether the JSON panel is open or not.
export function editorText() { return state.text; }

// Keeps `text` as the page's text; the textarea shows it now if the panel is open, else when it opens.
export function keepText(text) {
  state.text = text;
  if (!$('editor-panel').open) { state.textStale = true; state.gutterStale = true; return false; }
  if (refs.src.value !== text) refs.src.value = text;
  state.textStale = false;
  return true;
}

export function setEditorText(text) {
  if (!keepText(text)) return;   // nothing to lay out
  refs.src.scrollTop = 0; refs.src.scrollLeft = 0;
  updateGutter();
}

// Opens the JSON panel with the page's text in it.
export function openEditor() {
  const panel = $('editor-panel');
  if (!panel.open) panel.open = true;
  showText();
}

// The textarea brought up to the page's text (the panel has just opened).
function showText() {
  if (state.textStale) { refs.src.value = state.text; state.textStale = false; refs.src.scrollTop = 0; refs.src.scrollLeft = 0; }
  if (state.gutterStale) updateGutter();
}
// Line numbers are drawn when the JSON panel is open (a closed panel costs nothing per edit).
export function updateGutter() {
  var panel = $('editor-panel');
  if (panel && !panel.open) { state.gutterStale = true; return; }
  state.gutterStale = false;
  var n = 1, v = state.text;
  for (var i = 0; i < v.length; i++) if (v.charCodeAt(i) === 10) n++;
  var lines = new Array(n);
  for (var k = 0; k < n; k++) lines[k] = String(k + 1);
  $('gutter').textContent = lines.join('\n');
  syncScroll();
}
export function syncScroll() {
  $('gutter').style.transform = 'translateY(' + (-refs.src.scrollTop) + 'px)';
  $('marks').style.transform = 'translate(' + (-refs.src.scrollLeft) + 'px,' + (-refs.src.scrollTop) + 'px)';
}
export function caretLine() {
  var pos = refs.src.selectionStart || 0, v = refs.src.value, line = 1, lastNl = -1;
  for (var i = 0; i < pos; i++) if (v.charCodeAt(i) === 10) { line++; lastNl = i; }
  return { line: line, column: Array.from(v.slice(lastNl + 1, pos)).length + 1 };
}
export function updateCaretStatus() {
  if (!$('editor-panel').open) return;   // the caret's line is said in the panel
  var c = caretLine();
  var here = state.errors.filter(function (e) { return e.line === c.line; });
  var st = $('caret-status');
  st.textContent = here.length ? ui().caretError(c.line, here.map(function (e) { return e.message; }).join(' · ')) : '';
  st.classList.toggle('has-error', here.length > 0);
}
// Put the caret on (line, column); columns count Unicode characters (docs/semantics.md).
export function gotoLineCol(line, column) {
  var v = refs.src.value, pos = 0, l = 1;
  while (l < line && pos < v.length) { var nl = v.indexOf('\n', pos); if (nl < 0) { pos = v.length; break; } pos = nl + 1; l++; }
  var end = v.indexOf('\n', pos); if (end < 0) end = v.length;
  var chars = Array.from(v.slice(pos, end));
  var col = Math.max(1, Math.min(column || 1, chars.length + 1));
  var at = pos + chars.slice(0, col - 1).join('').length;
  refs.src.focus();
  refs.src.setSelectionRange(at, at);
  refs.src.scrollTop = Math.max(0, (line - 1) * LINE_H - refs.src.clientHeight / 3);
  syncScroll();
  updateCaretStatus();
}
// The reader typed in the textarea: its text is the page's.
function onTyped() {
  state.text = refs.src.value;
  state.textStale = false;
  onEdit();
}
// The page's text was edited (typed, or written by the authoring tools: keepText): simulated once
// the typing pauses.
export function onEdit() {
  state.pickedKey = null;
  $('picker').value = '';
  updateGutter();
  clearTimeout(state.debounce);
  state.debounce = setTimeout(function () { state.debounce = null; actions.simulate(true); record(state.text, 'edit'); }, 250);
}
export function loadFile(file) {
  if (!file) return;
  file.text().then(function (text) {
    state.pickedKey = null;
    state.fileName = file.name;
    state.origin = null;   // a file the reader opened is theirs: nothing to restore
    state.original = text;
    $('picker').value = '';
    setEditorText(text);
    record(text, 'load');
    actions.simulate(false);
  });
}
export function setupEditor() {
  refs.src = $('source');
  $('editor-panel').addEventListener('toggle', function () { if ($('editor-panel').open) { showText(); updateCaretStatus(); } });
  refs.src.addEventListener('input', onTyped);
  refs.src.addEventListener('scroll', syncScroll);
  ['keyup', 'click', 'select', 'focus'].forEach(function (t) { refs.src.addEventListener(t, updateCaretStatus); });
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

// ---- errors -----------------------------------------------------------------------------
function setText(el, text) { if (el.textContent !== text) el.textContent = text; }

export function renderErrors() {
  var errs = state.errors, u = ui();
  var box = $('errors'), list = $('error-list'), marks = $('marks');
  // Written only when they change: an edit of a valid text leaves them as they are.
  if (list.firstChild) list.textContent = '';
  if (marks.firstChild) marks.textContent = '';
  $('gutter').querySelectorAll('.gutter-mark').forEach(function (n) { n.parentNode.removeChild(n); });
  $('editor').classList.toggle('has-errors', errs.length > 0);
  // What-ifs edit the last valid text: not while the editor holds errors.
  if ($('whatif').inert !== errs.length > 0) $('whatif').inert = errs.length > 0;
  $('whatif-card').classList.toggle('off', errs.length > 0);
  if (!errs.length) {
    if (!box.hidden) box.hidden = true;
    setText($('status'), state.good ? u.valid : '');
    if ($('status').className !== 'status ok') $('status').className = 'status ok';
    document.body.classList.remove('stale');
    updateCaretStatus();
    return;
  }
  box.hidden = false;
  openEditor();   // the errors are in the JSON panel
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
