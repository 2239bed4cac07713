/* The page's parse of a result that reuses the last one, from the result's UTF-8 bytes. The
 * engine writes a result one event, span, invoice or expectation per line
 * (core/io/json_writer.cpp: `    {…},` inside a list, `  "key": value,` for the others). An
 * edit (a what-if pin moved by a day) changes few of those lines. The module gives, with the
 * page's answer, its item lines matched with those of its last page answer (page_lines():
 * core/io/result_lines.hpp, wasm/entry_points.hpp): a line the last result had gives back the
 * object it parsed to, so only the changed lines are decoded and parsed (decoding the whole
 * ~600 KB, splitting and parsing it cost more than the engine's simulation, and comparing its
 * bytes here a third of the edit's script), and an unchanged event, span or invoice is the same
 * object as in the last result (the timeline keeps what it built from it: timeline-model-reuse.js).
 * Without the lines, or for any other layout, the bytes are decoded and parsed whole: the value
 * is JSON.parse's either way (tests/web/result-lines.test.js). */

const decoder = new TextDecoder('utf-8');
const LIST = /^ {2}"([a-z_]+)": \[$/;
const LIST_NAMES = new Set(['events', 'spans', 'invoices', 'expectations', 'errors']);
// The last result parsed by lines: the module that gave it, its number there, the objects of its
// item lines in order.
const NONE = { source: null, number: -1, values: [] };
let last = NONE;

// The parsed value of a result's bytes (a result or errors object), or JSON.parse's exception.
// `bytes` may be a view of the engine's memory: it is read before this returns, never kept.
// `lines` (page_lines() of the module `source`, for these bytes) lets the unchanged lines be reused.
export function parseResult(bytes, lines = null, source = null) {
  if (typeof bytes === 'string') bytes = new TextEncoder().encode(bytes);
  let value = null;
  try { value = lines && source ? byLines(bytes, lines, source) : null; } catch (e) { value = null; }
  if (!value) last = NONE;
  return value || JSON.parse(decoder.decode(bytes));
}

// The value from the lines, or null when the bytes are not laid out as the engine writes results,
// the lines are not theirs, or a list has a name the reviver does not know.
function byLines(b, lines, source) {
  const n = b.length, fields = [], lists = [], count = lines[2], values = [];
  const reuse = last.source === source && lines[1] === last.number ? last.values : null;
  if (n < 4 || b[0] !== 123 || b[1] !== 10 || b[n - 2] !== 125 || b[n - 1] !== 10 || lines.length !== 3 + 3 * count) return null;
  let list = null, i = 2, q = 0;
  while (i < n - 2) {
    if (list && b[i] === 32 && b[i + 1] === 32 && b[i + 2] === 32 && b[i + 3] === 32 && b[i + 4] === 123) {
      // An item: the module's next line, from `{` to `}` (the list's comma left out).
      const value = item(b, lines, q, i + 4, reuse);
      if (value === undefined) return null;
      const end = lines[4 + 3 * q];
      list.push(value); values.push(value); q += 1;
      i = (b[end] === 44 ? end + 1 : end) + 1;
      continue;
    }
    let j = b.indexOf(10, i);
    if (j < 0) j = n;
    const line = decoder.decode(b.subarray(i, j)), head = LIST.exec(line);
    if (list && (line === '  ],' || line === '  ]')) list = null;
    else if (!list && head && LIST_NAMES.has(head[1])) { fields.push('"' + head[1] + '": ' + lists.length); lists.push(list = []); }
    else if (!list && line.startsWith('  "')) fields.push(line.endsWith(',') ? line.slice(0, -1) : line);
    else return null;
    i = j + 1;
  }
  if (list || i !== n - 2 || q !== count) return null;
  // The other fields in one parse, whose reviver puts each list (its number there) in its place.
  const value = JSON.parse('{' + fields.join(', ') + '}', (key, v) => (typeof v === 'number' && LIST_NAMES.has(key) && lists[v] ? lists[v] : v));
  last = { source, number: lines[0], values };
  return value;
}

// The object of item line q, which starts at `at`: the last result's object for a line it had
// (`reuse`: its objects, when these lines were matched with its), else the line parsed;
// undefined when the module's line q is not the one at `at`, ending with `}` then a newline
// (or a comma and a newline).
function item(b, lines, q, at, reuse) {
  const k = 3 + 3 * q, end = lines[k + 1], match = lines[k + 2];
  if (q >= lines[2] || lines[k] !== at || !(end > at) || b[end - 1] !== 125) return undefined;
  if (!(b[end] === 10 || (b[end] === 44 && b[end + 1] === 10))) return undefined;
  if (reuse && match >= 0 && match < reuse.length) return reuse[match];
  return JSON.parse(decoder.decode(b.subarray(at, end)));
}
