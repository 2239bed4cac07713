/* No lost edits: the editor's text (what-if actions included) is kept in the browser's local
 * storage, keyed by the scenario it started from (a bundled file, a share link, an opened file),
 * after every change; opening that scenario again restores it, with a visible "restored your
 * edits — discard" choice. Nothing leaves the browser. Storage may be missing or full: then
 * nothing is kept, silently. */
import { state, $, ui } from './state.js';

const PREFIX = 'subsim-edits:';
const MAX_CHARS = 1 << 20;   // a scenario's size limit

function store() {
  try { return window.localStorage; } catch (e) { return null; }
}

// The key of the scenario the editor's text started from.
export function setOrigin(kind, name) { state.origin = kind + ':' + name; }

// Keeps `text` as the reader's edit of the current origin (or forgets it when it is the original).
export function keepEdits(text, original) {
  const s = store();
  if (!s || !state.origin) return;
  try {
    if (text === original || text.length > MAX_CHARS) s.removeItem(PREFIX + state.origin);
    else s.setItem(PREFIX + state.origin, text);
  } catch (e) { /* full or refused: nothing kept */ }
}

// The reader's kept edit of `origin`'s text, when it differs from `original`.
export function keptEdits(original) {
  const s = store();
  if (!s || !state.origin) return null;
  let text = null;
  try { text = s.getItem(PREFIX + state.origin); } catch (e) { text = null; }
  return text != null && text !== original ? text : null;
}

// Shows the "restored your edits — discard" notice; `discard` goes back to the original.
export function showRestored(discard) {
  const box = $('restored'), u = ui();
  $('restored-text').textContent = u.restoredEdits;
  $('restored-discard').textContent = u.discardEdits;
  box.hidden = false;
  $('restored-discard').onclick = () => {
    const s = store();
    try { if (s) s.removeItem(PREFIX + state.origin); } catch (e) { /* nothing kept */ }
    box.hidden = true;
    discard();
  };
}
export function hideRestored() { $('restored').hidden = true; }
