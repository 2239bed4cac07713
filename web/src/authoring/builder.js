/* The guided builder: "New scenario" from a template (one per source, derived from the bundled
 * scenarios at build time, or blank) and a form over the scenario — scenario, products, plans,
 * suites, account, users, permissions, subscriptions, actions — laid out from the schema, each
 * field labelled and explained by the engine's field guide. It writes the JSON and follows the
 * text both ways: setText() re-lays the form, or says why it cannot follow invalid text. */
import TEMPLATES from '@subsim/templates';
import { html, button } from './dom.js';
import { uiOf, SOURCE_NAMES } from './strings.js';
import { keysAt, kindAt } from './schema-walk.js';
import { fieldGuide, entryFor } from './guide.js';
import { follow, get, set, textOf } from './builder-model.js';
import { fieldFor } from './builder-fields.js';

// The parts of the form: an object's keys, or a list whose items are laid out from the schema.
const SECTIONS = [
  { ptr: '', keys: ['title', 'source', 'locale', 'currency', 'start', 'until', 'holidays'] },
  { ptr: '/catalog/products', list: true },
  { ptr: '/catalog/plans', list: true },
  { ptr: '/catalog/bundles', list: true },
  { ptr: '/account', keys: ['id', 'created', 'owner', 'payment_method', 'data_retention'] },
  { ptr: '/account/users', list: true },
  { ptr: '/permissions' },
  { ptr: '/subscriptions', list: true },
  { ptr: '/actions', list: true },
];

export const templates = TEMPLATES;

// Past this size the form would lay out thousands of fields on each edit: the editor alone serves.
const MAX_FORM_CHARS = 200000;
// The form follows the editor's text this long after the last keystroke.
const FOLLOW_MS = 150;

// A template's scenario as text, in the reader's language.
export function templateText(index, lang) {
  const t = TEMPLATES[index];
  return textOf({ ...JSON.parse(JSON.stringify(t.scenario)), locale: lang === 'fr' ? 'fr' : 'en' });
}

function fields(parent, objPtr, keys, ctx) {
  for (const key of keys) {
    const ptr = objPtr + '/' + key;
    const path = ptr.replace(/\/\d+(?=\/|$)/g, '/*');
    const value = get(ctx.scenario, ptr);
    const sub = keysAt(path);
    const dated = key === 'cancels_account';   // true, false, or an object with a date
    if (kindAt(path) === 'object' && sub.length && (!dated || (value && typeof value === 'object'))) {
      const box = html('fieldset', 'sa-sub', parent);
      html('legend', null, box, entryFor(ctx.guide, path).label);
      if (dated) fieldFor(box, ptr, ctx);
      fields(box, ptr, sub, ctx);
    } else {
      fieldFor(parent, ptr, ctx);
    }
  }
}

function listSection(form, section, ctx) {
  const ui = ctx.ui;
  const items = get(ctx.scenario, section.ptr) || [];
  const box = html('fieldset', 'sa-section', form);
  const entry = entryFor(ctx.guide, section.ptr);
  html('legend', null, box, entry.label);
  if (entry.help) html('p', 'sa-help', box, entry.help);
  items.forEach((item, i) => {
    const card = html('fieldset', 'sa-item', box);
    html('legend', null, card, legendOf(section.ptr, item, i, ctx.guide));
    fields(card, section.ptr + '/' + i, keysAt(section.ptr + '/*'), ctx);
    const rm = button('sa-remove', card, ui.remove + ' — ' + legendOf(section.ptr, item, i, ctx.guide));
    rm.addEventListener('click', () => { items.splice(i, 1); ctx.put(section.ptr, items.length || section.ptr === '/actions' ? items : undefined, true, section.ptr + '/+'); });
  });
  const add = button('sa-add', box, ui.add + ' — ' + entry.label);
  add.dataset.ptr = section.ptr + '/+';
  add.addEventListener('click', () => ctx.put(section.ptr, items.concat([newItem(section.ptr, items.length + 1)]), true, section.ptr + '/' + items.length + '/' + firstKey(section.ptr)));
}

// "Plan id plan-1", "Action cancel 2025-01-31": what tells one item from the others.
function legendOf(listPtr, item, i, guide) {
  if (item.id != null) return entryFor(guide, listPtr + '/*/id').label + ' ' + item.id;
  if (item.do != null) return entryFor(guide, listPtr + '/*/do').label + ' ' + item.do + ' ' + (item.on || '');
  return String(i + 1);
}

function firstKey(listPtr) { return listPtr === '/actions' ? 'on' : 'id'; }

// A new item with the keys it needs, its id numbered like the blank template's.
function newItem(listPtr, n) {
  const stem = listPtr.split('/').pop().replace(/s$/, '');
  if (listPtr === '/actions') return { on: '', do: 'cancel' };
  if (listPtr === '/account/users') return { id: 'user-' + n, role: '' };
  return { id: stem + '-' + n };
}

function objectSection(form, section, ctx) {
  const box = html('fieldset', 'sa-section', form);
  const entry = section.ptr ? entryFor(ctx.guide, section.ptr) : { label: ctx.ui.scenarioSection, help: '' };
  html('legend', null, box, entry.label);
  if (entry.help) html('p', 'sa-help', box, entry.help);
  fields(box, section.ptr, section.keys || keysAt(section.ptr), ctx);
}

function templatePicker(parent, o, onPick) {
  const ui = uiOf(o.lang);
  const bar = html('div', 'sa-new', parent);
  html('h3', null, bar, ui.newScenario);
  const label = html('label', 'sa-label', bar, ui.fromTemplate);
  const select = html('select', 'sa-template', bar);
  select.id = 'sa-template-' + Math.random().toString(36).slice(2, 8);
  label.htmlFor = select.id;
  TEMPLATES.forEach((t, i) => {
    const opt = html('option', null, select, t.source ? SOURCE_NAMES[t.source] || t.source : ui.blank);
    opt.value = String(i);
  });
  select.value = String(o.template || 0);
  select.addEventListener('change', () => { o.template = Number(select.value); });
  select.dataset.ptr = '#template';   // focus comes back to these after the form is laid out again
  const go = button('sa-create', bar, ui.create);
  go.dataset.ptr = '#create';
  go.addEventListener('click', () => onPick(Number(select.value)));
  return bar;
}

/**
 * Mounts the builder in `container`.
 * opts: { text, lang ('en'|'fr'), engine (the loaded module), onChange(text) }.
 * Returns { getText, setText, setLang, destroy }.
 */
export function mountBuilder(container, opts) {
  const o = { lang: 'en', text: '', ...opts };
  const root = html('section', 'sa-builder', container);
  let text = o.text;
  let status, form, pending = null;
  const emit = () => { if (o.onChange) o.onChange(text); };
  const render = (focusPtr) => {
    const active = focusPtr || (document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.ptr : null);
    root.textContent = '';
    const ui = uiOf(o.lang);
    html('h2', null, root, ui.builderTitle);
    templatePicker(root, o, (i) => { text = templateText(i, o.lang); emit(); render(); });
    status = html('p', 'sa-status', root);
    status.setAttribute('role', 'status');
    form = html('form', 'sa-form', root);
    form.addEventListener('submit', (e) => e.preventDefault());
    if (text.length > MAX_FORM_CHARS) { status.textContent = ui.tooLarge(MAX_FORM_CHARS / 1000); return; }
    const seen = follow(text, o.engine, ui.at);
    if (seen.problem) { status.textContent = (seen.syntax ? ui.cannotFollow : ui.cannotFollowShape) + seen.problem; status.classList.add('sa-cannot'); return; }
    const ctx = { scenario: seen.scenario, guide: fieldGuide(o.engine, o.lang), ui, put: null };
    ctx.put = (ptr, value, rebuild, next) => {
      set(ctx.scenario, ptr, value);
      text = textOf(ctx.scenario);
      emit();
      // After the event: a change fires as focus leaves for the next field, which then keeps it.
      if (rebuild) setTimeout(() => render(next), 0);
    };
    for (const section of SECTIONS) (section.list ? listSection : objectSection)(form, section, ctx);
    const back = active && root.querySelector('[data-ptr="' + CSS.escape(active) + '"]');
    if (back) back.focus();
  };
  render();
  return {
    getText: () => text,
    setText(next) {
      if (next === text) return;
      text = next;
      clearTimeout(pending);
      pending = setTimeout(() => render(), FOLLOW_MS);
    },
    setLang(lang) { o.lang = lang; render(); },
    destroy() { root.remove(); },
  };
}
