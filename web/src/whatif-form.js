/* The what-if controls, shared by the page and the <subsim-timeline> element:
 * - a date handle on the timeline (role=slider: arrow keys, Page Up/Down, Home/End; drag it, or
 *   click or tap the chart to move it there: a lane also picks its subscription and product);
 * - a form: action (the engine's action names from catalogue() that the form can build),
 *   subscription, product, who does it, "instead of" the scenario's own action of that kind or
 *   "in addition", and a button adding the action to the scenario text (whatif-model.js);
 * - one pin per what-if action on the timeline: drag it, or focus it and use the arrow keys;
 *   Delete removes it. The list gives each action's answer: the narrator's (ctx.answer(index in
 *   `actions`), from the module's narration()).
 * - in a format 2 scenario whose horizon holds the reader's day, a "Today" button: the action is
 *   then written `"on": "today"` (SPEC-v2 §8.3), and the engine resolves it to the reader's date.
 * The owner gives `simulate(text)` (a result or null), `commit(text, info)`, `catalogue()`, and
 * optionally `compare(actionA, actionB, instead)`; after each render it calls
 * `update(text, scenario, result, ctx)`. Everything from the scenario is set with textContent. */
import { html, field, button, afterPaint, setText } from './dom.js';
import { WHATIF as TEXT } from './strings.js';
import { dayNum, isoOf, addDays, addMonths, clampIso } from './dates.js';
import * as W from './whatif-model.js';
import { actors, permitted } from './permissions.js';
import { effect } from './whatif-effect.js';
import { installOverlay } from './whatif-pins.js';
import { installCompare } from './whatif-compare.js';
import { readerToday } from './reader-today.js';

// The fields each action the form can build needs (SPEC §2.4); `transfer` needs a target
// account the form does not ask for, so it is not offered.
const FORM = {
  cancel: { sub: true, prod: true }, reactivate: { sub: true, prod: true }, renew: { sub: true },
  add_payment_method: {}, close_account: {}, activate: { sub: true, number: true },
  change_plan: { sub: true, plan: true, timing: true, version: 2 },   // SPEC-v2 §1.1
  // SPEC-v2 §4.1: a failed payment happens at the bank (no `by`); a card update is the account's.
  payment_fails: { sub: true, noBy: true, version: 2 }, update_payment_method: { version: 2 },
  pause: { sub: true, cycles: true, version: 2 }, resume: { sub: true, version: 2 },   // SPEC-v2 §3.1
};
// How long a what-if pause lasts: billing periods skipped ('' : until a resume, or the plan's max).
const PAUSE_CYCLES = ['', '1', '2', '3', '6'];
// The timings a change may ask for (SPEC-v2 §1.1; '' leaves it to the current plan).
const TIMINGS = ['', 'immediate', 'end_of_period', 'end_of_term'];
let uid = 0;

// "hugo (admin)", or "ngozi · Ngozi Okafor (org_admin)" when the user has a name (SPEC §2.2).
function actorLabel(u, t) {
  if (!u.id) return t.owner;
  return u.id + (u.name && u.name !== u.id ? ' · ' + u.name : '') + ' (' + u.listedRole + ')';
}

export function Panel(opts) {
  this.opts = opts;
  this.tl = opts.timeline;
  this.id = 'wi' + (++uid);
  this.date = null;
  this.whoTouched = false;
  this.current = -1;          // the what-if last added or moved (its sentence is announced)
  this.pendingFocus = null;
  this.items = [];
  this._build();
  var self = this;
  this.tl.onDraw(function () { self._place(); });
}

Panel.prototype.t = function () { return TEXT[this.opts.getLang() === 'fr' ? 'fr' : 'en']; };

Panel.prototype._build = function () {
  var root = this.opts.root;
  root.textContent = '';
  root.classList.add('wi');
  this.question = html('h3', 'wi-question', root);
  this.question.setAttribute('aria-live', 'polite');
  this.answer = html('p', 'wi-answer', root);
  this._buildForm(html('div', 'wi-form', root));
  this.intro = html('p', 'wi-intro', root);
  this.intro.id = this.id + '-intro';
  this.form.setAttribute('aria-describedby', this.intro.id);
  this._buildCompare(root);
  this.totals = html('p', 'wi-totals', root);
  this.listTitle = html('h3', 'wi-list-title', root);
  this.listTitle.id = this.id + '-list';
  this.list = html('ol', 'wi-list', root);
  this.list.setAttribute('aria-labelledby', this.listTitle.id);
  this.empty = html('p', 'wi-empty', root);
  this.live = html('p', 'visually-hidden', root);
  this.live.setAttribute('aria-live', 'polite');
  this._buildHandle(root, this.tl.overlay);
};

// The fields: date, action, subscription, scope, activation number, who, "instead of", the button.
Panel.prototype._buildForm = function (form) {
  var self = this, control = function (name, cls, type) { var e = html(name, cls); if (type) e.type = type; return e; };
  this.form = form;
  form.setAttribute('role', 'group');
  this.inDate = control('input', 'wi-date', 'date');
  this.inAction = control('select', 'wi-action');
  this.inSub = control('select', 'wi-sub');
  this.inProd = control('select', 'wi-prod');
  this.inWho = control('select', 'wi-who');
  this.inNumber = control('input', 'wi-number', 'text');
  this.inNumber.autocomplete = 'off';
  this.inNumber.spellcheck = false;
  this.inInstead = control('input', 'wi-instead', 'checkbox');
  this.inPlan = control('select', 'wi-plan');
  this.inTiming = control('select', 'wi-timing');
  this.inCycles = control('select', 'wi-cycles');
  this.fDate = field(form, '', this.inDate);
  this.fAction = field(form, '', this.inAction);
  this.fSub = field(form, '', this.inSub);
  this.fProd = field(form, '', this.inProd);
  this.fNumber = field(form, '', this.inNumber, 'wi-field-number');
  this.fPlan = field(form, '', this.inPlan, 'wi-field-plan');
  this.fTiming = field(form, '', this.inTiming, 'wi-field-timing');
  this.fCycles = field(form, '', this.inCycles, 'wi-field-cycles');
  this.fWho = field(form, '', this.inWho);
  this.fInstead = field(form, '', this.inInstead, 'wi-field-check');
  this.btnToday = button('wi-today', form);
  form.insertBefore(this.btnToday, this.fAction.label);   // beside the date
  this.btnAdd = button('wi-add', form);
  this.inDate.addEventListener('change', function () { if (self.inDate.value) self.setDate(self.inDate.value); });
  this.inAction.addEventListener('change', function () { self._syncForm(); self._question(); });
  this.inSub.addEventListener('change', function () { self._fillProducts(); self._syncForm(); self._question(); });
  this.inProd.addEventListener('change', function () { self._question(); });
  this.inPlan.addEventListener('change', function () { self._question(); });
  this.inTiming.addEventListener('change', function () { self._question(); });
  this.inCycles.addEventListener('change', function () { self._question(); });
  this.inWho.addEventListener('change', function () { self.whoTouched = true; self._question(); });
  this.inInstead.addEventListener('change', function () { self._question(); });
  this.btnAdd.addEventListener('click', function () { self.add(); });
  this.btnToday.addEventListener('click', function () { self.pickToday(); });
};

// The date handle and its line, over the chart.
Panel.prototype._buildHandle = function (root, ov) {
  var self = this;
  this.cursor = html('div', 'wi-cursor', ov);
  this.handle = html('div', 'wi-handle', ov);
  this.handle.tabIndex = 0;
  this.handle.setAttribute('role', 'slider');
  this.handleText = html('span', null, this.handle);
  this.handleHelp = html('span', 'visually-hidden', root);
  this.handleHelp.id = this.id + '-hh';
  this.handle.setAttribute('aria-describedby', this.handleHelp.id);
  this.pins = html('div', 'wi-pins', ov);
  this.handle.addEventListener('keydown', function (e) { self._handleKey(e); });
  this._dragHandle();
};

// Texts of the current language.
Panel.prototype._texts = function () {
  var t = this.t();
  this.intro.textContent = t.intro;
  this.fDate.span.textContent = t.date;
  this.fAction.span.textContent = t.action;
  this.fSub.span.textContent = t.subscription;
  this.fProd.span.textContent = t.product;
  this.fWho.span.textContent = t.who;
  this.fNumber.span.textContent = t.number;
  this.fPlan.span.textContent = t.plan;
  this.fTiming.span.textContent = t.timing;
  var timing = this.inTiming.value;
  this.inTiming.textContent = '';
  TIMINGS.forEach(function (k) { html('option', null, this.inTiming, t.timings[k]).value = k; }, this);
  this.inTiming.value = timing;
  this.fCycles.span.textContent = t.pauseFor;
  var cycles = this.inCycles.value;
  this.inCycles.textContent = '';
  PAUSE_CYCLES.forEach(function (k) { html('option', null, this.inCycles, t.pauseCycles[k]).value = k; }, this);
  this.inCycles.value = cycles;
  this.fInstead.span.textContent = t.instead;
  this._compareTexts();
  this.btnAdd.textContent = t.add;
  this.btnToday.textContent = t.today;
  this.btnToday.title = t.todayTitle;
  this.listTitle.textContent = t.list;
  this.handle.setAttribute('aria-label', t.handle);
  this.handleHelp.textContent = t.handleHelp;
  this.form.setAttribute('aria-label', t.title);
};

// ---- data -------------------------------------------------------------------------------
Panel.prototype.update = function (text, scenario, result, ctx) {
  this.text = text;
  this.scenario = scenario;
  this.result = result;
  this.ctx = ctx;
  // The form's words change with the language (set again, equal text would still relayout them).
  var textKey = this.opts.getLang() + '|' + scenario.start + '|' + scenario.until;
  if (textKey !== this.textKey) { this.textKey = textKey; this._texts(); }
  var sig = JSON.stringify([scenario.start, scenario.until, (scenario.subscriptions || []).map(function (s) { return [s.id, s.plans]; }),
                            actors(scenario), this.opts.getLang()]);
  var fresh = scenario.start + '|' + scenario.until + '|' + (scenario.title || '');
  if (sig !== this.sig) { this.sig = sig; this._fillForm(); }
  if (fresh !== this.fresh) { this.fresh = fresh; this._defaultQuestion(); }
  if (this.inDate.min !== scenario.start) this.inDate.min = scenario.start;
  if (this.inDate.max !== scenario.until) this.inDate.max = scenario.until;
  if (!this.date || this.date < scenario.start || this.date > scenario.until) this.date = this._defaultDate();
  if (this.inDate.value !== this.date) this.inDate.value = this.date;
  this._offerToday();
  this._syncForm();
  this._effects();
  this._renderList();
  this._question();
  this._place();
  this._restoreFocus();
};

// The actions offered: the engine's action names (catalogue()) that the form can build.
Panel.prototype._actions = function () {
  var cat = this.opts.catalogue ? this.opts.catalogue() : null;
  var names = cat && Array.isArray(cat.actions) ? cat.actions : Object.keys(FORM);
  var version = this.scenario && this.scenario.subsim === 2 ? 2 : 1;
  return names.filter(function (a) { return FORM[a] && TEXT.en.actions[a] && (FORM[a].version || 1) <= version; });
};

// A short label for an action (the list heading, the pin): interface words only, the action's
// name, what it applies to and its date. What it does is the narrator's answer.
Panel.prototype.label = function (action, noDate) {
  var t = this.t(), ctx = this.ctx, parts = [t.actions[action['do']] || String(action['do'])];
  if (action.products && action.products.length) parts.push(action.products.map(function (p) { return ctx.productName(p); }).join(', '));
  if (action.subscription != null) parts.push(ctx.subName(action.subscription));
  if (action.number != null) parts.push('№ ' + action.number);
  if (action.to != null) parts.push('→ ' + ctx.planName(action.to));
  if (action.timing) parts.push(t.timings[action.timing] || action.timing);
  if (action.cycles) parts.push(t.pauseCycles[action.cycles] || String(action.cycles));
  if (!noDate) parts.push(ctx.date(action.on));
  if (action.by) parts.push(action.by);
  return parts.join(' · ');
};

// A new scenario's first question: its own first action a week earlier, instead of it (what
// readers ask: "what if I had done it sooner?"); without one, the form's defaults mid-horizon.
Panel.prototype._defaultQuestion = function () {
  var own = W.listActions(this.text).filter(function (x) { return !x.whatif && x.action && FORM[x.action['do']]; })[0];
  this.inInstead.checked = !!own;
  if (!own) { this.date = null; return; }
  var a = own.action;
  if (Array.prototype.some.call(this.inAction.options, function (o) { return o.value === a['do']; })) this.inAction.value = a['do'];
  if (a.subscription != null) this.setTarget(a.subscription, a.products ? a.products[0] : null);
  this.whoTouched = false;   // someone the permissions allow (the form's own choice)
  this.date = clampIso(addDays(a.on, -7), this.scenario.start, this.scenario.until);
};

Panel.prototype._defaultDate = function () {
  var s = this.scenario, a = dayNum(s.start), b = dayNum(s.until);
  return isoOf(a + Math.floor((b - a) / 2));
};

Panel.prototype._fillForm = function () {
  var t = this.t(), s = this.scenario, ctx = this.ctx;
  var prev = { a: this.inAction.value, s: this.inSub.value, w: this.inWho.value };
  this.inAction.textContent = '';
  this._actions().forEach(function (a) { var o = html('option', null, this.inAction, t.actions[a]); o.value = a; }, this);
  if (prev.a) this.inAction.value = prev.a;
  this.inSub.textContent = '';
  (s.subscriptions || []).forEach(function (sub) { var o = html('option', null, this.inSub, ctx.subName(sub.id)); o.value = sub.id; }, this);
  if (prev.s && Array.prototype.some.call(this.inSub.options, function (o) { return o.value === prev.s; })) this.inSub.value = prev.s;
  this.inWho.textContent = '';
  this.actors = actors(s);
  this.actors.forEach(function (u, i) {
    var label = actorLabel(u, t);
    var o = html('option', null, this.inWho, label);
    o.value = String(i);
  }, this);
  if (prev.w && +prev.w < this.actors.length) this.inWho.value = prev.w; else this.whoTouched = false;
  this._fillProducts();
};

Panel.prototype._fillProducts = function () {
  var t = this.t(), s = this.scenario, ctx = this.ctx, prev = this.inProd.value;
  var plans = {};
  ((s.catalog || {}).plans || []).forEach(function (p) { plans[p.id] = p; });
  var sub = (s.subscriptions || []).filter(function (x) { return x.id === this.inSub.value; }, this)[0];
  this.inProd.textContent = '';
  var whole = html('option', null, this.inProd, t.wholeSub);
  whole.value = '';
  ((sub && sub.plans) || []).forEach(function (pid) {
    var p = plans[pid];
    if (!p) return;
    var o = html('option', null, this.inProd, ctx.productName(p.product));
    o.value = p.product;
  }, this);
  this.inProd.value = prev;
  if (this.inProd.value !== prev) this.inProd.value = '';
  this._fillPlans(plans, sub);
};

// The plans a change can go to: every plan of a product the subscription has (SPEC-v2 §1.1),
// the subscription's current ones last.
Panel.prototype._fillPlans = function (plans, sub) {
  var ctx = this.ctx, prev = this.inPlan.value, own = (sub && sub.plans) || [];
  var products = own.map(function (pid) { return plans[pid] && plans[pid].product; });
  var offered = Object.keys(plans).filter(function (id) { return products.indexOf(plans[id].product) >= 0; });
  offered.sort(function (a, b) { return (own.indexOf(a) >= 0) - (own.indexOf(b) >= 0); });
  this.inPlan.textContent = '';
  offered.forEach(function (id) { html('option', null, this.inPlan, ctx.planName(id)).value = id; }, this);
  if (prev && offered.indexOf(prev) >= 0) this.inPlan.value = prev;
};

// Show the fields the chosen action needs; pick someone allowed to do it unless the reader chose.
Panel.prototype._syncForm = function () {
  var a = this.inAction.value, need = FORM[a] || {};
  // Written only when it changes: an edit then leaves the form's style alone.
  var show = function (f, on) { if (f.label.hidden !== !on) f.label.hidden = !on; };
  show(this.fSub, need.sub);
  show(this.fProd, need.prod);
  show(this.fNumber, need.number);
  show(this.fPlan, need.plan);
  show(this.fTiming, need.timing);
  show(this.fWho, !need.noBy);
  show(this.fCycles, need.cycles);
  if (!this.actors) return;
  // Say who the scenario's permissions refuse (the action can still be tried: it is refused).
  var t = this.t(), k = -1;
  for (var i = 0; i < this.actors.length; i++) {
    var u = this.actors[i], ok = permitted(this.scenario, u, a);
    if (ok && k < 0) k = i;
    var o = this.inWho.options[i], label = actorLabel(u, t) + (ok ? '' : ' — ' + t.notAllowed);
    if (o && o.textContent !== label) o.textContent = label;
  }
  if (!this.whoTouched && k >= 0 && this.inWho.value !== String(k)) this.inWho.value = String(k);
};

// "Today" (SPEC-v2 §8): offered for a format 2 scenario whose horizon holds the reader's day.
Panel.prototype._offerToday = function () {
  var s = this.scenario || {}, today = readerToday();
  this.today = today;
  var hidden = !(s.subsim === 2 && typeof s.start === 'string' && s.start <= today && today <= s.until);
  if (this.btnToday.hidden !== hidden) this.btnToday.hidden = hidden;
  if (hidden || this.date !== today) this.onToday = false;
  var pressed = this.onToday ? 'true' : 'false';
  if (this.btnToday.getAttribute('aria-pressed') !== pressed) this.btnToday.setAttribute('aria-pressed', pressed);
};

Panel.prototype.pickToday = function () {
  if (this.btnToday.hidden) return;
  this.setDate(this.today);
  this.onToday = this.date === this.today;
  this.btnToday.setAttribute('aria-pressed', this.onToday ? 'true' : 'false');
  this._question();
};

// The form's action as it is written into the scenario ("on": "today" after the Today button).
Panel.prototype.formAction = function () {
  var a = { on: this.onToday && this.date === this.today ? 'today' : this.date, 'do': this.inAction.value };
  var who = this.actors && this.actors[+this.inWho.value];
  var need = FORM[a['do']] || {};
  if (who && who.id && !need.noBy) a.by = who.id;
  if (need.sub) a.subscription = this.inSub.value;
  if (need.prod && this.inProd.value) a.products = [this.inProd.value];
  if (need.number && this.inNumber.value.trim()) a.number = this.inNumber.value.trim();
  if (need.plan && this.inPlan.value) a.to = this.inPlan.value;
  if (need.timing && this.inTiming.value) a.timing = this.inTiming.value;
  if (need.cycles && this.inCycles.value) a.cycles = +this.inCycles.value;
  return a;
};

Panel.prototype.add = function () {
  if (!this.text || !this.date) return;
  var a = this.formAction();
  var text = W.insertAction(this.text, a, this.inInstead.checked && !this.inInstead.disabled);
  this.pendingFocus = { action: this._onDate(a), focus: null };
  this.opts.commit(text, { kind: 'add' });
};

Panel.prototype.remove = function (k) {
  var x = this.items[k];
  if (!x) return;
  this.pendingFocus = { focus: 'add' };
  this.opts.commit(W.removeWhatIf(this.text, x.index), { kind: 'remove' });
  this.live.textContent = this.t().removed;
};

Panel.prototype.move = function (k, on, how) {
  var x = this.items[k];
  if (!x || !this.scenario) return;
  on = clampIso(on, this.scenario.start, this.scenario.until);
  if (on === x.action.on) return;
  var moved = {};
  Object.keys(x.action).forEach(function (key) { moved[key] = x.action[key]; });
  moved.on = on;
  this.date = on;
  if (this.inAction.value !== moved['do']) { this.inAction.value = moved['do']; }
  var text = W.moveAction(this.text, x.index, on);
  // The question is asked once, by the render of the moved text (update), not before it too.
  if (moved.subscription != null) this._pickTarget(moved.subscription, moved.products ? moved.products[0] : null);
  this.pendingFocus = { action: moved, focus: how };
  this.opts.commit(text, { kind: 'move', key: W.serializeAction(x.action).replace(/"on": "[^"]*"/, '') });
  if (this.text !== text) { this._syncForm(); this._question(); }   // not rendered (an error in the text)
};

Panel.prototype.setDate = function (iso) {
  if (!this.scenario) return;
  this.onToday = false;
  if (this.btnToday) this.btnToday.setAttribute('aria-pressed', 'false');
  this.date = clampIso(iso, this.scenario.start, this.scenario.until);
  this.inDate.value = this.date;
  this._place();
  if (this.ctx) this._question();
};

// The effect of each what-if action: its result against the scenario without it.
// The answers are in the render; the marks (refused, late) need one more simulation per action,
// done after the frame is painted so an edit shows its answer at once.
Panel.prototype._effects = function () {
  var text = this.text, self = this;
  this.items = W.whatIfs(text).map(function (x) {
    return { index: x.index, action: self._resolvedAction(x), sentence: self.ctx.answer(x.index) };
  });
  if (!this.items.length) return;
  if (this.cancelEffects) this.cancelEffects();
  this.cancelEffects = afterPaint(function () {
    if (self.text !== text) return;
    self.items.forEach(function (item, k) {
      var without = self.opts.simulate(W.withoutWhatIf(text, k));
      if (without && !without.errors && item.action) item.effect = effect(item.action, self.result, without);
    });
    self._markEffects();
  });
};

Panel.prototype._markEffects = function () {
  var self = this;
  this.items.forEach(function (it, k) {
    var li = self.list.querySelector('li[data-k="' + k + '"] .wi-sentence');
    var pin = self.pins.querySelector('.wi-pin[data-k="' + k + '"]');
    var missed = !!(it.effect && it.effect.missed), refused = !!(it.effect && it.effect.refused);
    if (li) { li.classList.toggle('missed', missed); li.classList.toggle('refused', refused); }
    if (pin) pin.classList.toggle('refused', refused);
    if (k === self.current) self.answer.classList.toggle('refused', refused);
  });
  this.opts.root.setAttribute('data-effects', String((+this.opts.root.getAttribute('data-effects') || 0) + 1));
};

Panel.prototype._totals = function () {
  var t = this.t(), ctx = this.ctx, before = this.opts.baseTotal();
  if (before == null || !this.items.length) return;
  var after = (this.result.summary || {}).total_charged || 0, diff = after - before;
  var dtxt = diff === 0 ? t.noDiff : (diff > 0 ? '+' : '−') + ctx.money(Math.abs(diff));
  this.totals.textContent = t.totals(ctx.money(before), ctx.money(after), dtxt);
  this.totals.hidden = false;
};

// The question "What if … on [date]?" (interface words) and its answer: the narrator's sentence
// for the what-if last added or moved.
function sameChoice(a, b) {
  return a['do'] === b['do'] && a.on === b.on && (a.subscription || null) === (b.subscription || null) &&
         JSON.stringify(a.products || []) === JSON.stringify(b.products || []) &&
         (a.to || null) === (b.to || null) && (a.timing || '') === (b.timing || '') && (a.cycles || 0) === (b.cycles || 0);
}

// A what-if action of the text with its date as the engine resolved it ("today" → the reader's
// date, from the resolved scenario the page gives: reader-today.js scenarioOf).
Panel.prototype._resolvedAction = function (x) {
  var a = x.action, own = ((this.scenario && this.scenario.actions) || [])[x.index];
  if (!a || /^\d{4}-\d{2}-\d{2}$/.test(String(a.on)) || !own || typeof own.on !== 'string') return a;
  var copy = {};
  Object.keys(a).forEach(function (key) { copy[key] = a[key]; });
  copy.on = own.on;
  return copy;
};

// The form's action dated as the timeline shows it (the chosen date, never "today").
Panel.prototype._onDate = function (a) {
  var copy = {};
  Object.keys(a).forEach(function (key) { copy[key] = a[key]; });
  copy.on = this.date;
  return copy;
};

Panel.prototype._question = function () {
  var t = this.t(), a = this._onDate(this.formAction()), cur = this.items[this.current];
  if (cur && !sameChoice(cur.action, a)) cur = null;
  var question = t.question(this.label(a, true), this.ctx.date(a.on)), answer = cur ? cur.sentence : t.noAnswer;
  setText(this.question, question);
  setText(this.answer, answer);
  this.answer.classList.toggle('pending', !cur);
  this.answer.classList.remove('preview');
  if (!cur) this._preview();
  var own = W.replaced(this.text, this.formAction()).length;
  if (this.inInstead.disabled !== !own) this.inInstead.disabled = !own;
  this.fInstead.label.classList.toggle('off', !own);
};

// Picks a subscription (and product) in the form, as a click on its lane does.
Panel.prototype.setTarget = function (subscription, product) {
  if (!this._pickTarget(subscription, product)) return;
  this._syncForm();
  this._question();
};

// The form's subscription and product, without asking the question again (a moved pin asks it
// once its text is rendered). False when the form does not offer that subscription.
Panel.prototype._pickTarget = function (subscription, product) {
  if (subscription == null) return false;
  var has = Array.prototype.some.call(this.inSub.options, function (o) { return o.value === subscription; });
  if (!has) return false;
  if (this.inSub.value !== subscription || !this.inProd.options.length) {   // the same one: its products are listed
    this.inSub.value = subscription;
    this._fillProducts();
  }
  // Set only when it changes: setting a select's value, even to the same, restyles and lays it out.
  var want = product == null ? '' : product;
  if (this.inProd.value !== want) this.inProd.value = want;
  if (this.inProd.value !== want) this.inProd.value = '';
  return true;
};

// The same choice of action (the actions it replaced, carried under "x-instead-of", aside).
Panel.prototype._sameAction = function (a, b) {
  return !!(a && b) && sameChoice(a, b) && (a.by || '') === (b.by || '') && (a.number || '') === (b.number || '');
};

Panel.prototype._renderList = function () {
  var t = this.t(), self = this;
  if (this.empty.textContent !== t.none) this.empty.textContent = t.none;
  if (this.empty.hidden !== this.items.length > 0) this.empty.hidden = this.items.length > 0;
  if (this.listTitle.hidden !== (this.items.length === 0)) this.listTitle.hidden = this.items.length === 0;
  if (this.pendingFocus && this.pendingFocus.action) {
    for (var j = 0; j < this.items.length; j++) if (this._sameAction(this.items[j].action, this.pendingFocus.action)) this.current = j;
  }
  if (this.current >= this.items.length) this.current = this.items.length - 1;
  // As many rows as before (a pin moved, an answer changed): each row is updated in place.
  if (!this.rows || this.rows.length !== this.items.length || this.rowsLang !== this.opts.getLang()) {
    this.list.textContent = '';
    this.rows = this.items.map(function (it, k) { return self._listRow(k); });
    this.rowsLang = this.opts.getLang();
  }
  this.items.forEach(function (it, k) { self._fillRow(self.rows[k], it, k); });
  // Before / after, in one line: the scenario before its what-ifs needs its own simulation, so
  // the line follows the painted frame (it keeps its last text until then).
  if (this.cancelTotals) this.cancelTotals();
  if (this.items.length && this.opts.baseTotal) this.cancelTotals = afterPaint(function () { self._totals(); });
  else this.totals.hidden = true;
  if (this.pendingFocus && this.current >= 0 && this.items[this.current]) this.live.textContent = this.items[this.current].sentence;
};

// One row of the what-if list: its controls act on the k-th what-if as it is when used.
Panel.prototype._listRow = function (k) {
  var t = this.t(), self = this, item = function () { return self.items[k]; };
  var li = html('li', 'wi-item', this.list);
  li.setAttribute('data-k', String(k));
  html('span', 'wi-num', li, String(k + 1)).setAttribute('aria-hidden', 'true');
  var body = html('div', 'wi-body', li);
  var row = { li: li, what: html('p', 'wi-what', body), sentence: html('p', 'wi-sentence', body) };
  var tools = html('div', 'wi-tools', li);
  var prev = button('wi-btn', tools, '◀');
  prev.setAttribute('aria-label', t.earlier); prev.title = t.earlier;
  var d = row.date = html('input', 'wi-item-date', tools);
  d.type = 'date';
  d.setAttribute('aria-label', t.moveDate(k + 1));
  var next = button('wi-btn', tools, '▶');
  next.setAttribute('aria-label', t.later); next.title = t.later;
  row.remove = button('wi-btn wi-remove', tools, t.remove);
  prev.addEventListener('click', function () { self.move(k, addDays(item().action.on, -1), 'prev'); });
  next.addEventListener('click', function () { self.move(k, addDays(item().action.on, 1), 'next'); });
  d.addEventListener('change', function () { if (d.value) self.move(k, d.value, 'date'); });
  row.remove.addEventListener('click', function () { self.remove(k); });
  return row;
};

// Sets a row's texts and marks from its what-if (only what differs is written).
Panel.prototype._fillRow = function (row, it, k) {
  var what = this.label(it.action);
  row.li.classList.toggle('current', k === this.current);
  row.li.setAttribute('data-on', it.action.on);
  setText(row.what, what);
  setText(row.sentence, it.sentence);
  row.sentence.classList.toggle('missed', !!(it.effect && it.effect.missed));
  row.sentence.classList.toggle('refused', !!(it.effect && it.effect.refused));
  if (row.date.value !== it.action.on) row.date.value = it.action.on;
  if (row.date.min !== this.scenario.start) row.date.min = this.scenario.start;
  if (row.date.max !== this.scenario.until) row.date.max = this.scenario.until;
  row.remove.setAttribute('aria-label', this.t().remove + ' — ' + what);
};

Panel.prototype._restoreFocus = function () {
  var pf = this.pendingFocus;
  this.pendingFocus = null;
  if (!pf) return;
  if (pf.focus === 'add') { this.btnAdd.focus({ preventScroll: true }); return; }
  if (!pf.focus || this.current < 0) return;
  var li = this.list.querySelector('li[data-k="' + this.current + '"]');
  if (pf.focus === 'pin') {
    var pin = this.pins.querySelector('[data-k="' + this.current + '"]');
    if (pin && pin.getRootNode().activeElement !== pin) pin.focus({ preventScroll: true });
  }
  else if (li && pf.focus === 'prev') li.querySelector('.wi-btn').focus();
  else if (li && pf.focus === 'next') li.querySelectorAll('.wi-btn')[1].focus();
  else if (li && pf.focus === 'date') li.querySelector('.wi-item-date').focus();
};

installOverlay(Panel);
installCompare(Panel);
