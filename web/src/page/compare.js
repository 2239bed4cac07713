/* Before / after: the scenario as written and with its what-if actions, their totals, states on
 * the last day, the invoices that disappear or appear, and both timelines on one scale. */
import { html } from '../dom.js';
import { scenarioOf } from '../reader-today.js';   // relative dates as the engine resolved them (SPEC-v2 §8)
import { state, refs, actions, $, ui, EVENT_PAGE, INVOICE_PAGE } from './state.js';

// ---- compare: before / after --------------------------------------------------------------
// Figures read from the two results (totals, invoice counts, states on the last day, the
// invoices that differ); when access ends is the narrator's to say, in the what-if answer.
function invoiceKey(i) { return i.date + '|' + i.subscription + '|' + i.amount; }
function invoiceDiff(a, b) {   // invoices in a, not in b
  var n = {};
  b.forEach(function (i) { var k = invoiceKey(i); n[k] = (n[k] || 0) + 1; });
  return a.filter(function (i) { var k = invoiceKey(i); if (n[k]) { n[k]--; return false; } return true; });
}
export function renderCompare(ctx, g) {
  var card = $('compare-card'), before = actions.baseResult(g.text);
  card.hidden = !before;
  if (!before) return;
  var u = ctx.u || ctx.ui, after = g.result;
  var tbl = $('compare-table');
  tbl.textContent = '';
  var head = html('tr', null, html('thead', null, tbl));
  html('td', null, head);
  [u.before, u.after, u.difference].forEach(function (h) { html('th', null, head, h).scope = 'col'; });
  var body = html('tbody', null, tbl);
  function row(label, a, b, d, cls) {
    var tr = html('tr', cls || null, body);
    html('th', null, tr, label).scope = 'row';
    html('td', null, tr, a); html('td', null, tr, b);
    html('td', 'diff', tr, d == null ? '' : d);
    return tr;
  }
  var ta = (before.summary || {}).total_charged || 0, tb = (after.summary || {}).total_charged || 0;
  var dd = tb - ta;
  var r = row(u.cmpTotal, ctx.money(ta), ctx.money(tb), dd === 0 ? '=' : (dd > 0 ? '+' : '−') + ctx.money(Math.abs(dd)), 'cmp-total');
  r.setAttribute('data-diff', String(dd));
  if (dd) r.classList.add(dd < 0 ? 'less' : 'more');
  // Format 2: what was credited (the total above is already net of it, SPEC-v2 §0).
  var ca = (before.summary || {}).total_credited, cb = (after.summary || {}).total_credited;
  if (ca != null || cb != null) {
    var dc = (cb || 0) - (ca || 0);
    row(u.cmpCredited, ctx.money(ca || 0), ctx.money(cb || 0), dc === 0 ? '=' : (dc > 0 ? '+' : '−') + ctx.money(Math.abs(dc)), 'cmp-credited');
  }
  var na = (before.invoices || []).length, nb = (after.invoices || []).length;
  row(u.cmpInvoices, String(na), String(nb), nb === na ? '=' : (nb > na ? '+' : '−') + Math.abs(nb - na));
  Object.keys((after.summary || {}).states || {}).forEach(function (sid) {
    var sa = ((before.summary || {}).states || {})[sid], sb = after.summary.states[sid];
    row(u.cmpState(ctx.subName(sid)), ctx.state(sa), ctx.state(sb), sa === sb ? '=' : '≠');
  });
  var acA = (before.summary || {}).account, acB = (after.summary || {}).account;
  if (acA !== acB) row(u.cmpAccount, acA === 'closed' ? u.accountClosed : u.accountOpen, acB === 'closed' ? u.accountClosed : u.accountOpen, '≠');
  // Which invoices disappear or appear.
  var box = $('compare-changes');
  box.textContent = '';
  var gone = invoiceDiff(before.invoices || [], after.invoices || []), added = invoiceDiff(after.invoices || [], before.invoices || []);
  if (!gone.length && !added.length) html('p', 'cmp-same', box, u.cmpSame);
  [[gone, u.cmpGone, 'gone'], [added, u.cmpNew, 'added']].forEach(function (x) {
    if (!x[0].length) return;
    var d = html('div', 'cmp-list cmp-' + x[2], box);
    html('h3', null, d, x[1] + ' (' + x[0].length + ')');
    var ul = html('ul', null, d);
    x[0].slice(0, 24).forEach(function (i) {
      html('li', null, ul, ctx.date(i.date) + ' — ' + ctx.subName(i.subscription) + ' — ' + ctx.money(i.amount));
    });
    if (x[0].length > 24) html('li', null, ul, '…');
  });
  var scBefore = scenarioOf(state.engine, state.baseCache.text, before), ctxBefore = actions.context(state.baseCache.text, scBefore, before);
  refs.tlBefore.setData(scBefore, before, ctxBefore, true);
  refs.tlAfter.setData(g.scenario, after, ctx, true);
}
// The two compare timelines move together (zoom and scroll).
export function linkTimelines(a, b) {
  var busy = false;
  function follow(from, dst) {
    from.onDraw(function () {
      if (busy || !dst.model || !from.model || dst.model.start !== from.model.start || dst.model.end !== from.model.end) return;
      if (Math.abs(dst.ppd - from.ppd) < 1e-9 && dst.scrollX === from.scrollX) return;
      busy = true;
      dst.ppd = from.ppd;
      dst._sizeChart();
      dst._setScroll(from.scrollX);
      dst.draw();
      busy = false;
    });
  }
  follow(a, b); follow(b, a);
}
