/* The authoring tools on the page (web/src/authoring/README.md): "New scenario" in the scenario's
 * toolbar, the builder in a panel before the JSON panel, the format-aware editor in the JSON
 * panel (in place of the textarea once loaded; the textarea until then, or if loading fails) and
 * the export buttons in their own panel. authoring.js and the authors' engine
 * (subsim-authoring.js, AUTHORING_MODULE) load only when one of them is opened. state.text stays
 * the page's text (editor.js): the tools write it and simulate like typing (onEdit); after each render they
 * follow it (a pick, undo, a what-if) and the page's language. Labels: authoring/launch-strings.js. */
import { html, button } from '../dom.js';
import { loadEngine, loadScript, AUTHORING_MODULE } from '../engine.js';
import { launchUiOf as uiOf } from '../authoring/launch-strings.js';
import { state, refs, $ } from './state.js';
import { onEdit, keepText, editorText } from './editor.js';

let tools = null, loading = null;

// The three places the tools go, created once (empty until loaded).
function buildPlaces() {
  const newButton = button('tool', null);
  newButton.id = 'new-scenario';
  $('doc-tools').insertBefore(newButton, $('share'));
  const panel = (id, before) => {
    const d = html('details', 'card authoring-panel', null);
    d.id = id;
    html('summary', 'editor-summary', d);
    const box = html('div', 'authoring-box', d);
    html('p', 'status authoring-status', d).setAttribute('role', 'status');
    before.parentNode.insertBefore(d, before);
    return { details: d, box };
  };
  const editorBox = html('div', 'authoring-editor', null);
  $('editor').parentNode.insertBefore(editorBox, $('editor'));
  return { newButton, exports: panel('exports-panel', $('editor-panel')), builder: panel('builder-panel', $('editor-panel')), editorBox };
}

function label(places, lang) {
  const u = uiOf(lang);
  places.newButton.textContent = u.newScenario;
  places.builder.details.querySelector('summary').textContent = u.builderTitle;
  places.exports.details.querySelector('summary').textContent = u.exportsPanel;
}

// The page's text after an author's edit in one tool: the other follows, the page simulates.
function toPage(text, other) {
  if (other) other.setText(text);
  keepText(text);
  onEdit();
}

// The editor's caret on (line, column) of an engine error (columns count Unicode characters).
function goTo(view, line, column) {
  const doc = view.state.doc, l = doc.line(Math.max(1, Math.min(line || 1, doc.lines)));
  const at = l.from + Array.from(l.text).slice(0, Math.max(0, (column || 1) - 1)).join('').length;
  view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  view.focus();
}

// The page's error list (line:column buttons) leads on to the editor: after the page's own handler
// (the textarea's caret), focus and caret go to the error in the editor.
function errorsToEditor(editor) {
  $('error-list').addEventListener('click', (e) => {
    const li = e.target.closest('.error-pos') && e.target.closest('li');
    const err = li && state.errors[Array.prototype.indexOf.call(li.parentNode.children, li)];
    if (err) goTo(editor.view, err.line, err.column);
  });
}

function mount(places, A, engine) {
  const text = editorText(), lang = state.lang, t = {};
  t.editor = A.mountEditor(places.editorBox, { text, lang, engine, onChange: (x) => toPage(x, t.builder) });
  t.builder = A.mountBuilder(places.builder.box, { text, lang, engine, onChange: (x) => toPage(x, t.editor) });
  t.exports = A.mountExports(places.exports.box, { engine, lang, getText: editorText });
  // The textarea stays, out of sight and of the tab order.
  $('editor').classList.add('sa-replaced');
  $('editor').setAttribute('aria-hidden', 'true');
  refs.src.tabIndex = -1;
  $('caret-status').hidden = true;
  errorsToEditor(t.editor);
  document.body.dataset.authoring = 'ready';
  if (window.subsimPage) window.subsimPage.authoring = t;   // for tests
  return t;
}

function load(places) {
  if (loading) return loading;
  const say = (msg) => { for (const p of [places.builder, places.exports]) p.details.querySelector('.authoring-status').textContent = msg; };
  say(uiOf(state.lang).loadingTools);
  const script = window.SubsimAuthoring ? Promise.resolve() : loadScript(state.base + 'authoring.js');
  loading = Promise.all([script, loadEngine(state.base, AUTHORING_MODULE)]).then(([, engine]) => {
    say('');
    tools = mount(places, window.SubsimAuthoring, engine);
    return tools;
  }, (err) => {
    loading = null;   // the textarea stays; opening again retries
    say(uiOf(state.lang).toolsFailed + (err && err.message ? err.message : String(err)));
    document.body.dataset.authoring = 'error';
  });
  return loading;
}

// After each render the tools show the page's text; a language switch relabels everything.
function follow(places) {
  let lang = state.lang;
  new MutationObserver(() => {
    if (tools && tools.editor.getText() !== editorText()) { tools.editor.setText(editorText()); tools.builder.setText(editorText()); }
  }).observe(document.body, { attributes: true, attributeFilter: ['data-renders'] });
  new MutationObserver(() => {
    if (state.lang === lang) return;
    lang = state.lang;
    label(places, lang);
    if (tools) for (const k of ['editor', 'builder', 'exports']) tools[k].setLang(lang);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/** Installs "New scenario", the builder, the editor and the exports on the page (call once). */
export function installAuthoring() {
  const places = buildPlaces();
  label(places, state.lang);
  follow(places);
  for (const d of [places.builder.details, places.exports.details, $('editor-panel')]) {
    d.addEventListener('toggle', () => { if (d.open) load(places); });
  }
  places.newButton.addEventListener('click', () => {
    places.builder.details.open = true;
    load(places).then(() => {
      const pick = places.builder.box.querySelector('.sa-template');
      places.builder.details.scrollIntoView({ block: 'start' });
      if (pick) pick.focus();
    });
  });
}
