/* The helpers of one render: labels in the reader's language, dates and amounts formatted for
 * tables, names from the scenario, and the narrator's sentences for that text (the module's
 * narration(), SPEC §4.1; nothing here words a sentence). */
import { UI, STATES, TYPES, MARKERS, ACTIONS, LAW_WINDOWS } from './strings.js';
import { labelsFor } from './labels.js';

// Helpers bound to one language, one scenario and one result; `labels`: the narrator's dates
// and amounts in that language (labels.js labelsFor).
export function Context(lang, scenario, result, narration, labels) {
  this.narration = narration || null;
  this.lang = lang === 'fr' ? 'fr' : 'en';
  this.ui = UI[this.lang];
  this.scenario = scenario || {};
  this.result = result || {};
  this.currency = (result && result.summary && result.summary.currency) || this.scenario.currency || 'EUR';
  this.labels = labels;
  var cat = this.scenario.catalog || {};
  this.products = {};
  (cat.products || []).forEach(function (p) { if (p && p.id) this.products[p.id] = p; }, this);
  this.bundles = {};
  (cat.bundles || []).forEach(function (b) { if (b && b.id) this.bundles[b.id] = b; }, this);
  this.plans = {};
  (cat.plans || []).forEach(function (p) { if (p && p.id) this.plans[p.id] = p; }, this);
  this.subs = {};
  (this.scenario.subscriptions || []).forEach(function (s) { if (s && s.id) this.subs[s.id] = s; }, this);
  var acc = this.scenario.account || {};
  this.users = {};
  (acc.users || []).forEach(function (u) { if (u && u.id) this.users[u.id] = u; }, this);
  if (acc.owner && !this.users[acc.owner]) this.users[acc.owner] = { id: acc.owner, role: 'owner' };
}

// "3 March 2025" / "3 mars 2025", as sentences write dates; `style` another of labels.js DATE_STYLES.
Context.prototype.date = function (iso, style) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return String(iso);
  return this.labels.date(iso, style);
};
Context.prototype.dayBefore = function (iso) {
  var t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - 86400000;
  return new Date(t).toISOString().slice(0, 10);
};
// "P7D" -> "7 days", "P1M" -> "1 month" (single-unit ISO-8601 durations, SPEC §1).
Context.prototype.duration = function (iso) {
  var m = /^P(\d+)([DWMY])$/.exec(String(iso));
  if (!m) return String(iso);
  var n = +m[1], fr = this.lang === 'fr';
  switch (m[2]) {
    case 'D': return this.ui.dayCount(n);
    case 'W': return fr ? n + (n === 1 ? ' semaine' : ' semaines') : n + (n === 1 ? ' week' : ' weeks');
    case 'M': return this.ui.monthCount(n);
    default: return this.ui.yearCount(n);
  }
};
// An amount in minor units, as sentences write it ("€49.00" / "49,00 €").
Context.prototype.money = function (minor) {
  var n = Number(minor);
  if (!Number.isSafeInteger(n)) return String(minor);
  return this.labels.money(n, this.currency);
};
Context.prototype.productName = function (id) {
  var p = this.products[id];
  return p && p.name ? p.name : String(id);
};
Context.prototype.planName = function (id) {
  var p = this.plans[id];
  return p && p.name ? p.name : String(id);
};
Context.prototype.bundleName = function (id) {
  var b = this.bundles[id];
  return b && b.name ? b.name : String(id);
};
Context.prototype.subName = function (id) {
  var s = this.subs[id];
  if (s && s.number) return id + ' (' + s.number + ')';
  return String(id);
};
Context.prototype.state = function (s) { return (STATES[this.lang][s]) || String(s); };
Context.prototype.typeLabel = function (t) { return (TYPES[this.lang][t]) || String(t); };
Context.prototype.markerLabel = function (k) { return (MARKERS[this.lang][k]) || String(k); };
Context.prototype.actionLabel = function (a) { return (ACTIONS[this.lang][a]) || String(a); };

// ---- sentences: all of them come from the engine's narrator (SPEC §4.1) ---------------------
// `narration` reads the module's narration for the text (engine-page.js): eventSentence(i) is the
// sentence of result.events[i], expectationLine(i) the line of result.expectations[i],
// answerOf(action) the what-if answer of scenario action `action`. Nothing here words a
// sentence: a missing one shows as an empty string.
Context.prototype.sentence = function (eventIndex) {
  var n = this.narration, s = n ? n.eventSentence(eventIndex) : null;
  return typeof s === 'string' ? s : '';
};
Context.prototype.expectationLine = function (index) {
  var n = this.narration, s = n ? n.expectationLine(index) : null;
  return typeof s === 'string' ? s : '';
};
Context.prototype.answer = function (actionIndex) {
  var n = this.narration, s = n ? n.answerOf(actionIndex) : null;
  return typeof s === 'string' ? s : '';
};

// The names the engine knows (rules, event types, states, actions, reasons), from the module's
// catalogue(); read once per module.
const catalogues = new Map();
export function catalogue(engine) {
  if (!engine) return null;
  if (catalogues.has(engine)) return catalogues.get(engine);
  let value = null;
  try { value = typeof engine.catalogue === 'function' ? JSON.parse(engine.catalogue()) : null; } catch (e) { value = null; }
  catalogues.set(engine, value);
  return value;
}

// The Context of one render: `answer` is engine-answer.js's answer for the text.
export function contextFor(engine, lang, scenario, answer) {
  const ctx = new Context(lang, scenario, answer.result, answer.narration(lang), labelsFor(engine, lang === 'fr' ? 'fr' : 'en'));
  ctx.catalogue = catalogue(engine);
  return ctx;
}
// SPEC-v2 §7: the label of a legal window's kind (renewal_reminder, withdrawal, …).
Context.prototype.lawWindowLabel = function (w) { return (LAW_WINDOWS[this.lang][w]) || String(w); };
