/* One form control per kind of key (schema-walk.js kindAt): each reads its value from the
 * scenario at a JSON pointer and calls `put(pointer, value)` (undefined removes the key). The
 * label and explanation are the field guide's; the control's name is its pointer. */
import { html, uid } from './dom.js';
import { kindAt, valuesAt, defaultAt, requiredAt, schemaPath } from './schema-walk.js';
import { REFERENCES, idsOf } from './references.js';
import { entryFor } from './guide.js';
import { get } from './builder-model.js';

function option(select, value, text) {
  const o = html('option', null, select, text);
  o.value = value;
  return o;
}

function textInput(type, value, put, ptr) {
  const input = html('input');
  input.type = type;
  input.value = value == null ? '' : String(value);
  const read = () => (input.value === '' ? undefined : type === 'number' ? Number(input.value) : input.value);
  input.addEventListener('input', () => put(ptr, read(), false));
  input.addEventListener('change', () => put(ptr, read(), true));
  if (type === 'number') { input.min = '0'; input.step = '1'; input.inputMode = 'numeric'; }
  return input;
}

function choice(values, value, put, ptr, blank, name = String) {
  const select = html('select');
  if (blank != null) option(select, '', blank);
  for (const v of values) option(select, JSON.stringify(v), name(v));
  select.value = value === undefined ? '' : JSON.stringify(value);
  select.addEventListener('change', () => put(ptr, select.value === '' ? undefined : JSON.parse(select.value), true));
  return select;
}

// A number and a unit; an empty number removes the key. `usual` is the unit shown before one is
// chosen (the schema's default or first example for this key).
function duration(value, put, ptr, ui, usual) {
  const box = html('span', 'sa-duration');
  const m = /^P(\d+)([DWMY])$/.exec(String(value || ''));
  const n = textInput('number', m ? m[1] : '', () => {}, ptr);
  const unit = html('select', null, box);
  box.prepend(n);
  for (const u of ['D', 'W', 'M', 'Y']) option(unit, u, ui.units[u]);
  unit.value = m ? m[2] : usual;
  unit.setAttribute('aria-label', ui.unit);
  const write = (done) => put(ptr, n.value === '' ? undefined : 'P' + Number(n.value) + unit.value, done);
  n.addEventListener('input', () => write(false));
  n.addEventListener('change', () => write(true));
  unit.addEventListener('change', () => write(true));
  return { box, focusable: n };
}

function idChecks(ids, value, put, ptr) {
  const box = html('span', 'sa-checks');
  const chosen = Array.isArray(value) ? value.slice() : [];
  for (const id of ids) {
    const l = html('label', 'sa-check', box);
    const c = html('input', null, l);
    c.type = 'checkbox';
    c.checked = chosen.includes(id);
    html('span', null, l, id);
    c.addEventListener('change', () => {
      const next = ids.filter((x) => (x === id ? c.checked : chosen.includes(x)));
      chosen.splice(0, chosen.length, ...next);
      put(ptr, next.length ? next : undefined, true);
    });
  }
  return box;
}

function wordList(value, put, ptr) {
  const input = textInput('text', Array.isArray(value) ? value.join(', ') : '', () => {}, ptr);
  const read = () => { const xs = input.value.split(',').map((x) => x.trim()).filter(Boolean); return xs.length ? xs : undefined; };
  input.addEventListener('input', () => put(ptr, read(), false));
  input.addEventListener('change', () => put(ptr, read(), true));
  return input;
}

// cancels_account: no, yes, or only for accounts created before a date (the object form, whose
// date field the builder lays out below once chosen).
function datedChoice(value, ctx, ptr) {
  const { put, ui, scenario } = ctx;
  const select = html('select');
  option(select, '', ui.none);
  option(select, 'true', ui.yes);
  option(select, 'false', ui.no);
  option(select, 'dated', ui.cancelsBefore);
  select.value = value && typeof value === 'object' ? 'dated' : value === undefined ? '' : String(value);
  select.addEventListener('change', () => {
    const v = select.value;
    const date = (scenario.account && scenario.account.created) || scenario.start || '';
    put(ptr, v === '' ? undefined : v === 'dated' ? { if_account_created_before: date } : v === 'true', true);
  });
  return select;
}

// The control for the key at `ptr` (a concrete pointer), or null for kinds the form leaves to
// the editor.
function control(ptr, value, ctx) {
  const path = schemaPath(ptr);
  const kind = kindAt(path);
  const { put, ui, scenario } = ctx;
  if (REFERENCES[path]) return choice(idsOf(scenario, REFERENCES[path]), value, put, ptr, ui.none);
  if (kind === 'list' && REFERENCES[path + '/*']) return idChecks(idsOf(scenario, REFERENCES[path + '/*']), value, put, ptr);
  if (kind === 'list') return wordList(value, put, ptr);
  if (kind === 'date') return textInput('date', value, put, ptr);
  if (kind === 'duration') return duration(value, put, ptr, ui, /([DWMY])$/.exec(String(defaultAt(path) || valuesAt(path)[0] || 'M'))[1]);
  if (kind === 'amount' || kind === 'integer') return textInput('number', value, put, ptr);
  if (kind === 'boolean') {
    const d = defaultAt(path);
    const yesNo = (v) => (v ? ui.yes : ui.no);
    return choice([true, false], value, put, ptr, d === undefined ? ui.none : '(' + yesNo(d) + ')', yesNo);
  }
  if (kind === 'choice') return choice(valuesAt(path), value, put, ptr, requiredAt(path.replace(/\/[^/]*$/, ''), path.split('/').pop()) ? null : '(' + (defaultAt(path) || ui.none) + ')');
  if (kind === 'object') return datedChoice(value, ctx, ptr);
  return textInput('text', value, put, ptr);
}

// A labelled field for the key at `ptr`: the guide's label, the control, the guide's explanation.
export function fieldFor(parent, ptr, ctx) {
  const entry = entryFor(ctx.guide, ptr);
  const made = control(ptr, get(ctx.scenario, ptr), ctx);
  const el = made.box || made;
  const wrap = html('div', 'sa-field', parent);
  const id = uid('f');
  const label = html('label', 'sa-label', wrap, entry.label);
  wrap.appendChild(el);
  const focusable = made.focusable || (el.matches('input,select') ? el : null);
  if (focusable) { focusable.id = id; label.htmlFor = id; focusable.dataset.ptr = ptr; }
  else { el.setAttribute('role', 'group'); el.setAttribute('aria-label', entry.label); el.dataset.ptr = ptr; }
  if (entry.help) {
    const help = html('p', 'sa-help', wrap, entry.help);
    help.id = id + '-help';
    (focusable || el).setAttribute('aria-describedby', help.id);
  }
  return wrap;
}
