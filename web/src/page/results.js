/* The page's result views: summary facts, expectations, the event list (with the narrator's
 * sentence for each event, filter and paging) and the invoice table. */
import { html } from '../dom.js';
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';
import { markerKind } from '../timeline-model.js';
import { placeRows, takeRow, keepRow } from './keyed-rows.js';
function fact(dl, term, value, cls) {
  var d = html('div', 'fact' + (cls ? ' ' + cls : ''), dl);
  html('dt', null, d, term);
  var dd = html('dd', null, d);
  if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
  return dd;
}
// The facts are drawn again only when what they show changed (an edit mostly changes none).
var summaryKey = null;
export function renderSummary(ctx, g) {
  var u = ctx.ui, s = g.scenario, r = g.result, sum = r.summary || {};
  var ex = r.expectations || [];
  var key = JSON.stringify([ctx.lang, s.title || g.key, s.source, s.start, s.until, s.currency, ctx.money(sum.total_charged), sum.account, sum.states,
                            Object.keys(sum.states || {}).map(function (id) { return ctx.subName(id); }),
                            ex.map(function (e) { return !!e.passed; })]);
  if (key === summaryKey && $('facts').firstChild) return;
  summaryKey = key;
  $('summary-title').textContent = s.title || g.key || 'subsim';
  var dl = $('facts');
  dl.textContent = '';
  if (s.source) fact(dl, u.source, s.source, 'source');
  fact(dl, u.period, u.periodValue(ctx.date(s.start), ctx.date(s.until)));
  fact(dl, u.totalCharged, ctx.money(sum.total_charged), 'total');
  fact(dl, u.account, sum.account === 'closed' ? u.accountClosed : u.accountOpen);
  var states = document.createElement('ul');
  states.className = 'state-list';
  Object.keys(sum.states || {}).forEach(function (id) {
    var li = html('li', null, states);
    html('span', 'sub', li, ctx.subName(id));
    var b = html('span', 'state-badge st-badge-' + sum.states[id], li, ctx.state(sum.states[id]));
    b.setAttribute('data-state', sum.states[id]);
  });
  fact(dl, u.statesOnUntil, states, 'states');
  if (ex.length) {
    var p = ex.filter(function (e) { return e.passed; }).length;
    fact(dl, u.expectations, u.expSummary(p, ex.length), p === ex.length ? 'pass' : 'fail');
  }
}

export function renderExpectations(ctx, g) {
  var u = ctx.ui, list = $('expectations'), ex = g.result.expectations || [];
  list.textContent = '';
  var p = ex.filter(function (e) { return e.passed; }).length;
  $('expect-count').textContent = ex.length ? '(' + u.expSummary(p, ex.length) + ')' : '';
  // All passed: folded away behind a summary; any failure: unfolded.
  var det = $('expect-details');
  $('expect-show').textContent = u.expShow(ex.length);
  $('expect-show').hidden = !ex.length;
  if (!state.expectKey || state.expectKey !== g.key + '|' + p + '/' + ex.length) det.open = !ex.length || p < ex.length;
  state.expectKey = g.key + '|' + p + '/' + ex.length;
  if (!ex.length) { html('li', 'empty', list, u.noExpectations); return; }
  ex.forEach(function (e, k) {
    var li = html('li', 'exp ' + (e.passed ? 'pass' : 'fail'), list);
    li.setAttribute('data-passed', String(!!e.passed));
    var badge = html('span', 'exp-badge', li, (e.passed ? '✓ ' : '✗ ') + (e.passed ? u.passed : u.failed));
    badge.setAttribute('aria-label', e.passed ? u.passed : u.failed);
    var body = html('div', 'exp-body', li);
    html('span', 'exp-text', body, ctx.expectationLine(k) || '#' + e.index);
    if (!e.passed && e.message) html('span', 'exp-msg', body, e.message);
  });
}

var filterKey = null;
export function renderFilter(ctx, g) {
  var sel = $('event-filter');
  var prev = state.filter, events = g.result.events || [], subs = Object.keys((g.result.summary || {}).states || {});
  var account = events.some(function (e) { return e.subscription == null; });
  // The options are made again only when the choices differ from the last render's.
  var key = JSON.stringify([ctx.lang, account, subs.map(function (id) { return [id, ctx.subName(id)]; })]);
  if (key !== filterKey || !sel.options.length) {
    filterKey = key;
    sel.textContent = '';
    html('option', null, sel, ctx.ui.filterAll).value = 'all';
    if (account) html('option', null, sel, ctx.ui.filterAccount).value = '\u0001account';
    subs.forEach(function (id) { html('option', null, sel, ctx.subName(id)).value = id; });
  }
  if (sel.value !== prev) sel.value = prev;
  if (sel.value !== prev) { sel.value = 'all'; state.filter = 'all'; }
}

export function eventMatches(e) {
  if (state.filter === 'all') return true;
  if (state.filter === '\u0001account') return e.subscription == null;
  return e.subscription === state.filter;
}

// What a row shows, as one string: a row whose content is unchanged since the last render is
// kept (only its position, id and index are updated), so an edit touches only the rows it changed.
function eventWhere(ctx, e) {
  var where = [];
  if (e.subscription != null) where.push(ctx.subName(e.subscription));
  if (e.product != null) where.push(ctx.productName(e.product));
  if (!where.length) where.push(ctx.ui.accountLane);
  return where.join(' · ');
}
function eventRowKey(ctx, e, i) {
  return [e.date, e.type, e.rule, ctx.date(e.date), ctx.typeLabel(e.type), eventWhere(ctx, e), ctx.ui.rule, ctx.sentence(i)].join('\u0001');
}

function eventRow(ctx, e, i) {
  var li = html('li', 'ev ev-' + e.type);
  li.setAttribute('data-type', e.type);
  li.setAttribute('data-date', e.date);
  var mk = markerKind(e.type);
  if (mk) li.classList.add('has-marker');
  var time = html('button', 'ev-date', li);
  time.type = 'button';
  var t = html('time', null, time, ctx.date(e.date));
  t.setAttribute('datetime', e.date);
  // The row may be kept for another index after an edit: the index is read when clicked.
  time.addEventListener('click', function () { showOnTimeline(+li.getAttribute('data-index')); });
  var body = html('div', 'ev-body', li);
  var meta = html('div', 'ev-meta', body);
  html('span', 'ev-type t-' + (mk || 'plain'), meta, ctx.typeLabel(e.type));
  html('span', 'ev-where', meta, eventWhere(ctx, e));
  var rule = html('code', 'ev-rule', meta, e.rule);
  rule.title = ctx.ui.rule;
  html('p', 'sentence', body, ctx.sentence(i));
  return li;
}

var eventRows = new Map();
export function renderEvents(ctx, g) {
  var list = $('events'), events = g.result.events || [], u = ctx.ui;
  var matching = [];
  events.forEach(function (e, i) { if (eventMatches(e)) matching.push(i); });
  var shown = matching.slice(0, state.eventLimit);
  var next = new Map(), nodes = [];
  if (list.firstChild && !eventRows.size) list.textContent = '';
  shown.forEach(function (i) {
    var e = events[i], key = eventRowKey(ctx, e, i);
    var li = takeRow(eventRows, key) || eventRow(ctx, e, i);
    if (li.id !== 'ev-' + i) { li.id = 'ev-' + i; li.setAttribute('data-index', String(i)); }
    keepRow(next, key, li);
    nodes.push(li);
  });
  placeRows(list, nodes);
  eventRows = next;
  $('event-count').textContent = '(' + u.eventCount(shown.length, matching.length) + ')';
  var more = $('events-more');
  var rest = matching.length - shown.length;
  more.hidden = rest <= 0;
  if (rest > 0) more.textContent = u.showMore(Math.min(rest, EVENT_PAGE));
}

export function showOnTimeline(i) {
  if (refs.timeline.selectEvent(i)) {
    var card = $('timeline');
    var r = card.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) card.scrollIntoView({ block: 'center' });
    refs.timeline.scroller.focus({ preventScroll: true });
  }
}

export function showInList(eventIndex) {
  var g = state.good;
  if (!g) return;
  var e = g.result.events[eventIndex];
  if (!e) return;
  if (!eventMatches(e)) { state.filter = 'all'; $('event-filter').value = 'all'; }
  var pos = 0;
  g.result.events.forEach(function (x, i) { if (i < eventIndex && eventMatches(x)) pos++; });
  if (pos >= state.eventLimit) { state.eventLimit = pos + EVENT_PAGE; renderEvents(state.ctx, g); }
  else if (!$('ev-' + eventIndex)) renderEvents(state.ctx, g);
  var li = $('ev-' + eventIndex);
  if (!li) return;
  document.querySelectorAll('.ev.flash').forEach(function (n) { n.classList.remove('flash'); });
  li.classList.add('flash');
  li.scrollIntoView({ block: 'center' });
  li.querySelector('.ev-date').focus({ preventScroll: true });
}

// What an invoice row shows (its key: an unchanged row is kept, as for events).
function invoiceView(ctx, inv) {
  var u = ctx.ui;
  return {
    date: inv.date, dateText: ctx.date(inv.date), sub: ctx.subName(inv.subscription),
    credit: inv.amount < 0, total: ctx.money(inv.amount), creditNote: u.creditNote,
    // Format 2 (SPEC-v2 §4.5): unpaid invoices say so; one paid late gives the day it was paid.
    status: inv.status === 'open' ? u.invoiceOpen : inv.status === 'uncollectible' ? u.invoiceUncollectible
      : inv.paid_on && inv.paid_on !== inv.date ? u.invoicePaidOn(ctx.date(inv.paid_on)) : null,
    unpaid: inv.status === 'open' || inv.status === 'uncollectible',
    lines: (inv.lines || []).map(function (l) {
      var name = l.bundle != null ? ctx.bundleName(l.bundle) + ' (' + u.bundle + ')' : ctx.productName(l.product);
      // Format 2: the plan billed and what the line is for (credits of unused time, refunds, fees).
      if (l.plan != null) name += ' · ' + ctx.planName(l.plan);
      if (l.kind && l.kind !== 'period') name += ' — ' + (u.lineKinds[l.kind] || l.kind);
      return [l.amount < 0, name, ctx.date(l.from) + ' – ' + ctx.date(ctx.dayBefore(l.to)), ctx.money(l.amount)];
    }),
  };
}

function invoiceRow(v) {
  var tr = html('tr', v.credit ? 'credit-note' : v.unpaid ? 'unpaid' : null);
  tr.setAttribute('data-date', v.date);
  var d = html('td', 'date', tr);
  var t = html('time', null, d, v.dateText); t.setAttribute('datetime', v.date);
  html('td', 'sub', tr, v.sub);
  var ul = html('ul', null, html('td', 'lines', tr));
  v.lines.forEach(function (l) {
    var li = html('li', l[0] ? 'credit' : null, ul);
    html('span', 'line-name', li, l[1]);
    html('span', 'line-period', li, l[2]);
    html('span', 'line-amount', li, l[3]);
  });
  var total = html('td', 'num', tr, v.total);
  if (v.credit) html('span', 'credit-note-label', total, ' (' + v.creditNote + ')');
  if (v.status) html('span', 'invoice-status' + (v.unpaid ? ' unpaid' : ''), total, v.status);
  return tr;
}

// Format 2 (SPEC-v2 §0.3): a footer row with the unpaid part of the total, when there is one.
function unpaidRow(ctx, summary) {
  var row = $('invoice-unpaid-row');
  if (!row) {
    row = html('tr', 'unpaid', $('invoice-total').parentNode.parentNode);
    row.id = 'invoice-unpaid-row';
    html('th', null, row).colSpan = 3;
    html('td', 'num', row).id = 'invoice-unpaid';
  }
  row.hidden = !(summary.total_unpaid > 0);
  row.firstChild.textContent = ctx.ui.totalUnpaidLabel;
  $('invoice-unpaid').textContent = summary.total_unpaid > 0 ? ctx.money(summary.total_unpaid) : '';
}

var invoiceRows = new Map();
export function renderInvoices(ctx, g) {
  var body = $('invoice-rows'), invs = g.result.invoices || [], u = ctx.ui;
  var shown = invs.slice(0, state.invoiceLimit);
  var next = new Map(), nodes = [];
  if (body.firstChild && !invoiceRows.size) body.textContent = '';
  if (!invs.length) {
    var tr0 = html('tr', 'empty');
    var td0 = html('td', null, tr0, u.noInvoices); td0.colSpan = 4;
    nodes.push(tr0);
  }
  shown.forEach(function (inv) {
    var v = invoiceView(ctx, inv), key = JSON.stringify(v);
    var tr = takeRow(invoiceRows, key) || invoiceRow(v);
    keepRow(next, key, tr);
    nodes.push(tr);
  });
  placeRows(body, nodes);
  invoiceRows = next;
  var summary = g.result.summary || {};   // format 1 has no total_unpaid: the row stays hidden
  $('invoice-total').textContent = ctx.money(summary.total_charged);
  unpaidRow(ctx, summary);
  $('invoice-count').textContent = invs.length ? '(' + u.invoiceCount(shown.length, invs.length) + ')' : '';
  var more = $('invoices-more'), rest = invs.length - shown.length;
  more.hidden = rest <= 0;
  if (rest > 0) more.textContent = u.showMore(Math.min(rest, INVOICE_PAGE));
}
