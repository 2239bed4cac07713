/* subsim page: the SVG timeline. One lane per subscription (its whole-subscription events) and
 * one per product of it (state bars and the product's own events), plus an account lane for
 * account-wide events. Zoom from the whole horizon (up to 100 years) down to days; only what is
 * in view is drawn, and markers closer than a few pixels are merged, so the number of SVG nodes
 * stays bounded whatever the horizon. Classic script: defines the global SubSimTimeline.
 * All text is set with textContent; nothing from the scenario is ever parsed as markup. */
(function (global) {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var DAY_MS = 86400000;
  var AXIS_H = 44;
  var PAD = 10;              // px left and right of the horizon inside the chart
  var LANE_H = { account: 34, subscription: 34, product: 34 };
  var BAR_H = 18;
  var MAX_PX_PER_DAY = 64;
  var MERGE_PX = 7;          // markers of one kind closer than this are drawn as one

  function dayNum(iso) {
    return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
  }
  function isoOf(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }
  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    if (attrs) for (var k in attrs) if (attrs[k] != null) e.setAttribute(k, String(attrs[k]));
    if (parent) parent.appendChild(e);
    return e;
  }
  function html(name, cls, parent, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  var FALLBACK_STATES = ['trialing', 'pending_activation', 'active', 'pending_cancellation', 'cancelled', 'expired'];

  // Which marker an event gets on the timeline (null: shown by the bars or only in the list).
  function markerKind(type) {
    switch (type) {
      case 'invoice': return 'invoice';
      case 'renewal_reminder': case 'trial_ending': return 'reminder';
      case 'email': return 'email';
      case 'action_refused': return 'refusal';
      case 'cancellation_requested': case 'reactivated': case 'transfer_requested': return 'request';
      case 'price_changed': case 'transfer_completed': case 'account_closed': case 'data_deleted':
      case 'grace_ended': case 'trial_expired': case 'trial_converted': case 'activated': return 'milestone';
      default: return null;
    }
  }

  // Lanes and items from a scenario and its result.
  function buildModel(scenario, result) {
    var start = dayNum(scenario.start), end = dayNum(scenario.until) + 1;
    var lanes = [], byKey = {};
    function key(s, p) { return (s == null ? '\u0001' : s) + '\u0000' + (p == null ? '\u0001' : p); }
    function addLane(kind, sub, prod) {
      var k = key(sub, prod);
      if (byKey[k] != null) return byKey[k];
      var lane = { kind: kind, subscription: sub, product: prod, items: [] };
      byKey[k] = lanes.length;
      lanes.push(lane);
      return byKey[k];
    }
    var events = result.events || [], spans = result.spans || [];
    if (events.some(function (e) { return e.subscription == null; })) addLane('account', null, null);
    var subOrder = (scenario.subscriptions || []).map(function (s) { return s.id; });
    spans.forEach(function (s) { if (subOrder.indexOf(s.subscription) < 0) subOrder.push(s.subscription); });
    events.forEach(function (e) { if (e.subscription != null && subOrder.indexOf(e.subscription) < 0) subOrder.push(e.subscription); });
    subOrder.forEach(function (sid) {
      addLane('subscription', sid, null);
      spans.forEach(function (s) { if (s.subscription === sid) addLane('product', sid, s.product); });
      events.forEach(function (e) { if (e.subscription === sid && e.product != null) addLane('product', sid, e.product); });
    });
    // Renewal grace windows, from the `expired` events (details.renewable_until, inclusive).
    var graces = [];
    events.forEach(function (e) {
      if (e.type === 'expired' && e.details && typeof e.details.renewable_until === 'string')
        graces.push({ sub: e.subscription, from: dayNum(e.date), to: dayNum(e.details.renewable_until) + 1 });
    });
    spans.forEach(function (s, i) {
      var li = byKey[key(s.subscription, s.product)];
      var bar = { kind: 'bar', lane: li, from: dayNum(s.from), to: dayNum(s.to), state: s.state, span: i };
      if (s.state === 'expired') graces.forEach(function (g) {
        var a = Math.max(g.from, bar.from), b = Math.min(g.to, bar.to);
        if (g.sub === s.subscription && a < b) bar.grace = { from: a, to: b };
      });
      lanes[li].items.push(bar);
    });
    events.forEach(function (e, i) {
      var li = byKey[key(e.subscription, e.product)];
      if (li == null) li = byKey[key(e.subscription, null)];
      var mk = markerKind(e.type);
      if (mk) lanes[li].items.push({ kind: mk, lane: li, from: dayNum(e.date), event: i });
      if (e.type === 'cancellation_scheduled' && e.details && typeof e.details.notice_deadline === 'string') {
        var d = e.details;
        // A deadline worth drawing: missed, or the plan has a notice (details.notice is "P0D"
        // when it has none: then there is no deadline to show, SPEC §4.1).
        if (d.deadline_missed === true || (typeof d.notice === 'string' && d.notice !== 'P0D')) {
          lanes[li].items.push({ kind: d.deadline_missed ? 'notice_missed' : 'notice', lane: li,
                                 from: dayNum(d.notice_deadline), event: i });
        }
      }
    });
    lanes.forEach(function (lane) {
      lane.items.sort(function (a, b) { return a.from - b.from || (a.kind === 'bar' ? -1 : 0) - (b.kind === 'bar' ? -1 : 0); });
      lane.items.forEach(function (it, j) { it.index = j; });
    });
    var y = AXIS_H;
    lanes.forEach(function (lane) { lane.top = y; lane.height = LANE_H[lane.kind]; y += lane.height; });
    // A notice deadline on a subscription lane is drawn down across that subscription's products.
    lanes.forEach(function (lane, i) {
      var j = i;
      if (lane.kind === 'subscription') while (j + 1 < lanes.length && lanes[j + 1].kind === 'product' && lanes[j + 1].subscription === lane.subscription) j++;
      lane.groupBottom = lanes[j].top + lanes[j].height;
    });
    return { start: start, end: end, lanes: lanes, height: y + 8, events: events, spans: spans };
  }

  // Axis units, finest first: [name, step, minimum px between two ticks].
  var UNITS = [
    ['day', 1, 24], ['week', 1, 30], ['month', 1, 44], ['month', 3, 34], ['month', 6, 34],
    ['year', 1, 42], ['year', 2, 42], ['year', 5, 42], ['year', 10, 42], ['year', 20, 42], ['year', 50, 42],
  ];
  var APPROX_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25 };

  function ticks(unit, step, d0, d1) {
    var out = [], t, dt, y, m;
    if (unit === 'day') {
      for (t = d0; t <= d1; t++) out.push(t);
    } else if (unit === 'week') {
      dt = new Date(d0 * DAY_MS);
      t = d0 - ((dt.getUTCDay() + 6) % 7);            // Monday on or before d0
      for (; t <= d1; t += 7) out.push(t);
    } else if (unit === 'month') {
      dt = new Date(d0 * DAY_MS);
      y = dt.getUTCFullYear(); m = dt.getUTCMonth() - (dt.getUTCMonth() % step);
      for (;;) {
        t = Math.round(Date.UTC(y, m, 1) / DAY_MS);
        if (t > d1) break;
        out.push(t);
        m += step; if (m >= 12) { y += Math.floor(m / 12); m %= 12; }
      }
    } else {
      dt = new Date(d0 * DAY_MS);
      y = dt.getUTCFullYear(); y -= ((y % step) + step) % step;
      for (;; y += step) {
        t = Math.round(Date.UTC(y, 0, 1) / DAY_MS);
        if (t > d1) break;
        out.push(t);
      }
    }
    return out;
  }

  var instances = 0;

  function Timeline(root, opts) {
    this.root = root;
    this.opts = opts || {};
    this.uid = 'tl' + (++instances);   // ids stay unique with several timelines in one document
    this.drawListeners = [];
    this.model = null;
    this.ctx = null;
    this.ppd = 1;            // pixels per day
    this.fitPpd = 1;
    this.sel = null;         // { lane, index }
    this.hover = null;
    this._build();
  }

  Timeline.prototype._build = function () {
    var self = this;
    var r = this.root;
    r.textContent = '';
    var bar = html('div', 'tl-toolbar', r);
    this.btnOut = html('button', 'tl-btn', bar, '−'); this.btnOut.type = 'button';
    this.btnIn = html('button', 'tl-btn', bar, '+'); this.btnIn.type = 'button';
    this.btnFit = html('button', 'tl-btn tl-btn-text', bar, ''); this.btnFit.type = 'button';
    this.scaleLabel = html('span', 'tl-scale', bar);
    this.scaleLabel.setAttribute('aria-live', 'polite');
    this.btnOut.addEventListener('click', function () { self.zoomBy(0.5); });
    this.btnIn.addEventListener('click', function () { self.zoomBy(2); });
    this.btnFit.addEventListener('click', function () { self.fit(); });

    this.wrap = html('div', 'tl-wrap', r);
    this.labels = html('div', 'tl-labels', this.wrap);
    this.scroller = html('div', 'tl-scroll', this.wrap);
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'group');
    this.scroller.setAttribute('aria-roledescription', 'timeline');
    this.svg = el('svg', { class: 'tl-chart', xmlns: SVG, focusable: 'false' }, this.scroller);
    this.svg.setAttribute('aria-hidden', 'true');
    // HTML laid over the chart, in chart coordinates (what-if date handle and action pins).
    this.overlay = html('div', 'tl-overlay', this.scroller);
    this._defs();
    this.gBack = el('g', { class: 'tl-back' }, this.svg);
    this.gGrid = el('g', { class: 'tl-grid' }, this.svg);
    this.gBars = el('g', { class: 'tl-bars' }, this.svg);
    this.gMarks = el('g', { class: 'tl-marks' }, this.svg);
    this.gAxis = el('g', { class: 'tl-axis' }, this.svg);
    this.gSel = el('g', { class: 'tl-sel' }, this.svg);
    this.tip = html('div', 'tl-tip', r);
    this.tip.hidden = true;
    this.live = html('div', 'visually-hidden', r);
    this.live.setAttribute('aria-live', 'polite');
    this.help = html('p', 'tl-help', r);
    this.help.id = this.uid + '-help';
    this.scroller.setAttribute('aria-describedby', this.help.id);

    var pending = false;
    this.scroller.addEventListener('scroll', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; self.draw(); });
    });
    this.scroller.addEventListener('keydown', function (e) { self._key(e); });
    this.scroller.addEventListener('focus', function () {
      if (!self.sel) self._selectFirstVisible();
      else self._showSelection(false);
    });
    this.scroller.addEventListener('blur', function () { if (!self.hover) self.tip.hidden = true; });
    this.svg.addEventListener('mouseover', function (e) { self._pointer(e); });
    this.svg.addEventListener('mouseleave', function () { self.hover = null; self.tip.hidden = true; });
    // A press and release in place selects the item under it and picks that date. (Not `click`:
    // focusing the chart on mousedown redraws it, so the press and the release land on different
    // nodes and the browser sends no click.)
    var down = null;
    this.svg.addEventListener('pointerdown', function (e) {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY, id: e.pointerId, it: self._itemOf(e.target) } : null;
    });
    this.svg.addEventListener('pointerup', function (e) {
      var d = down;
      down = null;
      if (!d || d.id !== e.pointerId || Math.abs(e.clientX - d.x) > 6 || Math.abs(e.clientY - d.y) > 6) return;
      var it = d.it;
      if (it) self.select(it.lane, it.index, true);   // Enter (keyboard) jumps to the event in the list
      if (self.opts.onPickDay && self.model) {
        // A marker gives its own date; elsewhere, the day under the pointer.
        var day = it && it.kind !== 'bar' ? it.from : Math.floor(self.dayAtClientX(e.clientX));
        day = Math.max(self.model.start, Math.min(self.model.end - 1, day));
        self.opts.onPickDay(isoOf(day), it);
      }
    });
    this.scroller.addEventListener('wheel', function (e) {
      if (!e.ctrlKey || !self.model) return;
      e.preventDefault();
      var rect = self.scroller.getBoundingClientRect();
      self.zoomBy(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - rect.left);
    }, { passive: false });
    if (typeof ResizeObserver === 'function') {
      var lastW = 0;
      new ResizeObserver(function () {
        var w = self.scroller.clientWidth;
        if (w && w !== lastW) { var wasFit = Math.abs(self.ppd - self.fitPpd) < 1e-9; lastW = w; self._computeFit(); if (wasFit || self.ppd < self.fitPpd) self.ppd = self.fitPpd; self.draw(); }
      }).observe(this.scroller);
    }
  };

  Timeline.prototype._defs = function () {
    var defs = el('defs', null, this.svg);
    var id = this.uid;
    this.fills = { trialing: 'url(#' + id + '-trial)', pending_activation: 'url(#' + id + '-activation)', active: null,
                   pending_cancellation: 'url(#' + id + '-pending)', cancelled: null, expired: 'url(#' + id + '-expired)' };
    // Awaiting activation: a small grid (neither the trial's nor the pending cancellation's stripes).
    var a = el('pattern', { id: id + '-activation', width: 7, height: 7, patternUnits: 'userSpaceOnUse' }, defs);
    el('rect', { width: 7, height: 7, class: 'st-activation-bg' }, a);
    el('rect', { width: 7, height: 1.3, class: 'st-activation-fg' }, a);
    el('rect', { width: 1.3, height: 7, class: 'st-activation-fg' }, a);
    var p = el('pattern', { id: id + '-pending', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, defs);
    el('rect', { width: 8, height: 8, class: 'st-pending-bg' }, p);
    el('rect', { width: 3, height: 8, class: 'st-pending-fg' }, p);
    var q = el('pattern', { id: id + '-expired', width: 6, height: 6, patternUnits: 'userSpaceOnUse' }, defs);
    el('rect', { width: 6, height: 6, class: 'st-expired-bg' }, q);
    el('circle', { cx: 3, cy: 3, r: 1.2, class: 'st-expired-fg' }, q);
    var t = el('pattern', { id: id + '-trial', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(-45)' }, defs);
    el('rect', { width: 8, height: 8, class: 'st-trialing-bg' }, t);
    el('rect', { width: 1.5, height: 8, class: 'st-trialing-fg' }, t);
  };

  Timeline.prototype.setText = function (ctx) {
    this.ctx = ctx;
    var ui = ctx.ui;
    this.btnOut.setAttribute('aria-label', ui.zoomOut); this.btnOut.title = ui.zoomOut;
    this.btnIn.setAttribute('aria-label', ui.zoomIn); this.btnIn.title = ui.zoomIn;
    this.btnFit.textContent = ui.zoomFit;
    this.scroller.setAttribute('aria-label', ui.timelineLabel);
    this.help.textContent = ui.timelineHelp;
    this.fmt = {
      monthShort: new Intl.DateTimeFormat(ctx.locale, { month: 'short', timeZone: 'UTC' }),
      monthLong: new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      monthYear: new Intl.DateTimeFormat(ctx.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      year: new Intl.DateTimeFormat(ctx.locale, { year: 'numeric', timeZone: 'UTC' }),
    };
  };

  // New data. keepView: keep the zoom and position (a re-simulation of the same scenario).
  Timeline.prototype.setData = function (scenario, result, ctx, keepView) {
    var old = this.model;
    this.setText(ctx);
    this.model = buildModel(scenario, result);
    this._labels();
    this._computeFit();
    var sameRange = old && old.start === this.model.start && old.end === this.model.end;
    if (!(keepView && sameRange)) { this.ppd = this.fitPpd; this.scroller.scrollLeft = 0; }
    if (this.sel && (this.sel.lane >= this.model.lanes.length || this.sel.index >= this.model.lanes[this.sel.lane].items.length)) this.sel = null;
    if (!keepView) this.sel = null;
    this.tip.hidden = true;
    this.draw();
  };

  Timeline.prototype._labels = function () {
    var ctx = this.ctx, lab = this.labels;
    lab.textContent = '';
    html('div', 'tl-label tl-label-axis', lab).style.height = AXIS_H + 'px';
    this.model.lanes.forEach(function (lane) {
      var d = html('div', 'tl-label tl-label-' + lane.kind, lab);
      d.style.height = lane.height + 'px';
      var text;
      if (lane.kind === 'account') text = ctx.ui.accountLane;
      else if (lane.kind === 'subscription') text = ctx.subName(lane.subscription);
      else text = ctx.productName(lane.product);
      var span = html('span', null, d, text);
      d.title = text;
      if (lane.kind === 'product') span.setAttribute('lang', '');
    });
  };

  Timeline.prototype._computeFit = function () {
    if (!this.model) return;
    var w = Math.max(120, this.scroller.clientWidth - 2 * PAD);
    this.fitPpd = w / (this.model.end - this.model.start);
  };

  Timeline.prototype.x = function (day) { return PAD + (day - this.model.start) * this.ppd; };
  Timeline.prototype.dayAt = function (px) { return this.model.start + (px - PAD) / this.ppd; };
  // The (fractional) day under a pointer at clientX.
  Timeline.prototype.dayAtClientX = function (clientX) {
    var r = this.scroller.getBoundingClientRect();
    return this.dayAt(clientX - r.left + this.scroller.scrollLeft);
  };
  // The lane showing a subscription (and product), or the account lane: { top, height, kind }.
  Timeline.prototype.laneOf = function (subscription, product) {
    if (!this.model) return null;
    var lanes = this.model.lanes, best = null;
    for (var i = 0; i < lanes.length; i++) {
      var l = lanes[i];
      if (product != null && l.kind === 'product' && l.subscription === subscription && l.product === product) return l;
      if (subscription != null && l.kind === 'subscription' && l.subscription === subscription && !best) best = l;
      if (subscription == null && l.kind === 'account') return l;
    }
    return best;
  };
  Timeline.prototype.axisHeight = AXIS_H;
  // fn(timeline) after every drawing (zoom, scroll, new data): keeps overlays in place.
  Timeline.prototype.onDraw = function (fn) { this.drawListeners.push(fn); };
  // The element holding keyboard focus, inside a shadow root too.
  Timeline.prototype._active = function () {
    var r = this.root.getRootNode ? this.root.getRootNode() : document;
    return r.activeElement || document.activeElement;
  };

  Timeline.prototype.fit = function () {
    if (!this.model) return;
    this._computeFit();
    this.ppd = this.fitPpd;
    this.scroller.scrollLeft = 0;
    this.draw();
  };

  // Zoom by a factor, keeping the date under `anchorPx` (px from the scroller's left edge) still.
  Timeline.prototype.zoomBy = function (factor, anchorPx) {
    if (!this.model) return;
    var sc = this.scroller;
    if (anchorPx == null) {
      anchorPx = sc.clientWidth / 2;
      if (this.sel) {  // keep the selected item in view when zooming with the keyboard
        var it = this.model.lanes[this.sel.lane].items[this.sel.index];
        var sx = this.x(it.from) - sc.scrollLeft;
        if (sx >= 0 && sx <= sc.clientWidth) anchorPx = sx;
      }
    }
    var day = this.dayAt(sc.scrollLeft + anchorPx);
    var maxPpd = Math.max(MAX_PX_PER_DAY, this.fitPpd);
    this.ppd = Math.min(maxPpd, Math.max(this.fitPpd, this.ppd * factor));
    this._sizeChart();
    sc.scrollLeft = Math.max(0, this.x(day) - anchorPx);
    this.draw();
  };

  Timeline.prototype._sizeChart = function () {
    var w = Math.ceil(2 * PAD + (this.model.end - this.model.start) * this.ppd);
    this.svg.setAttribute('width', w);
    this.svg.setAttribute('height', this.model.height);
    this.width = w;
  };

  Timeline.prototype._span = function (days) {
    var ui = this.ctx.ui;
    if (days < 60) return ui.dayCount(Math.round(days));
    if (days < 730) return ui.monthCount(Math.round(days / 30.44));
    return ui.yearCount(Math.round(days / 365.25));
  };

  Timeline.prototype.draw = function () {
    if (!this.model || !this.ctx) return;
    var m = this.model, sc = this.scroller;
    this._sizeChart();
    var vw = sc.clientWidth || 800;
    var left = sc.scrollLeft, right = left + vw;
    // Draw a margin of half a screen on both sides so small scrolls need no redraw of gaps.
    var x0 = Math.max(0, left - vw / 2), x1 = Math.min(this.width, right + vw / 2);
    var d0 = Math.floor(this.dayAt(x0)) - 1, d1 = Math.ceil(this.dayAt(x1)) + 1;
    this.window = { x0: x0, x1: x1, d0: d0, d1: d1 };
    var visibleDays = Math.min(m.end - m.start, vw / this.ppd);
    this.scaleLabel.textContent = this.ctx.ui.scale(this._span(visibleDays));
    this.btnIn.disabled = this.ppd >= Math.max(MAX_PX_PER_DAY, this.fitPpd) - 1e-9;
    this.btnOut.disabled = this.ppd <= this.fitPpd + 1e-9;
    this.btnFit.disabled = this.btnOut.disabled;

    this._drawBack(x0, x1);
    this._drawAxis(d0, d1, left);
    this._drawBars(d0, d1);
    this._drawMarkers(d0, d1);
    this._drawSelection();
    this.overlay.style.width = this.width + 'px';
    this.overlay.style.height = m.height + 'px';
    for (var i = 0; i < this.drawListeners.length; i++) this.drawListeners[i](this);
  };

  Timeline.prototype._drawBack = function (x0, x1) {
    var g = this.gBack, m = this.model;
    g.textContent = '';
    var hx = this.x(m.start), hw = this.x(m.end) - hx;
    m.lanes.forEach(function (lane, i) {
      el('rect', { x: 0, y: lane.top, width: this.width, height: lane.height,
                   class: 'lane-bg lane-bg-' + lane.kind + (i % 2 ? ' lane-odd' : '') }, g);
      el('line', { x1: 0, x2: this.width, y1: lane.top + lane.height - 0.5, y2: lane.top + lane.height - 0.5, class: 'lane-sep' }, g);
      if (lane.kind !== 'product') {
        var cy = markerY(lane, 'rail');
        el('line', { x1: hx, x2: hx + hw, y1: cy, y2: cy, class: 'lane-rail' }, g);
      }
    }, this);
  };

  Timeline.prototype._drawAxis = function (d0, d1, scrollLeft) {
    var g = this.gAxis, grid = this.gGrid, self = this, f = this.fmt, m = this.model;
    g.textContent = ''; grid.textContent = '';
    el('rect', { x: 0, y: 0, width: this.width, height: AXIS_H, class: 'axis-bg' }, g);
    el('line', { x1: 0, x2: this.width, y1: AXIS_H - 0.5, y2: AXIS_H - 0.5, class: 'axis-line' }, g);
    var unit = UNITS[UNITS.length - 1];
    for (var i = 0; i < UNITS.length; i++) {
      if (APPROX_DAYS[UNITS[i][0]] * UNITS[i][1] * this.ppd >= UNITS[i][2]) { unit = UNITS[i]; break; }
    }
    var minor = ticks(unit[0], unit[1], Math.max(d0, m.start - 400), Math.min(d1, m.end + 400));
    var majorUnit = unit[0] === 'day' || unit[0] === 'week' ? 'month' : (unit[0] === 'month' ? 'year' : null);
    var bottom = m.height;
    minor.forEach(function (t) {
      var x = Math.round(self.x(t)) + 0.5;
      el('line', { x1: x, x2: x, y1: AXIS_H - 8, y2: bottom, class: 'grid-minor' }, grid);
      var dt = new Date(t * DAY_MS), label;
      if (unit[0] === 'day' || unit[0] === 'week') label = String(dt.getUTCDate());
      else if (unit[0] === 'month' && unit[1] === 1) label = f.monthShort.format(dt).replace(/\.$/, '');
      else if (unit[0] === 'month') label = (self.ctx.lang === 'fr' ? (unit[1] === 3 ? 'T' : 'S') : (unit[1] === 3 ? 'Q' : 'H')) + (Math.floor(dt.getUTCMonth() / unit[1]) + 1);
      else label = f.year.format(dt);
      if (x < 0 || x + 6 + label.length * 6.5 > self.width) return;   // no label cut at either end
      var tx = el('text', { x: x + 4, y: AXIS_H - 10, class: 'axis-minor' }, g);
      tx.textContent = label;
    });
    if (majorUnit) {
      var major = ticks(majorUnit, 1, Math.max(d0, m.start - 400) - 370, Math.min(d1, m.end + 400));
      var periodPx = APPROX_DAYS[majorUnit] * this.ppd;
      var fmtMajor = majorUnit === 'year' ? f.year : (periodPx > 150 ? f.monthLong : f.monthYear);
      var stickyX = scrollLeft + 4;
      major.forEach(function (t, k) {
        var x = Math.round(self.x(t)) + 0.5;
        if (t >= d0) el('line', { x1: x, x2: x, y1: 0, y2: bottom, class: 'grid-major' }, grid);
        // The label of the period containing the left edge sticks to the edge, so the month or
        // year in view is always named; it gives way to the next label.
        var next = major[k + 1] != null ? self.x(major[k + 1]) : Infinity;
        var lx = x + 4;
        var sticky = x < stickyX && next > stickyX;
        if (!sticky && (lx + 200 < self.window.x0 || lx > self.window.x1)) return;
        var tx = el('text', { x: lx, y: 15, class: 'axis-major' }, g);
        tx.textContent = fmtMajor.format(new Date(t * DAY_MS));
        if (sticky) {
          lx = Math.min(stickyX, next - 10 - tx.getComputedTextLength());
          tx.setAttribute('x', Math.max(x + 4, lx));
        }
      });
    }
  };


  Timeline.prototype._drawBars = function (d0, d1) {
    var g = this.gBars, self = this, ctx = this.ctx;
    g.textContent = '';
    this.model.lanes.forEach(function (lane) {
      var y = lane.top + (lane.height - BAR_H) / 2;
      lane.items.forEach(function (it) {
        if (it.kind !== 'bar' || it.to < d0 || it.from > d1) return;
        var xa = Math.max(self.x(it.from), self.window.x0 - 4), xb = Math.min(self.x(it.to), self.window.x1 + 4);
        var w = Math.max(1, xb - xa);
        var r = el('rect', { x: xa, y: y, width: w, height: BAR_H, rx: 3, class: 'bar st-' + it.state,
                             fill: self.fills[it.state] || null, 'data-lane': it.lane, 'data-i': it.index,
                             'data-state': it.state, 'data-from': isoOf(it.from), 'data-to': isoOf(it.to),
                             'data-subscription': lane.subscription, 'data-product': lane.product }, g);
        r.setAttribute('data-kind', 'bar');
        if (it.grace) {   // the part of an expiry where a renewal is still accepted
          var ga = Math.max(self.x(it.grace.from), xa), gb = Math.min(self.x(it.grace.to), xb);
          if (gb > ga) el('rect', { x: ga + 1, y: y + 1, width: Math.max(1, gb - ga - 2), height: BAR_H - 2, rx: 2, class: 'grace' }, g);
        }
        var label = ctx.state(it.state);
        // Name the state inside the bar where it fits, within the visible part.
        var vx0 = Math.max(xa, self.scroller.scrollLeft), vx1 = Math.min(xb, self.scroller.scrollLeft + self.scroller.clientWidth);
        // Start the text after any marker sitting at the start of the visible part of the bar.
        // Markers on one date sit side by side, 11px apart (see _drawMarkers).
        var near = lane.items.filter(function (m) {
          var mx = self.x(m.from);
          return m.kind !== 'bar' && !isNotice(m.kind) && mx >= vx0 - 8 && mx <= vx0 + 16;
        });
        if (near.length) vx0 = self.x(near[0].from) + 8 + 11 * (near.length - 1);
        if (vx1 - vx0 > label.length * 6.6 + 12) {
          var t = el('text', { x: vx0 + 6, y: y + BAR_H / 2 + 4, class: 'bar-text bar-text-' + it.state }, g);
          t.textContent = label;
        }
      });
    });
  };

  function isNotice(kind) { return kind === 'notice' || kind === 'notice_missed'; }
  // Vertical centre of a marker: notice flags fly at the top of the lane, the rest sit lower.
  function markerY(lane, kind) {
    if (isNotice(kind)) return lane.top + 9;
    return lane.kind === 'product' ? lane.top + lane.height / 2 : lane.top + lane.height / 2 + 3;
  }

  function markerShape(kind, x, cy, g, big, poleBottom) {
    var s = big ? 1.25 : 1;
    switch (kind) {
      case 'invoice':
        el('circle', { cx: x, cy: cy, r: 5 * s, class: 'mk-shape mk-invoice' }, g); break;
      case 'reminder':
        el('path', { d: 'M' + (x - 5.5 * s) + ' ' + (cy - 4.5 * s) + 'h' + (11 * s) + 'l' + (-5.5 * s) + ' ' + (9.5 * s) + 'z', class: 'mk-shape mk-reminder' }, g); break;
      case 'email':
        el('rect', { x: x - 5.5 * s, y: cy - 4 * s, width: 11 * s, height: 8 * s, rx: 1, class: 'mk-shape mk-email' }, g);
        el('path', { d: 'M' + (x - 5.5 * s) + ' ' + (cy - 4 * s) + 'l' + (5.5 * s) + ' ' + (4.5 * s) + 'l' + (5.5 * s) + ' ' + (-4.5 * s), class: 'mk-email-flap' }, g); break;
      case 'refusal':
        el('circle', { cx: x, cy: cy, r: 6 * s, class: 'mk-shape mk-refusal' }, g);
        el('path', { d: 'M' + (x - 3 * s) + ' ' + (cy - 3 * s) + 'l' + (6 * s) + ' ' + (6 * s) + 'M' + (x + 3 * s) + ' ' + (cy - 3 * s) + 'l' + (-6 * s) + ' ' + (6 * s), class: 'mk-refusal-x' }, g); break;
      case 'request':
        el('path', { d: 'M' + x + ' ' + (cy - 6 * s) + 'l' + (6 * s) + ' ' + (6 * s) + 'l' + (-6 * s) + ' ' + (6 * s) + 'l' + (-6 * s) + ' ' + (-6 * s) + 'z', class: 'mk-shape mk-request' }, g); break;
      case 'notice': case 'notice_missed':
        el('path', { d: 'M' + x + ' ' + (cy - 6) + 'V' + (poleBottom != null ? poleBottom : cy + 8), class: 'mk-notice-pole mk-' + kind }, g);
        el('path', { d: 'M' + x + ' ' + (cy - 6) + 'h9l-2.5 3.5l2.5 3.5h-9z', class: 'mk-shape mk-' + kind }, g); break;
      default:
        el('rect', { x: x - 4.5 * s, y: cy - 4.5 * s, width: 9 * s, height: 9 * s, class: 'mk-shape mk-milestone' }, g);
    }
  }

  Timeline.prototype._drawMarkers = function (d0, d1) {
    var g = this.gMarks, self = this;
    g.textContent = '';
    var count = 0;
    this.model.lanes.forEach(function (lane) {
      var last = {};      // kind -> cluster being built
      var clusters = [];
      lane.items.forEach(function (it) {
        if (it.kind === 'bar' || it.from < d0 || it.from > d1) return;
        var x = self.x(it.from);
        var c = last[it.kind];
        if (c && x - c.x < MERGE_PX) { c.items.push(it); return; }
        c = { kind: it.kind, x: x, items: [it] };
        last[it.kind] = c;
        clusters.push(c);
      });
      // Different kinds on the same date sit side by side instead of on top of each other.
      clusters.sort(function (a, b) { return a.x - b.x; });
      var prevX = -Infinity;
      clusters.forEach(function (c) {
        var x = c.x;
        var notice = isNotice(c.kind);
        if (!notice) { if (x < prevX + 11 && x - c.x < 12) x = prevX + 11; prevX = x; }
        var cy = markerY(lane, c.kind);
        var first = c.items[0];
        var grp = el('g', { class: 'mk mk-g-' + c.kind + (c.items.length > 1 ? ' mk-cluster' : ''),
                            'data-lane': first.lane, 'data-i': first.index, 'data-kind': c.kind,
                            'data-count': c.items.length, 'data-date': isoOf(first.from),
                            'data-event': first.event }, g);
        el('circle', { cx: notice ? x + 4 : x, cy: cy, r: 10, class: 'mk-hit' }, grp);
        if (c.items.length > 1 && !notice) el('circle', { cx: x, cy: cy, r: 8.5, class: 'mk-stack' }, grp);
        markerShape(c.kind, x, cy, grp, false, notice ? lane.groupBottom - 2 : null);
        count++;
      });
    });
    this.markerCount = count;
  };

  Timeline.prototype._item = function (lane, index) {
    var l = this.model && this.model.lanes[lane];
    return l ? l.items[index] : null;
  };
  Timeline.prototype._itemOf = function (target) {
    var n = target;
    while (n && n !== this.svg) {
      if (n.getAttribute && n.getAttribute('data-i') != null) {
        return this._item(+n.getAttribute('data-lane'), +n.getAttribute('data-i'));
      }
      n = n.parentNode;
    }
    return null;
  };

  Timeline.prototype._drawSelection = function () {
    var g = this.gSel;
    g.textContent = '';
    if (!this.sel) return;
    var it = this._item(this.sel.lane, this.sel.index);
    if (!it) return;
    var lane = this.model.lanes[it.lane];
    if (it.kind === 'bar') {
      var xa = Math.max(this.x(it.from), this.window.x0 - 6), xb = Math.min(this.x(it.to), this.window.x1 + 6);
      el('rect', { x: xa - 2.5, y: lane.top + (lane.height - BAR_H) / 2 - 2.5, width: Math.max(1, xb - xa) + 5, height: BAR_H + 5, rx: 5, class: 'sel-ring' }, g);
    } else {
      el('circle', { cx: this.x(it.from) + (isNotice(it.kind) ? 4 : 0), cy: markerY(lane, it.kind), r: 10.5, class: 'sel-ring' }, g);
    }
  };

  // Text describing an item, for the tooltip and the screen-reader live region.
  Timeline.prototype.describe = function (it, count) {
    var ctx = this.ctx, m = this.model, lane = m.lanes[it.lane];
    var where = lane.kind === 'account' ? ctx.ui.accountLane
      : lane.kind === 'subscription' ? ctx.subName(lane.subscription)
      : ctx.productName(lane.product) + ' — ' + ctx.subName(lane.subscription);
    if (it.kind === 'bar') {
      var last = it.to - 1;
      var sameDay = last === it.from;
      var days = it.to - it.from;
      var range = sameDay ? ctx.date(isoOf(it.from)) : ctx.ui.fromTo(ctx.date(isoOf(it.from)), ctx.date(isoOf(last)));
      if (it.to >= m.end) range = ctx.ui.fromTo(ctx.date(isoOf(it.from)), '…');
      var body = range + ' (' + ctx.ui.dayCount(days) + ')';
      if (it.grace) body += ' — ' + ctx.ui.graceUntil(ctx.date(isoOf(it.grace.to - 1)));
      return { title: where + ': ' + ctx.state(it.state), body: body };
    }
    var ev = m.events[it.event];
    if (it.kind === 'notice' || it.kind === 'notice_missed') {
      return { title: ctx.markerLabel(it.kind) + ': ' + ctx.date(isoOf(it.from)), body: where + ' — ' + ctx.sentence(it.event) };
    }
    var title = ctx.typeLabel(ev.type) + ' — ' + ctx.date(ev.date);
    if (count > 1) {
      var lastIt = this._clusterEnd(it, count);
      title = ctx.ui.clusterOf(count, ctx.markerLabel(it.kind)) + ' — ' + ctx.ui.fromTo(ctx.date(ev.date), ctx.date(isoOf(lastIt.from)));
    }
    return { title: title, body: where + ' — ' + ctx.sentence(it.event) };
  };
  Timeline.prototype._clusterEnd = function (it, count) {
    var items = this.model.lanes[it.lane].items, seen = 0, lastIt = it;
    for (var j = it.index; j < items.length && seen < count; j++) if (items[j].kind === it.kind) { lastIt = items[j]; seen++; }
    return lastIt;
  };

  Timeline.prototype._showTip = function (it, count) {
    var d = this.describe(it, count);
    var tip = this.tip;
    tip.textContent = '';
    html('strong', null, tip, d.title);
    html('span', null, tip, d.body);
    tip.hidden = false;
    var lane = this.model.lanes[it.lane];
    // The tip lives in the timeline root (not the clipped chart), positioned under the item.
    var x = this.wrap.offsetLeft + this.labels.offsetWidth - this.scroller.scrollLeft +
            this.x(it.kind === 'bar' ? Math.max(it.from, this.dayAt(this.scroller.scrollLeft)) : it.from);
    var rootW = this.root.clientWidth;
    tip.style.maxWidth = Math.min(380, rootW - 16) + 'px';
    var left = Math.max(0, Math.min(x - 20, rootW - tip.offsetWidth));
    var top = this.wrap.offsetTop + lane.top + lane.height + 4;
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
    return d;
  };

  Timeline.prototype._pointer = function (e) {
    var n = e.target, it = null, count = 1;
    while (n && n !== this.svg) {
      if (n.getAttribute && n.getAttribute('data-i') != null) {
        it = this._item(+n.getAttribute('data-lane'), +n.getAttribute('data-i'));
        count = +(n.getAttribute('data-count') || 1);
        break;
      }
      n = n.parentNode;
    }
    this.hover = it;
    if (it) this._showTip(it, count); else if (this._active() !== this.scroller) this.tip.hidden = true;
  };

  Timeline.prototype.select = function (lane, index, fromPointer) {
    if (!this._item(lane, index)) return;
    this.sel = { lane: lane, index: index };
    this._showSelection(!fromPointer);
  };

  Timeline.prototype._showSelection = function (scrollIntoView) {
    if (!this.sel) return;
    var it = this._item(this.sel.lane, this.sel.index);
    if (!it) return;
    if (scrollIntoView) {
      var sc = this.scroller, x = this.x(it.from);
      if (x < sc.scrollLeft + 20 || x > sc.scrollLeft + sc.clientWidth - 20) sc.scrollLeft = Math.max(0, x - sc.clientWidth / 3);
    }
    this.draw();
    var d = this._showTip(it, 1);
    this.live.textContent = d.title + '. ' + d.body;
    if (this.opts.onSelect) this.opts.onSelect(it);
  };

  Timeline.prototype._selectFirstVisible = function () {
    if (!this.model) return;
    var d = this.dayAt(this.scroller.scrollLeft);
    for (var l = 0; l < this.model.lanes.length; l++) {
      var items = this.model.lanes[l].items;
      for (var j = 0; j < items.length; j++) {
        if (items[j].from >= d || (items[j].kind === 'bar' && items[j].to > d)) { this.select(l, j); return; }
      }
    }
  };

  // Select the event with this index in result.events (from the event list).
  Timeline.prototype.selectEvent = function (eventIndex) {
    if (!this.model) return false;
    for (var l = 0; l < this.model.lanes.length; l++) {
      var items = this.model.lanes[l].items;
      for (var j = 0; j < items.length; j++) {
        if (items[j].event === eventIndex && items[j].kind !== 'notice' && items[j].kind !== 'notice_missed') {
          var it = items[j];
          var sc = this.scroller;
          if (this.ppd < 2 && this.model.end - this.model.start > 400) {
            // Zoom in so the marker stands apart from its neighbours.
            this.ppd = Math.min(Math.max(this.fitPpd, 2), Math.max(MAX_PX_PER_DAY, this.fitPpd));
            this._sizeChart();
          }
          sc.scrollLeft = Math.max(0, this.x(it.from) - sc.clientWidth / 2);
          this.select(l, j);
          return true;
        }
      }
    }
    return false;
  };

  Timeline.prototype._key = function (e) {
    if (!this.model || e.altKey || e.metaKey || e.ctrlKey) return;
    var lanes = this.model.lanes, s = this.sel, handled = true;
    var cur = s ? this._item(s.lane, s.index) : null;
    function nearestIn(l, day) {
      var items = lanes[l].items, best = -1, bd = Infinity;
      for (var j = 0; j < items.length; j++) {
        var it = items[j];
        var dist = it.kind === 'bar' ? (day < it.from ? it.from - day : (day >= it.to ? day - it.to + 1 : 0)) : Math.abs(it.from - day);
        if (dist < bd) { bd = dist; best = j; }
      }
      return best;
    }
    switch (e.key) {
      case 'ArrowRight': case 'ArrowLeft':
        if (!s) { this._selectFirstVisible(); break; }
        var n = s.index + (e.key === 'ArrowRight' ? 1 : -1);
        if (n >= 0 && n < lanes[s.lane].items.length) this.select(s.lane, n);
        break;
      case 'ArrowDown': case 'ArrowUp': {
        if (!s) { this._selectFirstVisible(); break; }
        var dir = e.key === 'ArrowDown' ? 1 : -1;
        var day = cur.kind === 'bar' ? Math.max(cur.from, Math.floor(this.dayAt(this.scroller.scrollLeft))) : cur.from;
        for (var l = s.lane + dir; l >= 0 && l < lanes.length; l += dir) {
          var j = nearestIn(l, day);
          if (j >= 0) { this.select(l, j); break; }
        }
        break;
      }
      case 'Home': if (s) this.select(s.lane, 0); else this._selectFirstVisible(); break;
      case 'End': if (s) this.select(s.lane, lanes[s.lane].items.length - 1); break;
      case '+': case '=': this.zoomBy(2); break;
      case '-': case '_': this.zoomBy(0.5); break;
      case '0': this.fit(); break;
      case 'Enter': case ' ':
        if (cur && this.opts.onActivate) this.opts.onActivate(cur);
        break;
      case 'Escape': this.tip.hidden = true; break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  };

  // The legend, as HTML with small SVG swatches.
  Timeline.prototype.legend = function (container, ctx) {
    container.textContent = '';
    var fills = this.fills;
    var ul = html('ul', 'legend-list', container);
    // The engine's states (catalogue()), each with its swatch and label.
    var states = ctx.catalogue && Array.isArray(ctx.catalogue.states) ? ctx.catalogue.states : FALLBACK_STATES;
    states.forEach(function (st) {
      var li = html('li', null, ul);
      li.setAttribute('data-state', st);
      var s = el('svg', { width: 28, height: 14, class: 'legend-swatch', 'aria-hidden': 'true', focusable: 'false' }, li);
      el('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-' + st, fill: fills[st] || null }, s);
      html('span', null, li, ctx.state(st));
    });
    var gli = html('li', null, ul);
    var gs = el('svg', { width: 28, height: 14, class: 'legend-swatch', 'aria-hidden': 'true', focusable: 'false' }, gli);
    el('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-expired', fill: fills.expired }, gs);
    el('rect', { x: 1.5, y: 1.5, width: 25, height: 11, rx: 2, class: 'grace' }, gs);
    html('span', null, gli, ctx.ui.graceLegend);
    ['invoice', 'reminder', 'email', 'refusal', 'notice', 'notice_missed', 'request', 'milestone'].forEach(function (k) {
      var li = html('li', null, ul);
      var s = el('svg', { width: 22, height: 18, class: 'legend-swatch', 'aria-hidden': 'true', focusable: 'false' }, li);
      markerShape(k, k.indexOf('notice') === 0 ? 7 : 11, 9, s, false, 17);
      html('span', null, li, ctx.markerLabel(k));
    });
  };

  global.SubSimTimeline = { Timeline: Timeline, buildModel: buildModel, markerKind: markerKind, dayNum: dayNum, isoOf: isoOf };
})(typeof window !== 'undefined' ? window : globalThis);
