/* Where the cursor is in a scenario's JSON, from CodeMirror's syntax tree (@codemirror/lang-json):
 * the schema path of the object or list around a position, and what the author is writing there
 * (a key, a key's value, a list item). Tolerates text being typed (unclosed strings, commas). */
import { syntaxTree } from '@codemirror/language';

function unquote(s) {
  try { return JSON.parse(s); } catch (e) { return s.replace(/^"|"$/g, ''); }
}

function nameOf(state, property) {
  const name = property.getChild('PropertyName');
  return name ? unquote(state.sliceDoc(name.from, name.to)) : '';
}

// The schema path of a value node (an Object, an Array, a String…): its keys and "*" for items.
export function pathOf(state, node) {
  const tokens = [];
  for (let c = node.parent, child = node; c; child = c, c = c.parent) {
    if (c.name === 'Property' && child.name !== 'PropertyName') tokens.unshift(nameOf(state, c));
    else if (c.name === 'Array') tokens.unshift('*');
  }
  return tokens.length ? '/' + tokens.join('/') : '';
}

// The innermost Object or Array that `pos` is inside of (after its opening bracket).
export function containerAt(state, pos) {
  for (let c = syntaxTree(state).resolveInner(pos, -1); c; c = c.parent)
    if ((c.name === 'Object' || c.name === 'Array') && c.from < pos) return c;
  return null;
}

// The keys already written in an Object node.
export function keysIn(state, object) {
  const keys = [];
  for (let c = object.firstChild; c; c = c.nextSibling) if (c.name === 'Property') keys.push(nameOf(state, c));
  return keys;
}

// What is written at `pos`: { kind: 'key' | 'value' | 'item', path, container, from } where
// `path` is the object's path for a key, the key's path for a value, the list's path + "/*" for
// an item, and `from` where the word being typed starts. null outside any object.
export function placeAt(state, pos) {
  const before = state.sliceDoc(Math.max(0, pos - 200), pos);
  const word = /"?[^\s"{}[\]:,]*$/.exec(before)[0];
  const from = pos - word.length;
  const lead = /(\S)\s*$/.exec(state.sliceDoc(Math.max(0, from - 200), from));
  const prev = lead ? lead[1] : '';
  const container = containerAt(state, from);
  if (!container) return null;
  const where = container.name === 'Object' ? pathOf(state, container) : pathOf(state, container) + '/*';
  if (prev === ':') {
    const key = /"((?:[^"\\]|\\.)*)"\s*:\s*$/.exec(state.sliceDoc(Math.max(0, from - 200), from));
    return key && container.name === 'Object' ? { kind: 'value', path: where + '/' + unquote('"' + key[1] + '"'), container, from } : null;
  }
  if (prev === '{' || prev === '[' || prev === ',') return { kind: container.name === 'Object' ? 'key' : 'item', path: where, container, from };
  return null;
}

// The schema path of the key or value under `pos` (for hover), or null.
export function pathUnder(state, pos) {
  const node = syntaxTree(state).resolveInner(pos, 1);
  for (let c = node; c; c = c.parent) {
    if (c.name === 'Property') {
      const name = c.getChild('PropertyName');
      const onKey = name && pos >= name.from && pos <= name.to;
      const inValue = !onKey && c.lastChild && c.lastChild.name !== 'PropertyName' && pos >= c.lastChild.from;
      if (onKey || inValue) return { path: pathOf(state, c.parent) + '/' + nameOf(state, c), from: name.from, to: onKey ? name.to : c.to };
    }
  }
  return null;
}

// The end of the token starting at `from` (to underline an error), at least one character.
export function tokenEnd(state, from) {
  const node = syntaxTree(state).resolveInner(from, 1);
  const simple = ['String', 'Number', 'True', 'False', 'Null', 'PropertyName'];
  if (node && simple.includes(node.name) && node.from === from) return node.to;
  return Math.min(state.doc.length, from + 1);
}
