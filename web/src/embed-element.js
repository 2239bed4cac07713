/* The <subsim-timeline> custom element (subsim-embed.js): a live timeline of a scenario, with the
 * what-if question and its answer above the chart when `whatif` is set.
 *
 *   <script src="…/subsim-embed.js" defer></script>
 *   <subsim-timeline src="scenario.json" lang="fr" whatif></subsim-timeline>
 *   <subsim-timeline><script type="application/json">{ …scenario… }</script></subsim-timeline>
 *
 * Attributes: src (loaded relative to the host page), lang (fr|en; default: the nearest lang of
 * the host page), whatif (what-if controls), readonly (wins over whatif), heading (replaces the
 * scenario title; empty hides it), simulator (the page "Open in the simulator" links to, http(s)
 * only; default index.html next to this script; empty: no link). Property `scenario` (text).
 * The engine is found next to this script (engine.js). Scenario text is only ever set with
 * textContent, in a shadow root. */
import CSS from './embed-styles.js';
import { html } from './dom.js';
import { languageOf, UI, WHATIF } from './strings.js';
import { loadEngine, baseOf } from './engine.js';
import { answerFor, resultOf } from './engine-answer.js';
import { contextFor, catalogue } from './context.js';
import { scenarioOf } from './reader-today.js';
import { Timeline } from './timeline.js';
import { Panel } from './whatif-form.js';
import * as W from './whatif-model.js';
import { encodeText } from './share-link.js';

const SCRIPT = document.currentScript;
const BASE = baseOf((SCRIPT && SCRIPT.src) || document.baseURI);
const EVENT_LIMIT = 200;
const engine = () => loadEngine(BASE);

// An http(s) address from an attribute, resolved against the host page, or null.
export function httpUrl(value) {
  let u;
  try { u = new URL(value, document.baseURI); } catch (e) { return null; }
  return /^https?:$/.test(u.protocol) || (u.protocol === 'file:' && location.protocol === 'file:') ? u : null;
}

// ---- styles: one constructed sheet for every shadow root (no inline <style>, which a strict
// style-src would refuse), or a <link> to subsim-embed.css where constructed sheets are missing.
var sheet = null;
function adoptStyles(root) {
  var can = 'adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype;
  if (can && typeof CSS === 'string') {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch (e) { /* fall back to the file */ }
  }
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = BASE + 'subsim-embed.css';
  root.appendChild(link);
}


export class SubSimTimelineElement extends HTMLElement {
  static get observedAttributes() { return ['lang', 'whatif', 'readonly', 'src', 'heading', 'simulator']; }

  constructor() {
    super();
    this._shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this._shadow);
    this._text = null;       // the scenario text shown (with the reader's what-if actions)
    this._original = null;   // as given by the author
    this._built = false;
    this._loadedSrc = null;
  }

  connectedCallback() {
    if (!this._built) this._build();
    this._load();
  }

  attributeChangedCallback(name, before, after) {
    if (!this._built || before === after) return;
    if (name === 'src') this._load();
    else this._render();
  }

  get scenario() { return this._text; }
  set scenario(text) {
    this._original = this._text = String(text);
    if (this._built) this._render();
  }

  _language() {
    var own = this.getAttribute('lang');
    var host = own || (this.parentElement && this.parentElement.closest('[lang]') && this.parentElement.closest('[lang]').getAttribute('lang')) ||
               document.documentElement.lang || '';
    return languageOf(host) || 'en';
  }
  _whatif() { return this.hasAttribute('whatif') && !this.hasAttribute('readonly') && this.getAttribute('whatif') !== 'false'; }

  _build() {
    this._built = true;
    var sh = this._shadow, self = this;
    var box = this._box = html('div', 'sx', sh);
    box.setAttribute('role', 'region');
    var head = html('div', 'sx-head', box);
    this._title = html('p', 'sx-title', head);
    this._facts = html('dl', 'sx-facts', head);
    this._status = html('p', 'sx-status', box);
    this._status.setAttribute('role', 'status');
    this._errors = html('div', 'sx-errors', box);
    this._errors.hidden = true;
    // The what-if question and its answer sit above the chart, so a fixed-height iframe shows them.
    this._answerBox = html('div', 'sx-answer', box);
    this._tlBox = html('div', 'timeline sx-tl', box);
    this._tl = new Timeline(this._tlBox, {
      onPickDay: function (iso, it, lane) {
        if (!self._panel || !self._whatif()) return;
        self._panel.setDate(iso);
        if (lane && lane.subscription != null) self._panel.setTarget(lane.subscription, lane.product);
      },
    });
    this._wi = html('section', 'sx-wi', box);
    this._wiTitle = html('h3', 'sx-h', this._wi);
    this._wiBody = html('div', null, this._wi);
    this._reset = html('button', 'wi-btn sx-reset', this._wi);
    this._reset.type = 'button';
    this._reset.addEventListener('click', function () { self._text = self._original; self._render(); });
    this._panel = new Panel({
      root: this._wiBody, timeline: this._tl,
      getLang: function () { return self._language(); },
      simulate: function (text) { return self._simulate(text); },
      answerOf: function (text) { return answerFor(self._engine, text, self._language()); },
      commit: function (text) { self._text = text; self._render(); self._showAnswer(); },
      catalogue: function () { return catalogue(self._engine); },
      baseTotal: function () {
        var b = self._simulate(W.baseText(self._text));
        return b && !b.errors ? (b.summary || {}).total_charged || 0 : null;
      },
    });
    this._answerBox.append(this._panel.question, this._panel.answer);
    this._events = html('details', 'sx-events', box);
    this._eventsSummary = html('summary', null, this._events);
    this._eventList = html('ol', 'sx-event-list', this._events);
    this._legendBox = html('details', 'sx-legend', box);
    this._legendSummary = html('summary', null, this._legendBox);
    this._legend = html('div', null, this._legendBox);
    var foot = html('p', 'sx-foot', box);
    this._open = html('a', 'sx-open', foot);
    this._open.target = '_blank';
    this._open.rel = 'noopener';
    html('span', 'sx-brand', foot, 'subsim');
    this._tlBox.hidden = true;
    this._wi.hidden = true;
    this._answerBox.hidden = true;
    this._events.hidden = true;
    this._legendBox.hidden = true;
  }

  _ui() { return UI[this._language()]; }

  _say(text, bad) {
    this._status.textContent = text || '';
    this._status.classList.toggle('bad', !!bad);
  }

  _load() {
    var src = this.getAttribute('src'), self = this;
    if (src) {
      if (src === this._loadedSrc) return;
      this._loadedSrc = src;
      this._say(this._ui().loadingEngine);
      var target = httpUrl(src);
      if (!target) { this._say(this._ui().embedCannotLoad(src, 'http(s)'), true); return; }
      fetch(target.href).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
        return r.text();
      }).then(function (text) { self.scenario = text; }, function (err) {
        self._say(self._ui().embedCannotLoad(src, err && err.message ? err.message : String(err)), true);
      });
      return;
    }
    if (this._text != null) { this._render(); return; }
    var read = function () {
      var s = self.querySelector('script[type="application/json"]');
      var text = s ? s.textContent : self.textContent;
      if (text && text.trim()) self.scenario = text;
      else self._say(self._ui().embedNoScenario, true);
    };
    // Before the parser has reached the element's content, wait for it.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', read, { once: true });
    else read();
  }

  _simulate(text) {
    if (!this._engine) return null;
    return resultOf(this._engine, text);
  }

  _render() {
    var self = this;
    if (this._text == null) return;
    if (!this._engine) {
      this._say(this._ui().loadingEngine);
      engine().then(function (eng) { self._engine = eng; self._render(); }, function (err) {
        self._say(self._ui().engineFailed + (err && err.message ? err.message : String(err)), true);
      });
      return;
    }
    var lang = this._language(), text = this._text;
    var answer = answerFor(this._engine, text, lang), result = answer.result;
    this._say('');
    if (result.errors) { this._showErrors(result.errors); return; }
    // Relative dates ("today-P1M") as the engine resolved them for the reader's day (SPEC-v2 §8).
    var scenario = scenarioOf(this._engine, text, result);
    this._errors.hidden = true;
    // Every sentence is the narrator's, for this text in the reader's language (SPEC §4.1).
    var ctx = contextFor(this._engine, lang, scenario, answer);
    this._renderHead(ctx, scenario, result);
    this._renderTimeline(ctx, scenario, result);
    this._renderWhatIf(ctx, scenario, result, text);
    this._renderOpenLink(text, lang);
    this.setAttribute('data-rendered', String((+this.getAttribute('data-rendered') || 0) + 1));
  }

  // The title (or the `heading` attribute) and the facts: total charged, states on the last day.
  _renderHead(ctx, scenario, result) {
    var u = ctx.ui, heading = this.getAttribute('heading');
    var title = heading != null ? heading : (scenario.title || '');
    this._title.textContent = title;
    this._title.hidden = !title;
    this._box.setAttribute('aria-label', u.embedLabel(title || scenario.title || 'subsim'));
    this._box.setAttribute('lang', ctx.lang);
    this._facts.textContent = '';
    var sum = result.summary || {};
    this._fact(u.totalCharged, ctx.money(sum.total_charged), 'total');
    var states = html('span', 'sx-states');
    Object.keys(sum.states || {}).forEach(function (id) {
      var one = html('span', 'sx-state', states);
      html('span', 'sub', one, ctx.subName(id) + ' ');
      html('span', 'state-badge st-badge-' + sum.states[id], one, ctx.state(sum.states[id]));
    });
    this._fact(u.statesOnUntil, states);
  }

  _renderTimeline(ctx, scenario, result) {
    this._tlBox.hidden = false;
    this._legendBox.hidden = false;
    this._events.hidden = false;
    var sameRange = this._lastRange === scenario.start + '|' + scenario.until;
    this._lastRange = scenario.start + '|' + scenario.until;
    this._tl.setData(scenario, result, ctx, sameRange);
    this._legendSummary.textContent = ctx.ui.legend;
    this._tl.legend(this._legend, ctx);
    this._renderEvents(ctx, result);
  }

  _renderWhatIf(ctx, scenario, result, text) {
    var wi = this._whatif();
    this._wi.hidden = !wi;
    this._answerBox.hidden = !wi;
    this._tl.overlay.hidden = !wi;
    if (!wi) return;
    this._wiTitle.textContent = WHATIF[ctx.lang].title;
    this._reset.textContent = ctx.ui.embedReset;
    this._reset.hidden = text === this._original;
    this._panel.update(text, scenario, result, ctx);
  }

  // "Open in the simulator": index.html next to this script, another http(s) page named by the
  // `simulator` attribute, or no link when that attribute is empty.
  _renderOpenLink(text, lang) {
    var sim = this.getAttribute('simulator'), open = this._open;
    open.hidden = sim === '';
    if (sim === '') return;
    open.textContent = this._ui().embedOpen + ' ↗';
    var target = sim ? httpUrl(sim) : null;
    var page = sim ? (target ? target.href.split('#')[0] : null) : BASE + 'index.html';
    open.hidden = !page;
    if (page) encodeText(text).then(function (frag) { open.href = page + '#' + frag + '&lang=' + lang; });
  }

  // After a what-if, its answer (above the chart) is brought into view if the reader scrolled
  // past it, as in a pasted iframe of fixed height.
  _showAnswer() {
    var r = this._answerBox.getBoundingClientRect();
    if (r.top < 0 || r.bottom > (window.innerHeight || 0)) this._answerBox.scrollIntoView({ block: 'nearest' });
  }

  _fact(term, value, cls) {
    var d = html('div', 'fact' + (cls ? ' ' + cls : ''), this._facts);
    html('dt', null, d, term);
    var dd = html('dd', null, d);
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
  }

  _renderEvents(ctx, result) {
    var list = this._eventList, events = result.events || [];
    list.textContent = '';
    this._eventsSummary.textContent = ctx.ui.embedEvents(events.length);
    events.slice(0, EVENT_LIMIT).forEach(function (e, i) {
      var li = html('li', 'sx-ev', list);
      li.setAttribute('data-type', e.type);
      var t = html('time', 'sx-ev-date', li, ctx.date(e.date));
      t.setAttribute('datetime', e.date);
      html('span', 'sx-ev-text', li, ctx.sentence(i));
    });
    if (events.length > EVENT_LIMIT) html('li', 'sx-ev more', list, '…');
  }

  _showErrors(errors) {
    var u = this._ui(), box = this._errors;
    box.textContent = '';
    box.hidden = false;
    html('p', 'sx-err-title', box, u.embedInvalid);
    var ol = html('ol', null, box);
    errors.slice(0, 20).forEach(function (e) {
      html('li', null, ol, u.lineCol(e.line, e.column) + ' — ' + e.message + (e.pointer ? ' (' + e.pointer + ')' : ''));
    });
    this._tlBox.hidden = true;
    this._wi.hidden = true;
    this._answerBox.hidden = true;
    this._events.hidden = true;
    this._legendBox.hidden = true;
  }
}



if (window.customElements && !customElements.get('subsim-timeline')) customElements.define('subsim-timeline', SubSimTimelineElement);
