/* What-if actions in the scenario text, without any DOM. A what-if action is an ordinary scenario
 * action marked `"x-whatif": true` (x- keys are free for authors, SPEC §2), so the text itself
 * carries it: simulated, downloaded and shared with the rest; the scenario "before" is the same
 * text without the marked actions. Actions are edited in the text (the author's formatting is
 * kept): a new action goes after every action dated on or before its date, so it runs after that
 * day's other actions (same-date actions run in file order, SPEC §2.4).
 * "Instead of": the what-if takes the scenario's own actions of its kind for its subscription out
 * of `actions` and carries them under "x-instead-of"; removing the what-if (or taking the scenario
 * before the what-ifs) puts them back. */
import { parse, prop, lineIndent, wsBefore } from './json-positions.js';

export const MARK = 'x-whatif';
export const INSTEAD = 'x-instead-of';
const KEY_ORDER = ['on', 'do', 'by', 'subscription', 'products', 'number', 'to', 'timing', 'separate_entity'];

// One action as one line of JSON, in the usual key order; `mark` adds "x-whatif": true.
function serialize(a, mark) {
  const parts = [];
  const add = (k) => parts.push(JSON.stringify(k) + ': ' + JSON.stringify(a[k]));
  KEY_ORDER.forEach((k) => { if (a[k] !== undefined && a[k] !== null && a[k] !== '') add(k); });
  Object.keys(a).forEach((k) => { if (KEY_ORDER.indexOf(k) < 0 && k !== MARK && a[k] !== undefined) add(k); });
  if (mark) parts.push(JSON.stringify(MARK) + ': true');
  return '{ ' + parts.join(', ') + ' }';
}
export function serializeAction(a) { return serialize(a, true); }
export function isWhatIf(a) { return !!(a && typeof a === 'object' && a[MARK]); }

// A few answers per function kept by text: one edit asks about the same few texts many times.
// `seed(text, k, value)` keeps an answer computed another way (an edit that knows the result).
function memo(fn) {
  let kept = [];
  const keep = (text, k, value) => { kept = [{ text, k, value }].concat(kept.filter((e) => e.text !== text || e.k !== k).slice(0, 5)); };
  const f = function (text, k) {
    for (const e of kept) if (e.text === text && e.k === k) return e.value;
    const value = fn(text, k);
    keep(text, k, value);
    return value;
  };
  f.seed = keep;
  return f;
}

// Every action of the scenario, in file order: { index, action, whatif, start, end } (cached by text).
export const listActions = memo(listActionsOf);
function listActionsOf(text) {
  const p = prop(parse(text), 'actions');
  let list = [];
  if (p && p.value.type === 'array') {
    list = p.value.items.map((it, k) => {
      let a = null;
      try { a = JSON.parse(text.slice(it.start, it.end)); } catch (e) { a = null; }
      return { index: k, action: a, whatif: isWhatIf(a), start: it.start, end: it.end };
    });
  }
  return list;
}
// The action list of a text made from `list`'s text by cutting [rs, re) (the item `drop` with its
// separator) then inserting `ins` characters at `at` (in the cut text), `added` the new item
// ({ action, start } in the new text, or null): offsets shifted, nothing parsed again.
function editedList(list, drop, rs, re, at, ins, added) {
  const cut = (p) => (p <= rs ? p : p - (re - rs));
  const moved = (p) => (p < at ? p : p + ins);
  const out = [];
  for (const x of list) {
    if (x.index === drop) continue;
    out.push({ action: x.action, whatif: x.whatif, start: moved(cut(x.start)), end: moved(cut(x.end)) });
  }
  if (added) out.push(added);
  out.sort((a, b) => a.start - b.start);
  out.forEach((x, k) => { x.index = k; });
  return out;
}

export function whatIfs(text) { return listActions(text).filter((x) => x.whatif); }

// The text with an `actions` list holding only `item` (the scenario had none).
function withFirstAction(text, root, item) {
  const after = prop(root, 'subscriptions') || root.props[root.props.length - 1];
  if (!after) return text.slice(0, root.start) + '{ "actions": [ ' + item + ' ] }' + text.slice(root.end);
  const ind = lineIndent(text, after.keyStart);
  const ins = ind == null ? ', "actions": [ ' + item + ' ]' : ',\n' + ind + '"actions": [\n' + ind + ind + item + '\n' + ind + ']';
  return text.slice(0, after.value.end) + ins + text.slice(after.value.end);
}

// The text with the serialized action `item` dated `on` inserted in date order.
function insertItem(text, item, on) {
  const list = listActions(text);
  if (list.length) return placeItem(text, list, item, on);
  const root = parse(text);
  if (root.type !== 'object') throw new Error('the scenario is not a JSON object');
  const p = prop(root, 'actions');
  if (!p) return withFirstAction(text, root, item);
  if (p.value.type !== 'array') throw new Error('"actions" is not a list');
  const ki = lineIndent(text, p.keyStart), arr = p.value;
  const body = ki == null ? '[ ' + item + ' ]' : '[\n' + ki + ki + item + '\n' + ki + ']';
  return text.slice(0, arr.start) + body + text.slice(arr.end);
}

// `item` put after every action of `list` (the actions of `text`, at least one) dated on or
// before `on`; the new text's list is kept for it (offsets shifted, nothing parsed again).
function placeItem(text, list, item, on) {
  let idx = 0;
  list.forEach((y, k) => { const d = y.action && y.action.on; if (typeof d === 'string' && d <= on) idx = k + 1; });
  let p, ins, start, from;
  if (idx < list.length) {
    p = list[idx].start;
    ins = item + ',' + wsBefore(text, p);
    start = from = p;
  } else {
    const last = list[list.length - 1];
    p = last.end;
    ins = ',' + wsBefore(text, last.start) + item;
    start = p + ins.length - item.length;
    from = p + 1;   // appended: no other action moves
  }
  const out = text.slice(0, p) + ins + text.slice(p), action = JSON.parse(item);
  listActions.seed(out, undefined, editedList(list, -1, 0, 0, from, ins.length, { action, whatif: isWhatIf(action), start, end: start + item.length }));
  return out;
}

// The scenario's own actions (not what-ifs) an "instead of" what-if replaces: same kind, same
// subscription (account-wide kinds: same kind).
export function replaced(text, action) {
  return listActions(text).filter((x) => !x.whatif && x.action && x.action['do'] === action['do'] &&
    (x.action.subscription == null ? null : x.action.subscription) === (action.subscription == null ? null : action.subscription));
}

// The text with `action` inserted as a what-if; `instead`: it replaces the scenario's own
// actions of its kind for its subscription.
export function insertAction(text, action, instead) {
  const a = Object.assign({}, action);
  delete a[INSTEAD];
  if (instead) {
    const own = replaced(text, a);
    if (own.length) {
      a[INSTEAD] = own.map((x) => x.action);
      for (let k = own.length - 1; k >= 0; k--) text = removeAction(text, own[k].index);
    }
  }
  return insertItem(text, serialize(a, true), a.on);
}

// The text without the action at `index` (an index into `actions`). An `actions` list left empty
// is removed altogether (it defaults to []), so adding then removing gives the original text back.
export function removeAction(text, index) {
  const list = listActions(text);
  if (!list[index]) return text;
  if (list.length > 1) {   // cut from the end of the one before (the first: to the start of the next)
    const rs = index > 0 ? list[index - 1].end : list[0].start, re = index > 0 ? list[index].end : list[1].start;
    const out = text.slice(0, rs) + text.slice(re);
    listActions.seed(out, undefined, editedList(list, index, rs, re, Infinity, 0, null));
    return out;
  }
  const root = parse(text), p = prop(root, 'actions');
  const pi = root.props.indexOf(p);
  if (pi > 0) return text.slice(0, root.props[pi - 1].value.end) + text.slice(p.value.end);
  if (root.props.length > 1) return text.slice(0, p.keyStart) + text.slice(root.props[1].keyStart);
  return text.slice(0, p.value.start) + '[]' + text.slice(p.value.end);
}

// The text without the what-if at `index`, with the actions it replaced put back.
export function removeWhatIf(text, index) {
  const x = listActions(text)[index];
  let out = removeAction(text, index);
  const back = x && x.action && Array.isArray(x.action[INSTEAD]) ? x.action[INSTEAD] : [];
  back.forEach((a) => { if (a && typeof a.on === 'string') out = insertItem(out, serialize(a, false), a.on); });
  return out;
}

// Move the action at `index` to another date (it is placed again in date order): removed, then
// inserted, each step keeping its text's action list, so a move parses nothing new.
export function moveAction(text, index, on) {
  const x = listActions(text)[index];
  if (!x || !x.action) return text;
  return insertItem(removeAction(text, index), serialize(Object.assign({}, x.action, { on }), true), on);
}

// The scenario without its what-if actions ("before").
export const baseText = memo((text) => {
  for (let list = whatIfs(text); list.length; list = whatIfs(text)) text = removeWhatIf(text, list[list.length - 1].index);
  return text;
});
// The scenario without one what-if action (the k-th what-if), to isolate that action's effect.
export const withoutWhatIf = memo((text, k) => {
  const list = whatIfs(text);
  return list[k] ? removeWhatIf(text, list[k].index) : text;
});
