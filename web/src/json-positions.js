/* A small JSON parser that records where every value sits in the text (start/end offsets), for
 * text the engine already accepted. Objects: { type, start, end, props: [{ key, keyStart, value }] };
 * arrays: { type, start, end, items: [node] }; scalars: { type, start, end }. The last text's tree
 * are kept, so one edit parses each text once however many questions are asked of it. */
const KEEP = 6;   // the texts of one edit: the scenario, without its what-ifs, without each of them
let kept = [];

function scanner(text) {
  let i = 0;
  const n = text.length;
  const fail = (what) => { throw new Error('JSON: ' + what + ' at offset ' + i); };
  function ws() {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xFEFF) i++; else break;
    }
  }
  function str() {
    if (text.charCodeAt(i) !== 34) fail('string expected');
    const s = i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 92) { i += 2; escaped = true; } else if (c === 34) { i++; return escaped ? JSON.parse(text.slice(s, i)) : text.slice(s + 1, i - 1); } else i++;
    }
    return fail('unterminated string');
  }
  function object(start) {
    i++;
    const props = [];
    ws();
    if (text[i] === '}') { i++; return { type: 'object', start, end: i, props }; }
    for (;;) {
      ws();
      const ks = i, key = str();
      ws();
      if (text[i] !== ':') fail('":" expected');
      i++;
      props.push({ key, keyStart: ks, value: value() });
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; break; }
      fail('"," or "}" expected');
    }
    return { type: 'object', start, end: i, props };
  }
  function array(start) {
    i++;
    const items = [];
    ws();
    if (text[i] === ']') { i++; return { type: 'array', start, end: i, items }; }
    for (;;) {
      items.push(value());
      ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') { i++; break; }
      fail('"," or "]" expected');
    }
    return { type: 'array', start, end: i, items };
  }
  const SCALAR = /true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  function value() {
    ws();
    const start = i, c = text[i];
    if (c === '{') return object(start);
    if (c === '[') return array(start);
    if (c === '"') { str(); return { type: 'string', start, end: i }; }
    SCALAR.lastIndex = i;
    const m = SCALAR.exec(text);
    if (!m) fail('value expected');
    i += m[0].length;
    return { type: 'scalar', start, end: i };
  }
  return { root() { const r = value(); ws(); if (i !== n) fail('trailing text'); return r; } };
}

// The tree of `text` (throws on text that is not JSON).
export function parse(text) {
  for (const k of kept) if (k.text === text) return k.root;
  const root = scanner(text).root();
  kept = [{ text, root }].concat(kept.slice(0, KEEP - 1));
  return root;
}

// The property `key` of an object node (the last one wins, as in JSON.parse), or null.
export function prop(obj, key) {
  if (!obj || obj.type !== 'object') return null;
  let found = null;
  for (const p of obj.props) if (p.key === key) found = p;
  return found;
}

// Indentation of the line holding offset `at` (null when that line is the first: one-line JSON).
export function lineIndent(text, at) {
  const nl = text.lastIndexOf('\n', at - 1);
  if (nl < 0) return null;
  return /^[ \t]*/.exec(text.slice(nl + 1))[0];
}

// The white space just before offset `at`.
export function wsBefore(text, at) {
  let s = at;
  while (s > 0 && /\s/.test(text[s - 1])) s--;
  return text.slice(s, at);
}
