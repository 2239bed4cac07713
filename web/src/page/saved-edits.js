/* No lost edits: the editor's text (what-if actions included) is kept in the browser's local
 * storage, keyed by the scenario it started from (a bundled file, a share link, an opened file),
 * after every change (written in idle time); opening that scenario again restores it, with a
 * visible "restored your edits — discard" choice. Nothing leaves the browser. Storage may be missing or full: then
 * nothing is kept, silently. */
import { state, $, ui } from './state.js';

const PREFIX = 'subsim-edits:';
const MAX_CHARS = 1 << 20;   // a scenario's size limit

function store() {
  try { return window.localStorage; } catch (e) { return null; }
}

// The key of the scenario the editor's text started from.
export function setOrigin(kind, name) { flushEdits(); state.origin = kind + ':' + name; }

// Keeps `text` as the reader's edit of the current origin (or forgets it when it is the original).
// The write (up to a scenario's size, synchronous in the browser) waits for idle time, off the
// key handler; edits made meanwhile replace the waiting one, so one write follows a burst.
// A waiting write is done at once when the page is hidden or left, or the origin changes.
let pending = null, idleId = 0, timerId = 0;
export function keepEdits(text, original) {
  if (!state.origin) return;
  pending = { origin: state.origin, text, original };
  if (idleId || timerId) return;
  if (typeof requestIdleCallback === 'function') idleId = requestIdleCallback(flushEdits, { timeout: 2000 });
  else timerId = setTimeout(flushEdits, 200);
}

// Writes the waiting edit now (nothing when none waits).
export function flushEdits() {
  if (idleId && typeof cancelIdleCallback === 'function') cancelIdleCallback(idleId);
  clearTimeout(timerId);
  idleId = 0; timerId = 0;
  const p = pending, s = store();
  pending = null;
  if (!p || !s) return;
  try {
    if (p.text === p.original || p.text.length > MAX_CHARS) s.removeItem(PREFIX + p.origin);
    else s.setItem(PREFIX + p.origin, p.text);
  } catch (e) { /* full or refused: nothing kept */ }
}
window.addEventListener('pagehide', flushEdits);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushEdits(); });

// Opens the browser's storage ahead of the first scenario (its first use loads it, synchronously).
export function openStorage() {
  const s = store();
  try { if (s) s.getItem(PREFIX); } catch (e) { /* refused: nothing kept */ }
}

// The reader's kept edit of `origin`'s text, when it differs from `original`.
export function keptEdits(original) {
  flushEdits();
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
    flushEdits();
    const s = store();
    try { if (s) s.removeItem(PREFIX + state.origin); } catch (e) { /* nothing kept */ }
    box.hidden = true;
    discard();
  };
}
export function hideRestored() { $('restored').hidden = true; }
