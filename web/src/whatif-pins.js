/* The what-if overlay on the timeline: the date handle (a slider: keys and drag) and one pin per
 * what-if action (drag, arrow keys, Delete), placed from the timeline's scale. Installed as
 * methods of the form's Panel. */
import { html, setText } from './dom.js';
import { dayNum, isoOf, addDays, addMonths } from './dates.js';

export function installOverlay(Panel) {
  // ---- overlay: date handle and pins --------------------------------------------------------
  Panel.prototype._place = function () {
    var tl = this.tl, m = tl.model;
    if (!m || !this.scenario || !this.date) return;
    var day = dayNum(this.date);
    var x = tl.x(day + 0.5);
    this.cursor.style.left = (x - 1) + 'px';
    this.cursor.style.height = m.height + 'px';
    var label = this.ctx.date(this.date);
    setText(this.handleText, label);
    // Near either end of the chart, keep the whole label inside it; the arrow still points at the
    // day. The label's width is estimated from its length: no layout is read while drawing.
    var half = (label.length * 7 + 20) / 2, width = tl.width || 0, left = x;
    if (half && width) left = Math.max(half + 1, Math.min(width - half - 1, x));
    this.handle.style.left = left + 'px';
    this.handle.style.setProperty('--wi-arrow', (x - left) + 'px');
    this.handle.setAttribute('aria-valuemin', String(m.start));
    this.handle.setAttribute('aria-valuemax', String(m.end - 1));
    this.handle.setAttribute('aria-valuenow', String(day));
    this.handle.setAttribute('aria-valuetext', this.ctx.date(isoOf(day), 'weekday_date'));
    this._pins();
  };

  Panel.prototype._pins = function () {
    var tl = this.tl, self = this, t = this.t();
    var active = this.pins.getRootNode().activeElement;
    var focusedK = active && active.classList && active.classList.contains('wi-pin') ? active.getAttribute('data-k') : null;
    if (this.drag) return;   // the pin being dragged keeps its element
    var sig = [tl.ppd, tl.model.start, tl.model.height, this.opts.getLang()].concat(this.items.map(function (it) {
      return JSON.stringify(it.action) + (it.effect && it.effect.refused ? '!' : '');
    })).join('|');
    if (sig === this.pinSig && this.pins.childNodes.length) return;
    this.pinSig = sig;
    // The same number of pins: each one is updated in place (it keeps focus, nothing is rebuilt).
    var rebuild = !this.pinEls || this.pinEls.length !== this.items.length;
    if (rebuild) { this.pins.textContent = ''; this.pinEls = []; }
    var byDay = {};
    this.items.forEach(function (it, k) {
      var day = dayNum(it.action.on);
      var lane = (it.action['do'] === 'close_account' || it.action['do'] === 'add_payment_method')
        ? tl.laneOf(null, null) : tl.laneOf(it.action.subscription, it.action.products ? it.action.products[0] : null);
      var top = lane ? lane.top + 2 : tl.axisHeight - 24;
      var stack = byDay[day + '|' + top] = (byDay[day + '|' + top] || 0) + 1;
      var x = tl.x(day + 0.5);
      var els = self.pinEls[k];
      if (rebuild) {
        els = self.pinEls[k] = { line: html('div', 'wi-pin-line', self.pins), pin: html('button', 'wi-pin', self.pins, String(k + 1)) };
        els.pin.type = 'button';
        els.pin.setAttribute('data-k', String(k));
        self._pinEvents(els.pin, k);
      }
      els.line.style.left = (x - 1) + 'px';
      els.line.style.height = tl.model.height + 'px';
      els.pin.classList.toggle('refused', !!(it.effect && it.effect.refused));
      els.pin.setAttribute('data-on', it.action.on);
      var what = self.label(it.action);
      els.pin.setAttribute('aria-label', t.pin(k + 1, what));
      els.pin.title = t.pinTitle(what);
      els.pin.style.left = (x - 11 + (stack - 1) * 6) + 'px';
      els.pin.style.top = (top + (stack - 1) * 4) + 'px';
    });
    if (rebuild && focusedK != null) { var again = this.pins.querySelector('[data-k="' + focusedK + '"]'); if (again) again.focus({ preventScroll: true }); }
  };

  Panel.prototype._pinEvents = function (pin, k) {
    var self = this, tl = this.tl;
    pin.addEventListener('keydown', function (e) {
      var it = self.items[k], on = it.action.on, to = null;
      switch (e.key) {
        case 'ArrowLeft': to = addDays(on, e.shiftKey ? -7 : -1); break;
        case 'ArrowRight': to = addDays(on, e.shiftKey ? 7 : 1); break;
        case 'PageUp': to = addMonths(on, -1); break;
        case 'PageDown': to = addMonths(on, 1); break;
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
      var start = dayNum(self.items[k].action.on);
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
      pin.setAttribute('data-drag-date', isoOf(day));
      pin.title = self.ctx.date(isoOf(day));
      self.live.textContent = self.ctx.date(isoOf(day));
    });
    function end(e, cancel) {
      var d = self.drag;
      if (!d || d.k !== k) return;
      self.drag = null;
      pin.classList.remove('dragging');
      try { pin.releasePointerCapture(e.pointerId); } catch (err) { /* already released */ }
      if (!cancel && d.day !== d.start) self.move(k, isoOf(d.day), 'pin');
      else self._pins();
    }
    pin.addEventListener('pointerup', function (e) { end(e, false); });
    pin.addEventListener('pointercancel', function (e) { end(e, true); });
  };

  Panel.prototype._handleKey = function (e) {
    if (!this.date) return;
    var to = null;
    switch (e.key) {
      case 'ArrowLeft': case 'ArrowDown': to = addDays(this.date, e.shiftKey ? -7 : -1); break;
      case 'ArrowRight': case 'ArrowUp': to = addDays(this.date, e.shiftKey ? 7 : 1); break;
      case 'PageUp': to = addMonths(this.date, -1); break;
      case 'PageDown': to = addMonths(this.date, 1); break;
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
    if (x < this.tl.scrollX + 30 || x > this.tl.scrollX + this.tl._width() - 30) this.tl._setScroll(x - this.tl._width() / 2);
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
      self.setDate(isoOf(Math.floor(self.tl.dayAtClientX(e.clientX))));
    });
    h.addEventListener('pointerup', function () { drag = null; });
    h.addEventListener('pointercancel', function () { drag = null; });
    h.addEventListener('click', function (e) { e.stopPropagation(); });
  };

}
