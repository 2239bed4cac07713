/* The SVG timeline: lanes from timeline-model.js, zoom from the whole horizon (up to 100 years)
 * down to days, only what is in view drawn (plus half a screen each side), and per lane only when
 * that lane or the view changed. Layout is read once per drawing (scroll position), the width
 * only when the box resizes. HTML laid over the chart (overlay) carries the what-if handle and
 * pins. All text is set with textContent. */
import { html, svg, button, SVG_NS } from './dom.js';
import { isoOf } from './dates.js';
import { buildModel, AXIS_H, BAR_H } from './timeline-model.js';
import { drawAxis } from './timeline-axis.js';
import { laneClusters, isNotice, markerY, MERGE_PX } from './timeline-marks.js';
import { drawLaneMarkers } from './timeline-mark-bands.js';
import { drawTermOverlays, termSignature } from './timeline-terms.js';
import { describeItem, clusterEnd } from './timeline-describe.js';
import { bindTimelineKeys } from './timeline-keys.js';
import { drawLegend } from './timeline-legend.js';
import { laneBox, placeLane, showLane, dropLanes } from './timeline-lanes.js';
import { axisFormats } from './labels.js';

const PAD = 10;              // px left and right of the horizon inside the chart
const MAX_PX_PER_DAY = 64;
export const LANE_PAGE = 40; // lanes drawn at once; "show more" adds as many (issue 17: bounded nodes)
const MAX_BARS = 200;        // past this many state bars in view, runs of bars narrower than
const DENSE_PX = 8;          // DENSE_PX are one band each: at most a bar or band per 8 px
let instances = 0;

export class Timeline {
  constructor(root, opts) {
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
    this.viewW = 0;          // the scroller's width, read when it resizes
    this.scrollX = 0;        // its scroll position, read in scroll events
    this.laneCache = [];     // per lane: { sig, bars: <g>, marks: <g> }
    this.laneLimit = LANE_PAGE;
    this._build();
  }

  _build() {
    const r = this.root;
    r.textContent = '';
    this._toolbar(html('div', 'tl-toolbar', r));
    this.wrap = html('div', 'tl-wrap', r);
    this.labels = html('div', 'tl-labels', this.wrap);
    this.scroller = html('div', 'tl-scroll', this.wrap);
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'group');
    this.scroller.setAttribute('aria-roledescription', 'timeline');
    this.svg = svg('svg', { class: 'tl-chart', xmlns: SVG_NS, focusable: 'false', 'aria-hidden': 'true' }, this.scroller);
    // Each lane's bars, and above them each lane's markers, in an SVG of its own (timeline-lanes.js):
    // an edit repaints and rasters the lanes it changed, not the chart.
    this.gBars = html('div', 'tl-lanes tl-bars', this.scroller);
    this.gMarks = html('div', 'tl-lanes tl-marks', this.scroller);
    this.top = svg('svg', { class: 'tl-top', focusable: 'false', 'aria-hidden': 'true' }, this.scroller);
    this.overlay = html('div', 'tl-overlay', this.scroller);
    this._defs();
    for (const name of ['Back', 'Grid', 'Axis']) this['g' + name] = svg('g', { class: 'tl-' + name.toLowerCase() }, this.svg);
    this.gSel = svg('g', { class: 'tl-sel' }, this.top);
    this.tip = html('div', 'tl-tip', r);
    this.tip.hidden = true;
    this.tip.setAttribute('role', 'status');
    this.live = html('div', 'visually-hidden', r);
    this.live.setAttribute('aria-live', 'polite');
    this._moreLanes(html('div', 'tl-more', r));
    this.help = html('p', 'tl-help', r);
    this.help.id = this.uid + '-help';
    this.scroller.setAttribute('aria-describedby', this.help.id);
    this._bindScroll();
    this._bindPointer();
    bindTimelineKeys(this);
  }

  _toolbar(bar) {
    this.btnOut = button('tl-btn', bar, '−');
    this.btnIn = button('tl-btn', bar, '+');
    this.btnFit = button('tl-btn tl-btn-text', bar, '');
    this.scaleLabel = html('span', 'tl-scale', bar);
    this.scaleLabel.setAttribute('aria-live', 'polite');
    this.btnOut.addEventListener('click', () => this.zoomBy(0.5));
    this.btnIn.addEventListener('click', () => this.zoomBy(2));
    this.btnFit.addEventListener('click', () => this.fit());
  }

  // Below the chart when the scenario has more lanes than are drawn: how many, and a button
  // drawing LANE_PAGE more.
  _moreLanes(box) {
    this.more = box;
    box.hidden = true;
    this.moreText = html('span', 'tl-more-text', box);
    this.moreBtn = button('tl-btn tl-btn-text tl-more-btn', box, '');
    this.moreBtn.addEventListener('click', () => {
      if (!this.data) return;
      this.laneLimit += LANE_PAGE;
      this.setData(this.data.scenario, this.data.result, this.ctx, true);
    });
  }

  _showMoreLanes() {
    const m = this.model, hidden = m.allLanes - m.lanes.length;
    if (this.more.hidden !== hidden <= 0) this.more.hidden = hidden <= 0;   // unchanged: no style work
    if (hidden <= 0) return;
    this.moreText.textContent = this.ctx.ui.moreLanes(m.lanes.length, m.allLanes);
    this.moreBtn.textContent = this.ctx.ui.showMoreLanes(Math.min(hidden, LANE_PAGE));
  }

  _bindScroll() {
    let pending = false;
    this.scroller.addEventListener('scroll', () => {
      this.scrollX = this.scroller.scrollLeft;   // read in the scroll event, never while drawing
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; this.draw(); });
    });
    this.scroller.addEventListener('focus', () => { if (!this.sel) this._selectFirstVisible(); else this._showSelection(false); });
    this.scroller.addEventListener('blur', () => { if (!this.hover && !this.pinned) this.tip.hidden = true; });
    this.scroller.addEventListener('wheel', (e) => {
      if (!e.ctrlKey || !this.model) return;
      e.preventDefault();
      this.zoomBy(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - this.scroller.getBoundingClientRect().left);
    }, { passive: false });
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver((entries) => {
        const w = Math.round(entries[entries.length - 1].contentRect.width);
        if (!w || w === this.viewW) return;
        const wasFit = Math.abs(this.ppd - this.fitPpd) < 1e-9;
        this.viewW = w;
        this.tip.hidden = true;   // placed for the old width
        this.pinned = false;
        this._computeFit();
        if (wasFit || this.ppd < this.fitPpd) this.ppd = this.fitPpd;
        this.draw();
      }).observe(this.scroller);
    }
  }

  // A press and release in place (mouse, pen or finger) selects the item under it, shows its
  // sentence and picks that date, subscription and product for the what-if form.
  _bindPointer() {
    let down = null;
    // On the chart and its lanes; the what-if pins and handle over it have their own.
    const sc = this.scroller, onChart = (e) => !this.overlay.contains(e.target);
    sc.addEventListener('pointermove', (e) => { if (e.pointerType === 'mouse' && onChart(e)) this._hoverAt(e); });
    sc.addEventListener('mouseleave', () => { this.hover = null; if (!this.pinned) this.tip.hidden = true; });
    sc.addEventListener('pointerdown', (e) => {
      down = e.button === 0 && onChart(e) ? { x: e.clientX, y: e.clientY, id: e.pointerId } : null;
    });
    sc.addEventListener('pointerup', (e) => {
      const d = down;
      down = null;
      if (!d || d.id !== e.pointerId || Math.abs(e.clientX - d.x) > 8 || Math.abs(e.clientY - d.y) > 8) return;
      const p = this._chartPoint(e), hit = this.itemAt(p.x, p.y), lane = this.laneAtY(p.y);
      if (hit) { this.select(hit.item.lane, hit.item.index, true); this.pinned = true; } else { this.pinned = false; this.tip.hidden = true; }
      if (this.opts.onPickDay && this.model) {
        // A marker gives its own date; elsewhere, the day under the pointer.
        let day = hit && hit.item.kind !== 'bar' ? hit.item.from : Math.floor(this.dayAt(p.x));
        day = Math.max(this.model.start, Math.min(this.model.end - 1, day));
        this.opts.onPickDay(isoOf(day), hit ? hit.item : null, lane);
      }
    });
  }

  _chartPoint(e) {
    const r = this.svg.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  _hoverAt(e) {
    if (!this.model) return;
    const p = this._chartPoint(e), hit = this.itemAt(p.x, p.y);
    const same = hit && this.hover && hit.item === this.hover;
    this.hover = hit ? hit.item : null;
    if (hit && !same) this._showTip(hit.item, hit.count);
    else if (!hit && !this.pinned && this._active() !== this.scroller) this.tip.hidden = true;
  }

  laneAtY(y) {
    if (!this.model) return null;
    for (const lane of this.model.lanes) if (y >= lane.top && y < lane.top + lane.height) return lane;
    return null;
  }

  // The item under chart point (x, y): the nearest marker within 10 px, else the bar there.
  itemAt(x, y) {
    const lane = this.laneAtY(y);
    if (!lane) return null;
    let best = null, bd = 11;
    const w = this.window;
    for (const c of laneClusters(lane, w.d0, w.d1, (d) => this.x(d))) {
      const cx = isNotice(c.kind) ? c.x + 4 : c.x, dx = Math.abs(cx - x), dy = Math.abs(markerY(lane, c.kind) - y);
      if (dx < bd && dy < 12) { bd = dx; best = { item: c.items[0], count: c.items.length }; }
    }
    if (best) return best;
    const day = this.dayAt(x);
    for (const it of lane.items) if (it.kind === 'bar' && day >= it.from && day < it.to) return { item: it, count: 1 };
    for (const it of lane.items) if (it.kind === 'law_window' && day >= it.from && day < it.to) return { item: it, count: 1 };
    return null;
  }

  _defs() {
    const defs = svg('defs', null, this.svg), id = this.uid;
    this.fills = { trialing: 'url(#' + id + '-trial)', pending_activation: 'url(#' + id + '-activation)', active: null,
                   pending_cancellation: 'url(#' + id + '-pending)', cancelled: null, expired: 'url(#' + id + '-expired)',
                   paused: 'url(#' + id + '-paused)' };
    const pattern = (name, size, extra) => svg('pattern', Object.assign({ id: id + '-' + name, width: size, height: size, patternUnits: 'userSpaceOnUse' }, extra), defs);
    const a = pattern('activation', 7);   // awaiting activation: a small grid
    svg('rect', { width: 7, height: 7, class: 'st-activation-bg' }, a);
    svg('rect', { width: 7, height: 1.3, class: 'st-activation-fg' }, a);
    svg('rect', { width: 1.3, height: 7, class: 'st-activation-fg' }, a);
    const p = pattern('pending', 8, { patternTransform: 'rotate(45)' });
    svg('rect', { width: 8, height: 8, class: 'st-pending-bg' }, p);
    svg('rect', { width: 3, height: 8, class: 'st-pending-fg' }, p);
    const q = pattern('expired', 6);
    svg('rect', { width: 6, height: 6, class: 'st-expired-bg' }, q);
    svg('circle', { cx: 3, cy: 3, r: 1.2, class: 'st-expired-fg' }, q);
    const z = pattern('paused', 8);   // paused (SPEC-v2 §0.4): upright bars, as on a pause button
    svg('rect', { width: 8, height: 8, class: 'st-paused-bg' }, z);
    svg('rect', { x: 2, width: 1.6, height: 8, class: 'st-paused-fg' }, z);
    svg('rect', { x: 5, width: 1.6, height: 8, class: 'st-paused-fg' }, z);
    const t = pattern('trial', 8, { patternTransform: 'rotate(-45)' });
    svg('rect', { width: 8, height: 8, class: 'st-trialing-bg' }, t);
    svg('rect', { width: 1.5, height: 8, class: 'st-trialing-fg' }, t);
  }

  setText(ctx) {
    const sameLang = this.ctx && this.ctx.lang === ctx.lang;
    this.ctx = ctx;
    if (sameLang) return;
    const ui = ctx.ui;
    this.btnOut.setAttribute('aria-label', ui.zoomOut); this.btnOut.title = ui.zoomOut;
    this.btnIn.setAttribute('aria-label', ui.zoomIn); this.btnIn.title = ui.zoomIn;
    this.btnFit.textContent = ui.zoomFit;
    this.scroller.setAttribute('aria-label', ui.timelineLabel);
    this.help.textContent = ui.timelineHelp;
    this.fmt = axisFormats(ctx.labels);
    this.laneCache = [];   // labels in bars and on the axis change with the language
    this.viewSig = null;
  }

  // New data. keepView: keep the zoom and position (a re-simulation of the same scenario).
  setData(scenario, result, ctx, keepView) {
    const old = this.model;
    const langChanged = !this.ctx || this.ctx.lang !== ctx.lang;
    if (!keepView) this.laneLimit = LANE_PAGE;
    this.setText(ctx);
    // The same answer (the scenario before its what-ifs, asked again after an edit): the same model.
    const same = this.data && this.data.result === result && this.data.limit === this.laneLimit;
    this.data = { scenario, result, limit: this.laneLimit };
    // Another answer for the same scenario (an edit): lanes whose records did not change are kept.
    if (!same) this.model = buildModel(scenario, result, this.laneLimit, keepView ? old : null);
    this._showMoreLanes();
    this._labels(langChanged);
    this._computeFit();
    const sameRange = old && old.start === this.model.start && old.end === this.model.end;
    if (!(keepView && sameRange)) { this.ppd = this.fitPpd; this._setScroll(0); this.laneCache = []; }
    if (this.sel && (this.sel.lane >= this.model.lanes.length || this.sel.index >= this.model.lanes[this.sel.lane].items.length)) this.sel = null;
    if (!keepView) this.sel = null;
    if (!keepView) this.tip.hidden = true;
    this.draw();
  }

  _labels(force) {
    const ctx = this.ctx, sig = this.model.lanes.map((l) => l.kind + '\u0000' + l.subscription + '\u0000' + l.product).join('\u0001');
    if (!force && sig === this.labelSig) return;
    this.labelSig = sig;
    const lab = this.labels;
    lab.textContent = '';
    html('div', 'tl-label tl-label-axis', lab).style.height = AXIS_H + 'px';
    for (const lane of this.model.lanes) {
      const d = html('div', 'tl-label tl-label-' + lane.kind, lab);
      d.style.height = lane.height + 'px';
      const text = lane.kind === 'account' ? ctx.ui.accountLane : lane.kind === 'subscription' ? ctx.subName(lane.subscription) : ctx.productName(lane.product);
      const span = html('span', null, d, text);
      d.title = text;
      if (lane.kind === 'product') span.setAttribute('lang', '');
    }
  }

  _width() {
    if (!this.viewW) this.viewW = this.scroller.clientWidth;
    return this.viewW;
  }
  _computeFit() {
    if (!this.model) return;
    this.fitPpd = Math.max(120, this._width() - 2 * PAD) / (this.model.end - this.model.start);
  }

  x(day) { return PAD + (day - this.model.start) * this.ppd; }
  dayAt(px) { return this.model.start + (px - PAD) / this.ppd; }
  // The (fractional) day under a pointer at clientX.
  dayAtClientX(clientX) {
    const r = this.scroller.getBoundingClientRect();
    return this.dayAt(clientX - r.left + this.scrollX);
  }
  // The lane showing a subscription (and product), or the account lane.
  laneOf(subscription, product) {
    if (!this.model) return null;
    let best = null;
    for (const l of this.model.lanes) {
      if (product != null && l.kind === 'product' && l.subscription === subscription && l.product === product) return l;
      if (subscription != null && l.kind === 'subscription' && l.subscription === subscription && !best) best = l;
      if (subscription == null && l.kind === 'account') return l;
    }
    return best;
  }
  get axisHeight() { return AXIS_H; }
  // fn(timeline) after every drawing (zoom, scroll, new data): keeps overlays in place.
  onDraw(fn) { this.drawListeners.push(fn); }
  // The element holding keyboard focus, inside a shadow root too.
  _active() {
    const r = this.root.getRootNode ? this.root.getRootNode() : document;
    return r.activeElement || document.activeElement;
  }

  fit() {
    if (!this.model) return;
    this._computeFit();
    this.ppd = this.fitPpd;
    this._setScroll(0);
    this.draw();
  }

  // Zoom by a factor, keeping the date under `anchorPx` (px from the scroller's left edge) still.
  zoomBy(factor, anchorPx) {
    if (!this.model) return;
    const sc = this.scroller, vw = this._width();
    if (anchorPx == null) {
      anchorPx = vw / 2;
      if (this.sel) {  // keep the selected item in view when zooming with the keyboard
        const sx = this.x(this._item(this.sel.lane, this.sel.index).from) - this.scrollX;
        if (sx >= 0 && sx <= vw) anchorPx = sx;
      }
    }
    const day = this.dayAt(this.scrollX + anchorPx);
    this.ppd = Math.min(Math.max(MAX_PX_PER_DAY, this.fitPpd), Math.max(this.fitPpd, this.ppd * factor));
    this._sizeChart();
    this._setScroll(Math.max(0, this.x(day) - anchorPx));
    this.draw();
  }

  // Scrolls the chart to x (clamped as the browser does) and remembers it.
  _setScroll(x) {
    const max = Math.max(0, (this.width || 0) - this._width());
    const to = Math.max(0, Math.min(max, Math.round(x)));
    if (to === this.scrollX) return;   // already there (kept from scroll events): no forced layout
    this.scrollX = to;
    this.scroller.scrollLeft = this.scrollX;
  }

  _sizeChart() {
    const w = Math.ceil(2 * PAD + (this.model.end - this.model.start) * this.ppd);
    if (w !== this.width) { this.svg.setAttribute('width', w); this.top.setAttribute('width', w); }
    if (this.model.height !== this.chartH) { this.svg.setAttribute('height', this.model.height); this.top.setAttribute('height', this.model.height); }
    this.width = w;
    this.chartH = this.model.height;
  }

  _span(days) {
    const ui = this.ctx.ui;
    if (days < 60) return ui.dayCount(Math.round(days));
    if (days < 730) return ui.monthCount(Math.round(days / 30.44));
    return ui.yearCount(Math.round(days / 365.25));
  }

  draw() {
    if (!this.model || !this.ctx) return;
    const m = this.model;
    this._sizeChart();
    const vw = this._width() || 800, left = this.scrollX;
    // A margin of half a screen on both sides: small scrolls need no redraw of gaps.
    const x0 = Math.max(0, left - vw / 2), x1 = Math.min(this.width, left + vw + vw / 2);
    const d0 = Math.floor(this.dayAt(x0)) - 1, d1 = Math.ceil(this.dayAt(x1)) + 1;
    this.window = { x0, x1, d0, d1, left, vw };
    // Written only when they change: an edit redrawing a lane leaves the toolbar alone.
    const scale = this.ctx.ui.scale(this._span(Math.min(m.end - m.start, vw / this.ppd)));
    if (this.scaleLabel.textContent !== scale) this.scaleLabel.textContent = scale;
    const zoomIn = this.ppd >= Math.max(MAX_PX_PER_DAY, this.fitPpd) - 1e-9, zoomOut = this.ppd <= this.fitPpd + 1e-9;
    if (this.btnIn.disabled !== zoomIn) this.btnIn.disabled = zoomIn;
    if (this.btnOut.disabled !== zoomOut) { this.btnOut.disabled = zoomOut; this.btnFit.disabled = zoomOut; }
    const viewSig = [x0, x1, left, this.ppd, this.width, m.height].join('|');
    if (viewSig !== this.viewSig) { this.viewSig = viewSig; this.laneCache = []; this._drawBack(); drawAxis(this, d0, d1, left); }
    this._drawLanes();
    this._drawSelection();
    if (this.overlayW !== this.width || this.overlayH !== m.height) {
      this.overlayW = this.width; this.overlayH = m.height;
      this.overlay.style.width = this.width + 'px';
      this.overlay.style.height = m.height + 'px';
    }
    for (const fn of this.drawListeners) fn(this);
  }

  _drawBack() {
    const g = this.gBack, m = this.model, hx = this.x(m.start), hw = this.x(m.end) - hx;
    g.textContent = '';
    m.lanes.forEach((lane, i) => {
      svg('rect', { x: 0, y: lane.top, width: this.width, height: lane.height, class: 'lane-bg lane-bg-' + lane.kind + (i % 2 ? ' lane-odd' : '') }, g);
      svg('line', { x1: 0, x2: this.width, y1: lane.top + lane.height - 0.5, y2: lane.top + lane.height - 0.5, class: 'lane-sep' }, g);
      if (lane.kind !== 'product') {
        const cy = markerY(lane, 'rail');
        svg('line', { x1: hx, x2: hx + hw, y1: cy, y2: cy, class: 'lane-rail' }, g);
      }
    });
  }

  // Each lane's bars and markers, redrawn only when its items (or the view) changed.
  _drawLanes() {
    const lanes = this.model.lanes, cache = this.laneCache;
    lanes.forEach((lane, i) => {
      const sig = lane.sig || (lane.sig = laneSignature(lane));   // a model's lanes never change
      let c = cache[i];
      if (c && c.sig === sig) return;
      if (!c) c = cache[i] = { bars: laneBox(this.gBars, i), marks: laneBox(this.gMarks, i) };
      c.sig = sig;
      placeLane(c.bars, lane, this.width);
      placeLane(c.marks, lane, this.width);
      c.bars.g.textContent = '';
      this._drawBars(c.bars.g, lane);
      const w = this.window;
      drawLaneMarkers(c.marks, lane, i, laneClusters(lane, w.d0, w.d1, (d) => this.x(d)), w.x0, w.x1);
      showLane(c.bars);
      showLane(c.marks);
    });
    dropLanes(this.gBars, lanes.length);
    dropLanes(this.gMarks, lanes.length);
    cache.length = lanes.length;
  }

  // The lane's state bars in view. Past MAX_BARS of them, runs of bars narrower than DENSE_PX
  // are drawn as one band each (a lone narrow bar stays a bar), so the nodes stay bounded.
  _drawBars(g, lane) {
    const w = this.window, y = lane.top + (lane.height - BAR_H) / 2;
    this._drawLawBands(g, lane);
    const shown = [];
    for (const it of lane.items) {
      if (it.kind !== 'bar' || it.to < w.d0 || it.from > w.d1) continue;
      shown.push({ it, xa: Math.max(this.x(it.from), w.x0 - 4), xb: Math.min(this.x(it.to), w.x1 + 4) });
    }
    let run = [];
    const flush = () => {
      if (run.length > 1) this._denseBand(g, run, y);
      else if (run.length) this._drawBar(g, lane, run[0], y);
      run = [];
    };
    for (const b of shown) {
      if (shown.length > MAX_BARS && b.xb - b.xa < DENSE_PX) {
        if (run.length && b.xa > run[run.length - 1].xb + 1) flush();
        run.push(b);
        continue;
      }
      flush();
      this._drawBar(g, lane, b, y);
    }
    flush();
  }

  _drawBar(g, lane, { it, xa, xb }, y) {
    svg('rect', { x: xa, y, width: Math.max(1, xb - xa), height: BAR_H, rx: 3, class: 'bar st-' + it.state,
                  fill: this.fills[it.state] || null, 'data-lane': it.lane, 'data-i': it.index, 'data-kind': 'bar',
                  'data-state': it.state, 'data-from': isoOf(it.from), 'data-to': isoOf(it.to),
                  'data-subscription': lane.subscription, 'data-product': lane.product,
                  'data-access': it.suspended ? 'suspended' : null }, g);
    if (it.grace) {   // the part of an expiry where a renewal is still accepted
      const ga = Math.max(this.x(it.grace.from), xa), gb = Math.min(this.x(it.grace.to), xb);
      if (gb > ga) svg('rect', { x: ga + 1, y: y + 1, width: Math.max(1, gb - ga - 2), height: BAR_H - 2, rx: 2, class: 'grace' }, g);
    }
    drawTermOverlays(g, it, (d) => this.x(d), xa, xb, y, lane.subscription);
    this._barLabel(g, lane, it, xa, xb, y);
  }

  // One band for a run of narrow state bars side by side.
  _denseBand(g, run, y) {
    const a = run[0], b = run[run.length - 1];
    svg('rect', { x: a.xa, y, width: Math.max(1, b.xb - a.xa), height: BAR_H, class: 'bar-dense',
                  'data-count': run.length, 'data-from': isoOf(a.it.from), 'data-to': isoOf(b.it.to) }, g);
  }

  // Legal windows (SPEC-v2 §7): translucent bands behind the lane's markers, the window kind as a class.
  _drawLawBands(g, lane) {
    const w = this.window;
    for (const it of lane.items) {
      if (it.kind !== 'law_window' || it.to < w.d0 || it.from > w.d1) continue;
      const xa = Math.max(this.x(it.from), w.x0 - 4), xb = Math.min(this.x(it.to), w.x1 + 4);
      svg('rect', { x: xa, y: lane.top + 3, width: Math.max(2, xb - xa), height: lane.height - 6, rx: 3,
                    class: 'law-band law-band-' + it.window, 'data-lane': it.lane, 'data-i': it.index, 'data-kind': 'law_window',
                    'data-window': it.window, 'data-from': isoOf(it.from), 'data-to': isoOf(it.to - 1),
                    'data-subscription': lane.subscription }, g);
    }
  }

  // Names the state inside the bar where it fits, within the visible part, after any marker
  // sitting at its start (markers on one date sit 11 px apart).
  _barLabel(g, lane, it, xa, xb, y) {
    const w = this.window, label = this.ctx.state(it.state) + (it.suspended ? ' · ' + this.ctx.ui.accessSuspended : '');
    let vx0 = Math.max(xa, w.left);
    const vx1 = Math.min(xb, w.left + w.vw);
    if (vx1 - vx0 < label.length * 6.6 + 12) return;
    let near = 0, firstX = null;
    for (const m of lane.items) {
      if (m.kind === 'bar' || isNotice(m.kind)) continue;
      const mx = this.x(m.from);
      if (mx >= vx0 - 8 && mx <= vx0 + 16) { if (firstX == null) firstX = mx; near++; }
    }
    if (near) vx0 = firstX + 8 + 11 * (near - 1);
    if (vx1 - vx0 > label.length * 6.6 + 12) svg('text', { x: vx0 + 6, y: y + BAR_H / 2 + 4, class: 'bar-text bar-text-' + it.state }, g).textContent = label;
  }

  _item(lane, index) {
    const l = this.model && this.model.lanes[lane];
    return l ? l.items[index] : null;
  }

  _drawSelection() {
    const g = this.gSel;
    if (g.firstChild) g.textContent = '';
    const it = this.sel && this._item(this.sel.lane, this.sel.index);
    if (!it) return;
    const lane = this.model.lanes[it.lane];
    if (it.kind === 'law_window') {
      const xa = Math.max(this.x(it.from), this.window.x0 - 6), xb = Math.min(this.x(it.to), this.window.x1 + 6);
      svg('rect', { x: xa - 2.5, y: lane.top + 0.5, width: Math.max(1, xb - xa) + 5, height: lane.height - 1, rx: 5, class: 'sel-ring' }, g);
    } else if (it.kind === 'bar') {
      const xa = Math.max(this.x(it.from), this.window.x0 - 6), xb = Math.min(this.x(it.to), this.window.x1 + 6);
      svg('rect', { x: xa - 2.5, y: lane.top + (lane.height - BAR_H) / 2 - 2.5, width: Math.max(1, xb - xa) + 5, height: BAR_H + 5, rx: 5, class: 'sel-ring' }, g);
    } else {
      svg('circle', { cx: this.x(it.from) + (isNotice(it.kind) ? 4 : 0), cy: markerY(lane, it.kind), r: 10.5, class: 'sel-ring' }, g);
    }
  }

  describe(it, count) { return describeItem(this, it, count); }
  _clusterEnd(it, count) { return clusterEnd(this.model, it, count); }

  _showTip(it, count) {
    const d = this.describe(it, count), tip = this.tip;
    tip.textContent = '';
    html('strong', null, tip, d.title);
    html('span', null, tip, d.body);
    tip.hidden = false;
    const lane = this.model.lanes[it.lane];
    // The tip lives in the timeline root (not the clipped chart), positioned under the item.
    const x = this.wrap.offsetLeft + this.labels.offsetWidth - this.scrollX +
              this.x(it.kind === 'bar' ? Math.max(it.from, this.dayAt(this.scrollX)) : it.from);
    const rootW = this.root.clientWidth;
    tip.style.maxWidth = Math.min(380, rootW - 16) + 'px';
    tip.style.left = Math.max(0, Math.min(x - 20, rootW - tip.offsetWidth)) + 'px';
    tip.style.top = (this.wrap.offsetTop + lane.top + lane.height + 4) + 'px';
    return d;
  }

  select(lane, index, fromPointer) {
    if (!this._item(lane, index)) return;
    this.sel = { lane, index };
    this._showSelection(!fromPointer);
  }

  _showSelection(scrollIntoView) {
    const it = this.sel && this._item(this.sel.lane, this.sel.index);
    if (!it) return;
    if (scrollIntoView) {
      const sc = this.scroller, x = this.x(it.from), vw = this._width();
      if (x < this.scrollX + 20 || x > this.scrollX + vw - 20) this._setScroll(Math.max(0, x - vw / 3));
    }
    this.draw();
    const d = this._showTip(it, 1);
    this.live.textContent = d.title + '. ' + d.body;
    if (this.opts.onSelect) this.opts.onSelect(it);
  }

  _selectFirstVisible() {
    if (!this.model) return;
    const d = this.dayAt(this.scrollX);
    for (let l = 0; l < this.model.lanes.length; l++) {
      const items = this.model.lanes[l].items;
      for (let j = 0; j < items.length; j++) {
        if (items[j].from >= d || (items[j].kind === 'bar' && items[j].to > d)) { this.select(l, j); return; }
      }
    }
  }

  // Select the event with this index in result.events (from the event list).
  selectEvent(eventIndex) {
    if (!this.model) return false;
    for (let l = 0; l < this.model.lanes.length; l++) {
      const j = this.model.lanes[l].items.findIndex((it) => it.event === eventIndex && !isNotice(it.kind));
      if (j < 0) continue;
      if (this.ppd < 2 && this.model.end - this.model.start > 400) {
        // Zoom in so the marker stands apart from its neighbours.
        this.ppd = Math.min(Math.max(this.fitPpd, 2), Math.max(MAX_PX_PER_DAY, this.fitPpd));
        this._sizeChart();
      }
      this._setScroll(Math.max(0, this.x(this.model.lanes[l].items[j].from) - this._width() / 2));
      this.select(l, j);
      return true;
    }
    return false;
  }

  // The legend depends on the language and the engine's states only: drawn again when they change.
  legend(container, ctx) {
    const key = ctx.lang + '|' + JSON.stringify(ctx.catalogue && ctx.catalogue.states);
    if (container.firstChild && container.dataset.legendKey === key) return;
    container.dataset.legendKey = key;
    drawLegend(container, ctx, this.fills);
  }
}

// What a lane draws: its items (kind, dates, state). Same signature, nothing to redraw.
function laneSignature(lane) {
  let s = lane.top + ':';
  for (const it of lane.items) s += it.kind + it.from + (it.kind === 'law_window' ? '-' + it.to : '') + (it.kind === 'bar' ? '-' + it.to + it.state + (it.grace ? 'g' + it.grace.to : '') + (it.suspended ? 's' : '') + termSignature(it) : '') + ',';
  return s;
}
export { MERGE_PX };
