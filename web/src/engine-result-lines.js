/* The page's parse of a result that reuses the last one, from the result's UTF-8 bytes. The
 * engine writes a result one event, span, invoice or expectation per line
 * (core/io/json_writer.cpp: `    {…},` inside a list, `  "key": value,` for the others). An
 * edit (a what-if pin moved by a day) changes few of those lines: a line whose bytes the last
 * result parsed had gives back the object it parsed to, so only the changed lines are decoded
 * and parsed (decoding the whole ~600 KB, splitting and parsing it cost more than the engine's
 * simulation), and an unchanged event, span or invoice is the same object as in the last result
 * (the timeline keeps what it built from it: timeline-model-reuse.js). Any other layout is
 * decoded and parsed whole: the value is JSON.parse's either way (tests/web/result-lines.test.js). */

const decoder = new TextDecoder('utf-8');
const LIST = /^ {2}"([a-z_]+)": \[$/;
const LIST_NAMES = new Set(['events', 'spans', 'invoices', 'expectations', 'errors']);
// The last result parsed by lines: its bytes (a copy) and its item lines in order (where each
// starts and ends, the object it parsed to).
let last = { bytes: new Uint8Array(0), at: [], end: [], values: [] };

// The parsed value of a result's bytes (a result or errors object), or JSON.parse's exception.
// `bytes` may be a view of the engine's memory: it is read before this returns, never kept.
export function parseResult(bytes) {
  if (typeof bytes === 'string') bytes = new TextEncoder().encode(bytes);
  let value = null;
  try { value = byLines(bytes); } catch (e) { value = null; }
  return value || JSON.parse(decoder.decode(bytes));
}

// The value from the lines, or null when the bytes are not laid out as the engine writes results
// (or a list has a name the reviver does not know).
function byLines(b) {
  const n = b.length, fields = [], lists = [], reuse = reuser(b), next = { bytes: null, at: [], end: [], values: [] };
  if (n < 4 || b[0] !== 123 || b[1] !== 10 || b[n - 2] !== 125 || b[n - 1] !== 10) return null;
  let list = null, i = 2;
  while (i < n - 2) {
    if (list && b[i] === 32 && b[i + 1] === 32 && b[i + 2] === 32 && b[i + 3] === 32 && b[i + 4] === 123) {
      // An item: its bytes from `{` to `}` (the list's comma left out), its line's end found
      // by the match with a last result's line (reuse.end), so an unchanged line is read once.
      const value = reuse(i + 4);
      if (value === undefined) return null;
      const end = reuse.end;
      list.push(value);
      next.at.push(i + 4); next.end.push(end); next.values.push(value);
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
  if (list || i !== n - 2) return null;
  // The other fields in one parse, whose reviver puts each list (its number there) in its place.
  const value = JSON.parse('{' + fields.join(', ') + '}', (key, v) => (typeof v === 'number' && LIST_NAMES.has(key) && lists[v] ? lists[v] : v));
  next.bytes = b.slice();
  last = next;
  return value;
}

// reuse(start): the object of the item whose `{` is at `start`, its `}` before reuse.end (the
// line then ends there, or after a comma); undefined when the line does not end with `}`. The
// lines are matched in order with the last result's: the next line there when the bytes from
// `start` are its bytes and the line ends after them, else one a little further (lines the edit
// removed or changed), else, after LOST lines without a match (a longer change), an identical
// line anywhere (by hash); each old object is given once. A line with no match is parsed. An
// edit changes a few lines together, so most lines cost one comparison, and the end of a matched
// line is not searched for.
const WINDOW = 32, LOST = 8;
function reuser(b) {
  const old = last, ob = old.bytes, count = old.at.length, used = new Uint8Array(count), n = b.length;
  const wb = wordsOf(b), wo = wordsOf(ob);
  let p = 0, misses = 0, byHash = null;
  // The line from `at` ends after `len` bytes: a newline there, or a comma and a newline.
  const endsAt = (e) => e < n && (b[e] === 10 || (b[e] === 44 && b[e + 1] === 10));
  const same = (k, at, len) => !used[k] && old.end[k] - old.at[k] === len && sameBytes(wo, old.at[k], wb, at, len);
  const take = (k, end) => { used[k] = 1; reuse.end = end; return old.values[k]; };
  const reuse = (at) => {
    for (let k = p; k < count && k < p + WINDOW; k++) {
      const len = old.end[k] - old.at[k];
      if (!used[k] && endsAt(at + len) && sameBytes(wo, old.at[k], wb, at, len)) { p = k + 1; misses = 0; return take(k, at + len); }
    }
    let j = b.indexOf(10, at);
    if (j < 0) j = n;
    const end = b[j - 1] === 44 ? j - 1 : j, len = end - at;
    if (b[end - 1] !== 125) return undefined;
    // A new or changed line, or the order lost past a longer change: after a few lines without
    // a match in the window, looked for anywhere.
    if (++misses > LOST) {
      if (!byHash) byHash = linesByHash(old, wo);
      const olds = byHash.get(hashOf(wb, at, len));
      if (olds) for (const k of olds) if (same(k, at, len)) { p = k + 1; misses = 0; return take(k, end); }
    }
    reuse.end = end;
    return JSON.parse(decoder.decode(b.subarray(at, end)));
  };
  reuse.end = 0;
  return reuse;
}

// The last result's lines (their numbers) by hash.
function linesByHash(old, wo) {
  const byHash = new Map();
  for (let k = 0; k < old.at.length; k++) {
    const h = hashOf(wo, old.at[k], old.end[k] - old.at[k]), list = byHash.get(h);
    if (list) list.push(k); else byHash.set(h, [k]);
  }
  return byHash;
}

// The bytes read four at a time (unaligned: a DataView).
function wordsOf(b) { return new DataView(b.buffer, b.byteOffset, b.byteLength); }

// FNV-1a over the 32-bit words of [at, at + len) and its last bytes, and the length: equal bytes,
// equal hashes (unequal bytes may share one: sameBytes decides).
function hashOf(w, at, len) {
  let h = Math.imul(0x811c9dc5 ^ len, 16777619), k = 0;
  for (; k + 4 <= len; k += 4) h = Math.imul(h ^ w.getUint32(at + k), 16777619);
  for (; k < len; k++) h = Math.imul(h ^ w.getUint8(at + k), 16777619);
  return h;
}

// Eight bytes at a time, read as a double: two equal doubles have equal bits here, since the
// exceptions (+0 and -0, NaN) need a zero byte or a first byte 0x7F or 0xFF, which valid UTF-8 JSON
// text never has (a NaN never compares equal: at worst a line is parsed again).
function sameBytes(a, ai, b, bi, len) {
  let k = 0;
  for (; k + 8 <= len; k += 8) if (a.getFloat64(ai + k) !== b.getFloat64(bi + k)) return false;
  for (; k < len; k++) if (a.getUint8(ai + k) !== b.getUint8(bi + k)) return false;
  return true;
}
