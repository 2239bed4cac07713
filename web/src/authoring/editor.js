/* The scenario editor: CodeMirror 6 with the JSON language, completion and hover help from the
 * schema and the engine's field guide, and the engine's own positioned errors inline
 * (validate(text): pointer, line, column, message). Tab indents; Escape then Tab leaves. */
import { EditorView, keymap, hoverTooltip, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { EditorState, Compartment, Annotation } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { linter, lintGutter, setDiagnostics as setLintDiagnostics, lintKeymap } from '@codemirror/lint';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import EDITOR_CSS from './editor.css';
import { html, uid } from './dom.js';
import { readerToday } from '../reader-today.js';
import { uiOf } from './strings.js';
import { fieldGuide } from './guide.js';
import { completionSource } from './editor-completion.js';
import { pathUnder, tokenEnd } from './json-tree.js';

const External = Annotation.define();

// The document offset of an engine error's line:column (columns count characters, SPEC §5).
export function offsetOf(doc, line, column) {
  if (line > doc.lines) return doc.length;
  const l = doc.line(Math.max(1, line));
  let at = l.from;
  for (let c = 1; c < column && at < l.to; c++) at += l.text.codePointAt(at - l.from) > 0xffff ? 2 : 1;
  return at;
}

// CodeMirror diagnostics from the engine's errors.
export function diagnosticsOf(state, errors) {
  return (errors || []).map((e) => {
    const from = offsetOf(state.doc, e.line || 1, e.column || 1);
    return { from, to: Math.max(from, tokenEnd(state, from)), severity: 'error', message: e.message, source: e.pointer || '/' };
  });
}

function errorsOf(engine, text) {
  if (!engine || typeof engine.validate !== 'function') return [];
  try { return JSON.parse(engine.validate(text, readerToday())).errors || []; } catch (e) { return []; }
}

function hoverHelp(current) {
  return hoverTooltip((view, pos) => {
    const under = pathUnder(view.state, pos);
    if (!under) return null;
    const entry = current().guide[under.path];
    if (!entry) return null;
    return { pos: under.from, end: under.to, above: true, create() {
      const dom = html('div', 'sa-hover');
      html('strong', null, dom, entry.label);
      html('p', null, dom, entry.help);
      return { dom };
    } };
  });
}

function extensions(opts, state) {
  const current = () => state;
  return [
    lineNumbers(), history(), drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }), json(), lintGutter(),
    autocompletion({ override: [completionSource(current)], icons: false }),
    hoverHelp(current),
    linter((view) => diagnosticsOf(view.state, errorsOf(opts.engine, view.state.doc.toString())), { delay: 250 }),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
    EditorView.lineWrapping,
  ];
}

/**
 * Mounts the editor in `container`.
 * opts: { text, lang ('en'|'fr'), engine (the loaded module), onChange(text) }.
 * Returns { view, getText, setText, setDiagnostics, setLang, focus, destroy }.
 */
export function mountEditor(container, opts) {
  const o = { lang: 'en', text: '', ...opts };
  const state = { guide: fieldGuide(o.engine, o.lang), scenario: {} };
  const remember = (text) => { try { state.scenario = JSON.parse(text); } catch (e) { /* keep the last parsed one */ } };
  remember(o.text);
  // In a shadow root, where CodeMirror's styles are constructed sheets (no <style> for the CSP).
  const wrap = html('div', 'sa-editor', container);
  const shadow = wrap.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EDITOR_CSS);
  shadow.adoptedStyleSheets = [sheet];
  const hint = html('p', 'sa-hint', shadow, uiOf(o.lang).editorKeys);
  hint.id = uid('editor-keys');
  const label = new Compartment();
  const attrs = (lang) => EditorView.contentAttributes.of({ 'aria-label': uiOf(lang).editorLabel, 'aria-describedby': hint.id, tabindex: '0' });
  const view = new EditorView({
    parent: shadow,
    root: shadow,
    state: EditorState.create({ doc: o.text, extensions: [extensions(o, state), label.of(attrs(o.lang)),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const text = u.state.doc.toString();
        remember(text);
        if (o.onChange && !u.transactions.some((t) => t.annotation(External))) o.onChange(text);
      })] }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: External.of(true) });
    },
    setDiagnostics(errors) { view.dispatch(setLintDiagnostics(view.state, diagnosticsOf(view.state, errors))); },
    setLang(lang) {
      o.lang = lang;
      state.guide = fieldGuide(o.engine, lang);
      hint.textContent = uiOf(lang).editorKeys;
      view.dispatch({ effects: label.reconfigure(attrs(lang)) });
    },
    focus() { view.focus(); },
    destroy() { view.destroy(); wrap.remove(); },
  };
}
