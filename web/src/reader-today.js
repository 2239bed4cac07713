/* The reader's day (SPEC-v2 §8.2). The page and the embeds pass the reader's local calendar date
 * to the engine as the reference date of relative dates ("today", "today+P10D"): what the reader's
 * own calendar says, not an engine rule. The engine resolves every relative date; the page only
 * reads where they fell (resolved_dates) to draw the axis and bound the what-if dates. */

function two(n) { return (n < 10 ? '0' : '') + n; }

// "YYYY-MM-DD" of `now` on the reader's local calendar (not UTC: just after midnight in Paris
// the reader's day is already the next one).
export function readerToday(now) {
  const d = now || new Date();
  return String(d.getFullYear()).padStart(4, '0') + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
}

// Sets `value` at a JSON pointer ("/subscriptions/0/start") of `root`, when the path exists.
function setAt(root, pointer, value) {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (node == null || typeof node !== 'object') return;
    node = node[tokens[i]];
  }
  if (node != null && typeof node === 'object' && tokens.length) node[tokens[tokens.length - 1]] = value;
}

// The scenario of `text` (parsed) with each relative date replaced by the date the engine
// resolved it to for the answer's reference date (`result.today`); the text itself keeps "today".
// An answer whose result has no `today` used no relative date: the parse as it is.
export function scenarioOf(engine, text, result) {
  let scenario = {};
  try { scenario = JSON.parse(text); } catch (e) { return {}; }
  const today = result && typeof result.today === 'string' ? result.today : null;
  if (!today || !engine || typeof engine.resolved_dates !== 'function') return scenario;
  let resolved = null;
  try { resolved = JSON.parse(engine.resolved_dates(text, today)); } catch (e) { resolved = null; }
  const dates = resolved && resolved.dates ? resolved.dates : {};
  Object.keys(dates).forEach((pointer) => setAt(scenario, pointer, dates[pointer]));
  return scenario;
}
