/* Undo / redo over every text the scenario went through (typing coalesces into one step, so do
 * repeated moves of one action). */
import { html } from '../dom.js';
import { setEditorText } from './editor.js';
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';

// ---- undo / redo --------------------------------------------------------------------------
export function record(text, kind, key) {
  var now = Date.now(), top = state.hist.stack[state.hist.idx];
  if (top && top.text === text) return;
  var coalesce = top && state.hist.idx === state.hist.stack.length - 1 && now - state.hist.at < 1500 &&
                 ((kind === 'edit' && top.kind === 'edit') || (kind === 'move' && top.kind === 'move' && key && key === top.key));
  state.hist.at = now;
  if (coalesce && state.hist.idx > 0) { top.text = text; updateUndo(); return; }
  state.hist.stack = state.hist.stack.slice(0, state.hist.idx + 1);
  state.hist.stack.push({ text: text, kind: kind, key: key });
  if (state.hist.stack.length > 200) state.hist.stack.shift();
  state.hist.idx = state.hist.stack.length - 1;
  updateUndo();
}
export function updateUndo() {
  $('undo').disabled = state.hist.idx <= 0;
  $('redo').disabled = state.hist.idx >= state.hist.stack.length - 1;
}
export function travel(step) {
  var k = state.hist.idx + step;
  if (k < 0 || k >= state.hist.stack.length) return;
  clearTimeout(state.debounce);
  state.hist.idx = k;
  state.hist.at = 0;
  var text = state.hist.stack[k].text;
  var bundled = state.scenarios.filter(function (x) { return state.texts[x.file] === text; })[0];
  state.pickedKey = bundled ? bundled.file : null;
  $('picker').value = bundled ? bundled.file : '';
  setEditorText(text);
  actions.simulate(true);
  updateUndo();
}
export function onUndoKey(e) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  var k = (e.key || '').toLowerCase();
  if (k !== 'z' && k !== 'y') return;
  var t = e.target, tag = t && t.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || (t && t.isContentEditable)) return;   // their own undo
  e.preventDefault();
  travel(k === 'y' || e.shiftKey ? 1 : -1);
}
