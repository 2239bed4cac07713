/* The page's parse of a result text that reuses the last one. The engine writes a result one
 * event, span, invoice or expectation per line (core/io/json_writer.cpp: `    {…},` inside a
 * list, `  "key": value,` for the others). An edit (a what-if pin moved by a day) changes few of
 * those lines: each line seen in the last result parsed gives back the object it parsed to, so
 * only the changed lines are parsed, and an unchanged event, span or invoice is the same object
 * as in the last result (the timeline reuses what it built from it). Any other layout is parsed
 * whole: the value is JSON.parse's either way (tests/web/result-lines.test.js). */

const LIST = /^ {2}"([a-z_]+)": \[$/;
let last = new Map();   // item line -> its parsed object, from the last result parsed

// An item on one line: it ends with `}` or `},`.
function closes(line) {
  const n = line.length, c = line.charCodeAt(n - 1);
  return c === 125 || (c === 44 && line.charCodeAt(n - 2) === 125);
}

// The line without its trailing comma.
function bare(line) { return line.charCodeAt(line.length - 1) === 44 ? line.slice(0, -1) : line; }

// The parsed value of `text` (a result or errors object), or JSON.parse's exception.
export function parseResult(text) {
  let value = null;
  try { value = byLines(text); } catch (e) { value = null; }
  return value || JSON.parse(text);
}

// The value from the lines, or null when the text is not laid out as the engine writes results.
function byLines(text) {
  const lines = text.split('\n'), seen = new Map(), out = {};
  let list = null, i = 1;
  if (lines[0] !== '{') return null;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (list) {
      if (line.startsWith('    {') && closes(line)) { list.push(itemOf(bare(line.slice(4)), seen)); continue; }
      if (line === '  ],' || line === '  ]') { list = null; continue; }
      return null;
    }
    const head = LIST.exec(line);
    if (head) out[head[1]] = list = [];
    else if (line === '}') break;
    else if (line.startsWith('  "')) Object.assign(out, JSON.parse('{' + bare(line) + '}'));
    else return null;
  }
  if (list || i !== lines.length - 2 || lines[i + 1] !== '') return null;
  last = seen;
  return out;
}

// The object of an item line: the last result's when it had that line (once), else parsed.
function itemOf(body, seen) {
  let value = last.get(body);
  if (value === undefined) value = JSON.parse(body);
  else last.delete(body);   // a second equal line in this result gets its own object
  if (!seen.has(body)) seen.set(body, value);
  return value;
}
