/* subsim: the what-if controls, shared by the page and the <subsim-timeline> element. Classic
 * script defining the global SubSimWhatIfUI.
 *
 * - a date handle on the timeline (role=slider: arrow keys, Page Up/Down, Home/End; drag it, or
 *   click anywhere on the chart to move it there);
 * - a form: action (the engine's action names, from the module's catalogue(), that the form can
 *   build: cancel the subscription or one product, reactivate, renew, add a payment method,
 *   close the account, activate with an optional number), subscription, product, who does it,
 *   and a button that adds the action to the scenario text (SubSimWhatIf.insertAction);
 * - one pin per what-if action on the timeline: drag it to another date, or focus it and use the
 *   arrow keys; Delete removes it. The list under the form gives, for each action, the
 *   narrator's answer (ctx.answer(index in `actions`), from the module's narration()) and offers
 *   the same moves as buttons.
 * The owner gives `simulate(text)` (a result or null), `commit(text, info)` (apply a new text) and
 * `catalogue()` (the module's names, or null); after each render it calls `update(text, scenario,
 * result, ctx)`. Everything from the scenario is set with textContent. */
(function (global) {
  'use strict';

  var W = global.SubSimWhatIf;

  var TEXT = {
    en: {
      title: 'What if…?',
      intro: 'Pick a date on the timeline (click it, or move the date handle with the arrow keys), choose an action and who does it: the scenario gains the action and everything updates at once.',
      date: 'Date', action: 'Action', subscription: 'Subscription', product: 'Scope', who: 'Done by',
      number: 'Activation number (optional)',
      wholeSub: 'the whole subscription', owner: 'the account owner',
      actions: { cancel: 'Cancel', reactivate: 'Reactivate', renew: 'Renew by hand', add_payment_method: 'Add a payment method', close_account: 'Close the account', activate: 'Activate' },
      add: 'Simulate this action',
      handle: 'What-if date', handleHelp: 'Arrow keys: one day; Page Up/Down: one month; Home/End: first/last day; Enter: simulate the action.',
      list: 'What-if actions', none: 'No what-if action yet: the timeline shows the scenario as written.',
      remove: 'Remove', earlier: 'One day earlier', later: 'One day later', moveDate: function (n) { return 'Date of what-if ' + n; },
      pin: function (n, what) { return 'What-if ' + n + ': ' + what + '. Drag it, or use the arrow keys to move it by a day (Page Up/Down: a month); Delete removes it.'; },
      pinTitle: function (what) { return what + ' (drag to move)'; },
      totals: function (a, b, d) { return 'Total charged without the what-if actions: ' + a + '; with them: ' + b + ' (' + d + ').'; },
      noDiff: 'no difference',
      invalid: 'The scenario has errors: fix them to explore what-ifs.',
      removed: 'What-if action removed.',
      notAllowed: 'not allowed',
    },
    fr: {
      title: 'Et si… ?',
      intro: 'Choisissez une date sur la chronologie (cliquez dessus, ou déplacez le curseur de date avec les flèches), une action et qui la fait : le scénario reçoit l’action et tout se met à jour aussitôt.',
      date: 'Date', action: 'Action', subscription: 'Abonnement', product: 'Portée', who: 'Faite par',
      number: 'Numéro d’activation (facultatif)',
      wholeSub: 'tout l’abonnement', owner: 'le propriétaire du compte',
      actions: { cancel: 'Résilier', reactivate: 'Réactiver', renew: 'Renouveler à la main', add_payment_method: 'Ajouter un moyen de paiement', close_account: 'Fermer le compte', activate: 'Activer' },
      add: 'Simuler cette action',
      handle: 'Date du « et si »', handleHelp: 'Flèches : un jour ; Page préc./suiv. : un mois ; Début/Fin : premier/dernier jour ; Entrée : simuler l’action.',
      list: 'Actions « et si »', none: 'Aucune action « et si » pour l’instant : la chronologie montre le scénario tel qu’il est écrit.',
      remove: 'Retirer', earlier: 'Un jour plus tôt', later: 'Un jour plus tard', moveDate: function (n) { return 'Date du « et si » ' + n; },
      pin: function (n, what) { return '« Et si » ' + n + ' : ' + what + '. Faites-le glisser, ou déplacez-le d’un jour avec les flèches (Page préc./suiv. : un mois) ; Suppr le retire.'; },
      pinTitle: function (what) { return what + ' (glisser pour déplacer)'; },
      totals: function (a, b, d) { return 'Total facturé sans les actions « et si » : ' + a + ' ; avec : ' + b + ' (' + d + ').'; },
      noDiff: 'aucune différence',
      invalid: 'Le scénario contient des erreurs : corrigez-les pour explorer les « et si ».',
      removed: 'Action « et si » retirée.',
      notAllowed: 'non autorisé',
    },
  };

  // The fields each action the form can build needs (SPEC §2.4); `transfer` needs a target
  // account the form does not ask for, so it is not offered.
  var FORM = {
    cancel: { sub: true, prod: true }, reactivate: { sub: true, prod: true }, renew: { sub: true },
    add_payment_method: {}, close_account: {}, activate: { sub: true, number: true },
  };
  var uid = 0;

  function html(name, cls, parent, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }
  function field(parent, label, control, cls) {
    var l = html('label', 'wi-field' + (cls ? ' ' + cls : ''), parent);
    var s = html('span', null, l, label);
    l.appendChild(control);
    return { label: l, span: s };
  }

  // "hugo (admin)", or "ngozi · Ngozi Okafor (org_admin)" when the user has a name (SPEC §2.2).
  function actorLabel(u, t) {
    if (!u.id) return t.owner;
    return u.id + (u.name && u.name !== u.id ? ' · ' + u.name : '') + ' (' + u.listedRole + ')';
  }

  function Panel(opts) {
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
    var self = this, root = this.opts.root;
    root.textContent = '';
    root.classList.add('wi');
    this.intro = html('p', 'wi-intro', root);
    this.intro.id = this.id + '-intro';
    var form = html('div', 'wi-form', root);
    form.setAttribute('role', 'group');
    form.setAttribute('aria-describedby', this.intro.id);
    this.form = form;
    this.inDate = html('input', 'wi-date');
    this.inDate.type = 'date';
    this.inAction = html('select', 'wi-action');
    this.inSub = html('select', 'wi-sub');
    this.inProd = html('select', 'wi-prod');
    this.inWho = html('select', 'wi-who');
    this.inNumber = html('input', 'wi-number');
    this.inNumber.type = 'text';
    this.inNumber.autocomplete = 'off';
    this.inNumber.spellcheck = false;
    this.fDate = field(form, '', this.inDate);
    this.fAction = field(form, '', this.inAction);
    this.fSub = field(form, '', this.inSub);
    this.fProd = field(form, '', this.inProd);
    this.fNumber = field(form, '', this.inNumber, 'wi-field-number');
    this.fWho = field(form, '', this.inWho);
    this.btnAdd = html('button', 'wi-add', form);
    this.btnAdd.type = 'button';
    this.totals = html('p', 'wi-totals', root);
    this.listTitle = html('h3', 'wi-list-title', root);
    this.listTitle.id = this.id + '-list';
    this.list = html('ol', 'wi-list', root);
    this.list.setAttribute('aria-labelledby', this.listTitle.id);
    this.empty = html('p', 'wi-empty', root);
    this.live = html('p', 'visually-hidden', root);
    this.live.setAttribute('aria-live', 'polite');

    this.inDate.addEventListener('change', function () { if (self.inDate.value) self.setDate(self.inDate.value); });
    this.inAction.addEventListener('change', function () { self._syncForm(); });
    this.inSub.addEventListener('change', function () { self._fillProducts(); self._syncForm(); });
    this.inWho.addEventListener('change', function () { self.whoTouched = true; });
    this.btnAdd.addEventListener('click', function () { self.add(); });

    // The date handle and its line, over the chart.
    var ov = this.tl.overlay;
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
    this.btnAdd.textContent = t.add;
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
    this._texts();
    var sig = JSON.stringify([scenario.start, scenario.until, (scenario.subscriptions || []).map(function (s) { return [s.id, s.plans]; }),
                              W.actors(scenario), this.opts.getLang()]);
    if (sig !== this.sig) { this.sig = sig; this._fillForm(); }
    this.inDate.min = scenario.start;
    this.inDate.max = scenario.until;
    if (!this.date || this.date < scenario.start || this.date > scenario.until) this.date = this._defaultDate();
    this.inDate.value = this.date;
    this._syncForm();
    this._effects();
    this._renderList();
    this._place();
    this._restoreFocus();
  };

  // The actions offered: the engine's action names (catalogue()) that the form can build.
  Panel.prototype._actions = function () {
    var cat = this.opts.catalogue ? this.opts.catalogue() : null;
    var names = cat && Array.isArray(cat.actions) ? cat.actions : Object.keys(FORM);
    return names.filter(function (a) { return FORM[a] && TEXT.en.actions[a]; });
  };

  // A short label for an action (the list heading, the pin): interface words only, the action's
  // name, what it applies to and its date. What it does is the narrator's answer.
  Panel.prototype.label = function (action) {
    var t = this.t(), ctx = this.ctx, parts = [t.actions[action['do']] || String(action['do'])];
    if (action.products && action.products.length) parts.push(action.products.map(function (p) { return ctx.productName(p); }).join(', '));
    if (action.subscription != null) parts.push(ctx.subName(action.subscription));
    if (action.number != null) parts.push('№ ' + action.number);
    parts.push(ctx.date(action.on));
    if (action.by) parts.push(action.by);
    return parts.join(' · ');
  };

  Panel.prototype._defaultDate = function () {
    var s = this.scenario, a = W.dayNum(s.start), b = W.dayNum(s.until);
    return W.isoOf(a + Math.floor((b - a) / 2));
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
    this.actors = W.actors(s);
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
  };

  // Show the fields the chosen action needs; pick someone allowed to do it unless the reader chose.
  Panel.prototype._syncForm = function () {
    var a = this.inAction.value, need = FORM[a] || {};
    this.fSub.label.hidden = !need.sub;
    this.fProd.label.hidden = !need.prod;
    this.fNumber.label.hidden = !need.number;
    if (!this.actors) return;
    // Say who the scenario's permissions refuse (the action can still be tried: it is refused).
    var t = this.t(), k = -1;
    for (var i = 0; i < this.actors.length; i++) {
      var u = this.actors[i], ok = W.permitted(this.scenario, u, a);
      if (ok && k < 0) k = i;
      var o = this.inWho.options[i];
      if (o) o.textContent = actorLabel(u, t) + (ok ? '' : ' — ' + t.notAllowed);
    }
    if (!this.whoTouched && k >= 0) this.inWho.value = String(k);
  };

  Panel.prototype.formAction = function () {
    var a = { on: this.date, 'do': this.inAction.value };
    var who = this.actors && this.actors[+this.inWho.value];
    if (who && who.id) a.by = who.id;
    var need = FORM[a['do']] || {};
    if (need.sub) a.subscription = this.inSub.value;
    if (need.prod && this.inProd.value) a.products = [this.inProd.value];
    if (need.number && this.inNumber.value.trim()) a.number = this.inNumber.value.trim();
    return a;
  };

  Panel.prototype.add = function () {
    if (!this.text || !this.date) return;
    var a = this.formAction();
    var text = W.insertAction(this.text, a);
    this.pendingFocus = { action: a, focus: null };
    this.opts.commit(text, { kind: 'add' });
  };

  Panel.prototype.remove = function (k) {
    var x = this.items[k];
    if (!x) return;
    this.pendingFocus = { focus: 'add' };
    this.opts.commit(W.removeAction(this.text, x.index), { kind: 'remove' });
    this.live.textContent = this.t().removed;
  };

  Panel.prototype.move = function (k, on, how) {
    var x = this.items[k];
    if (!x || !this.scenario) return;
    on = W.clampIso(on, this.scenario.start, this.scenario.until);
    if (on === x.action.on) return;
    var moved = {};
    Object.keys(x.action).forEach(function (key) { moved[key] = x.action[key]; });
    moved.on = on;
    this.pendingFocus = { action: moved, focus: how };
    this.opts.commit(W.moveAction(this.text, x.index, on), { kind: 'move', key: W.serializeAction(x.action).replace(/"on": "[^"]*"/, '') });
  };

  Panel.prototype.setDate = function (iso) {
    if (!this.scenario) return;
    this.date = W.clampIso(iso, this.scenario.start, this.scenario.until);
    this.inDate.value = this.date;
    this._place();
  };

  // The effect of each what-if action: its result against the scenario without it.
  Panel.prototype._effects = function () {
    var text = this.text, list = W.whatIfs(text), self = this;
    this.items = list.map(function (x, k) {
      var without = self.opts.simulate(W.withoutWhatIf(text, k));
      var item = { index: x.index, action: x.action, sentence: self.ctx.answer(x.index) };
      if (without && !without.errors && x.action) item.effect = W.effect(x.action, self.result, without);
      return item;
    });
  };

  Panel.prototype._sameAction = function (a, b) {
    return a && b && W.serializeAction(a) === W.serializeAction(b);
  };

  Panel.prototype._renderList = function () {
    var t = this.t(), self = this, ctx = this.ctx;
    this.list.textContent = '';
    this.empty.textContent = t.none;
    this.empty.hidden = this.items.length > 0;
    this.listTitle.hidden = this.items.length === 0;
    if (this.pendingFocus && this.pendingFocus.action) {
      for (var j = 0; j < this.items.length; j++) if (this._sameAction(this.items[j].action, this.pendingFocus.action)) this.current = j;
    }
    if (this.current >= this.items.length) this.current = this.items.length - 1;
    this.items.forEach(function (it, k) {
      var li = html('li', 'wi-item' + (k === self.current ? ' current' : ''), self.list);
      li.setAttribute('data-k', String(k));
      li.setAttribute('data-on', it.action.on);
      html('span', 'wi-num', li, String(k + 1)).setAttribute('aria-hidden', 'true');
      var body = html('div', 'wi-body', li);
      html('p', 'wi-what', body, self.label(it.action));
      var p = html('p', 'wi-sentence', body, it.sentence);
      if (it.effect && it.effect.missed) p.classList.add('missed');
      if (it.effect && it.effect.refused) p.classList.add('refused');
      var tools = html('div', 'wi-tools', li);
      var prev = html('button', 'wi-btn', tools, '◀');
      prev.type = 'button'; prev.setAttribute('aria-label', t.earlier); prev.title = t.earlier;
      var d = html('input', 'wi-item-date', tools);
      d.type = 'date'; d.value = it.action.on; d.min = self.scenario.start; d.max = self.scenario.until;
      d.setAttribute('aria-label', t.moveDate(k + 1));
      var next = html('button', 'wi-btn', tools, '▶');
      next.type = 'button'; next.setAttribute('aria-label', t.later); next.title = t.later;
      var rm = html('button', 'wi-btn wi-remove', tools, t.remove);
      rm.type = 'button';
      rm.setAttribute('aria-label', t.remove + ' — ' + self.label(it.action));
      prev.addEventListener('click', function () { self.move(k, W.addDays(it.action.on, -1), 'prev'); });
      next.addEventListener('click', function () { self.move(k, W.addDays(it.action.on, 1), 'next'); });
      d.addEventListener('change', function () { if (d.value) self.move(k, d.value, 'date'); });
      rm.addEventListener('click', function () { self.remove(k); });
    });
    // Before / after, in one line.
    if (this.items.length && this.opts.baseTotal) {
      var before = this.opts.baseTotal(), after = (this.result.summary || {}).total_charged || 0;
      if (before != null) {
        var diff = after - before;
        var dtxt = diff === 0 ? t.noDiff : (diff > 0 ? '+' : '−') + ctx.money(Math.abs(diff));
        this.totals.textContent = t.totals(ctx.money(before), ctx.money(after), dtxt);
        this.totals.hidden = false;
      }
    } else this.totals.hidden = true;
    if (this.pendingFocus && this.current >= 0 && this.items[this.current]) this.live.textContent = this.items[this.current].sentence;
  };

  Panel.prototype._restoreFocus = function () {
    var pf = this.pendingFocus;
    this.pendingFocus = null;
    if (!pf) return;
    if (pf.focus === 'add') { this.btnAdd.focus({ preventScroll: true }); return; }
    if (!pf.focus || this.current < 0) return;
    var li = this.list.querySelector('li[data-k="' + this.current + '"]');
    if (pf.focus === 'pin') { var pin = this.pins.querySelector('[data-k="' + this.current + '"]'); if (pin) pin.focus({ preventScroll: true }); }
    else if (li && pf.focus === 'prev') li.querySelector('.wi-btn').focus();
    else if (li && pf.focus === 'next') li.querySelectorAll('.wi-btn')[1].focus();
    else if (li && pf.focus === 'date') li.querySelector('.wi-item-date').focus();
  };

  // ---- overlay: date handle and pins --------------------------------------------------------
  Panel.prototype._place = function () {
    var tl = this.tl, m = tl.model;
    if (!m || !this.scenario || !this.date) return;
    var day = W.dayNum(this.date);
    var x = tl.x(day + 0.5);
    this.cursor.style.left = (x - 1) + 'px';
    this.cursor.style.height = m.height + 'px';
    this.handleText.textContent = this.ctx.date(this.date);
    // Near either end of the chart, keep the whole label inside it; the arrow still points at the day.
    var half = this.handle.offsetWidth / 2, width = tl.width || 0, left = x;
    if (half && width) left = Math.max(half + 1, Math.min(width - half - 1, x));
    this.handle.style.left = left + 'px';
    this.handle.style.setProperty('--wi-arrow', (x - left) + 'px');
    this.handle.setAttribute('aria-valuemin', String(m.start));
    this.handle.setAttribute('aria-valuemax', String(m.end - 1));
    this.handle.setAttribute('aria-valuenow', String(day));
    this.handle.setAttribute('aria-valuetext', this.ctx.dateLongFmt.format(new Date(day * 86400000)));
    this._pins();
  };

  Panel.prototype._pins = function () {
    var tl = this.tl, self = this, t = this.t();
    var active = this.pins.getRootNode().activeElement;
    var focusedK = active && active.classList && active.classList.contains('wi-pin') ? active.getAttribute('data-k') : null;
    if (this.drag) return;   // the pin being dragged keeps its element
    this.pins.textContent = '';
    var byDay = {};
    this.items.forEach(function (it, k) {
      var day = W.dayNum(it.action.on);
      var lane = (it.action['do'] === 'close_account' || it.action['do'] === 'add_payment_method')
        ? tl.laneOf(null, null) : tl.laneOf(it.action.subscription, it.action.products ? it.action.products[0] : null);
      var top = lane ? lane.top + 2 : tl.axisHeight - 24;
      var stack = byDay[day + '|' + top] = (byDay[day + '|' + top] || 0) + 1;
      var x = tl.x(day + 0.5);
      var line = html('div', 'wi-pin-line', self.pins);
      line.style.left = (x - 1) + 'px';
      line.style.height = tl.model.height + 'px';
      var pin = html('button', 'wi-pin' + (it.effect && it.effect.refused ? ' refused' : ''), self.pins, String(k + 1));
      pin.type = 'button';
      pin.setAttribute('data-k', String(k));
      pin.setAttribute('data-on', it.action.on);
      var what = self.label(it.action);
      pin.setAttribute('aria-label', t.pin(k + 1, what));
      pin.title = t.pinTitle(what);
      pin.style.left = (x - 11 + (stack - 1) * 6) + 'px';
      pin.style.top = (top + (stack - 1) * 4) + 'px';
      self._pinEvents(pin, k, it);
    });
    if (focusedK != null) { var again = this.pins.querySelector('[data-k="' + focusedK + '"]'); if (again) again.focus({ preventScroll: true }); }
  };

  Panel.prototype._pinEvents = function (pin, k, it) {
    var self = this, tl = this.tl;
    pin.addEventListener('keydown', function (e) {
      var on = it.action.on, to = null;
      switch (e.key) {
        case 'ArrowLeft': to = W.addDays(on, e.shiftKey ? -7 : -1); break;
        case 'ArrowRight': to = W.addDays(on, e.shiftKey ? 7 : 1); break;
        case 'PageUp': to = W.addMonths(on, -1); break;
        case 'PageDown': to = W.addMonths(on, 1); break;
        case 'Home': to = self.scenario.start; break;
        case 'End': to = self.scenario.until; break;
        case 'Delete': case 'Backspace':
          e.preventDefault(); e.stopPropagation(); self.remove(k); return;
        default: return;
      }
      e.preventDefault(); e.stopPropagation();
      self.move(k, to, 'pin');
    });
    pin.addEventListener('click', function (e) { e.stopPropagation(); });
    pin.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      e.preventDefault();
      pin.focus({ preventScroll: true });
      try { pin.setPointerCapture(e.pointerId); } catch (err) { /* synthetic events */ }
      var start = W.dayNum(it.action.on);
      self.drag = { k: k, x0: e.clientX, left0: parseFloat(pin.style.left), start: start, day: start };
      pin.classList.add('dragging');
    });
    pin.addEventListener('pointermove', function (e) {
      var d = self.drag;
      if (!d || d.k !== k) return;
      var m = tl.model;
      var day = Math.max(m.start, Math.min(m.end - 1, d.start + Math.round((e.clientX - d.x0) / tl.ppd)));
      if (day === d.day) return;
      d.day = day;
      pin.style.left = (d.left0 + (day - d.start) * tl.ppd) + 'px';
      pin.setAttribute('data-drag-date', W.isoOf(day));
      pin.title = self.ctx.date(W.isoOf(day));
      self.live.textContent = self.ctx.date(W.isoOf(day));
    });
    function end(e, cancel) {
      var d = self.drag;
      if (!d || d.k !== k) return;
      self.drag = null;
      pin.classList.remove('dragging');
      try { pin.releasePointerCapture(e.pointerId); } catch (err) { /* already released */ }
      if (!cancel && d.day !== d.start) self.move(k, W.isoOf(d.day), 'pin');
      else self._pins();
    }
    pin.addEventListener('pointerup', function (e) { end(e, false); });
    pin.addEventListener('pointercancel', function (e) { end(e, true); });
  };

  Panel.prototype._handleKey = function (e) {
    if (!this.date) return;
    var to = null;
    switch (e.key) {
      case 'ArrowLeft': case 'ArrowDown': to = W.addDays(this.date, e.shiftKey ? -7 : -1); break;
      case 'ArrowRight': case 'ArrowUp': to = W.addDays(this.date, e.shiftKey ? 7 : 1); break;
      case 'PageUp': to = W.addMonths(this.date, -1); break;
      case 'PageDown': to = W.addMonths(this.date, 1); break;
      case 'Home': to = this.scenario.start; break;
      case 'End': to = this.scenario.until; break;
      case 'Enter': case ' ': e.preventDefault(); e.stopPropagation(); this.add(); return;
      default: return;
    }
    e.preventDefault(); e.stopPropagation();
    this.setDate(to);
    this._reveal();
  };

  // Keep the handle in view when it moves with the keyboard.
  Panel.prototype._reveal = function () {
    var sc = this.tl.scroller, x = parseFloat(this.handle.style.left);
    if (x < sc.scrollLeft + 30 || x > sc.scrollLeft + sc.clientWidth - 30) sc.scrollLeft = Math.max(0, x - sc.clientWidth / 2);
  };

  Panel.prototype._dragHandle = function () {
    var self = this, h = this.handle, drag = null;
    h.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      e.preventDefault();
      h.focus({ preventScroll: true });
      try { h.setPointerCapture(e.pointerId); } catch (err) { /* synthetic events */ }
      drag = true;
    });
    h.addEventListener('pointermove', function (e) {
      if (!drag || !self.tl.model) return;
      self.setDate(W.isoOf(Math.floor(self.tl.dayAtClientX(e.clientX))));
    });
    h.addEventListener('pointerup', function () { drag = null; });
    h.addEventListener('pointercancel', function () { drag = null; });
    h.addEventListener('click', function (e) { e.stopPropagation(); });
  };

  global.SubSimWhatIfUI = { Panel: Panel, TEXT: TEXT };
})(typeof window !== 'undefined' ? window : globalThis);
