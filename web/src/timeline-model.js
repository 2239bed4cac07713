/* Timeline layout, without any DOM: one lane per subscription (its whole-subscription events) and
 * one per product of it (state bars and the product's own events), plus an account lane for
 * account-wide events; items sorted by date in each lane. Notice markers come from
 * `cancellation_scheduled.details`, grace windows from `expired.details.renewable_until`. */
import { dayNum as dayNumOf } from './dates.js';
import { recordsBySubscription, keptLanes, takeLanes } from './timeline-model-reuse.js';

// Day numbers by ISO date, kept across builds: an edit rebuilds the model from dates it mostly saw.
const days = new Map();
function dayNum(iso) {
  let d = days.get(iso);
  if (d === undefined) {
    if (days.size > 100000) days.clear();
    days.set(iso, d = dayNumOf(iso));
  }
  return d;
}

export const AXIS_H = 44;
export const BAR_H = 18;
const LANE_H = { account: 34, subscription: 34, product: 34 };

export const FALLBACK_STATES = ['trialing', 'pending_activation', 'active', 'pending_cancellation', 'cancelled', 'expired', 'past_due', 'paused'];

// Which marker an event gets on the timeline (null: shown by the bars or only in the list). A
// payment attempt (SPEC-v2 §4.6) is a failed payment, or a retry that went through.
export function markerKind(type, details) {
  switch (type) {
    case 'payment_failed': return 'payment_failed';
    case 'payment_retry': return details && details.succeeded === true ? 'payment_retry' : 'payment_failed';
    case 'payment_succeeded': case 'dunning_exhausted': return 'milestone';
    case 'invoice': return 'invoice';
    case 'renewal_reminder': case 'trial_ending': return 'reminder';
    case 'email': return 'email';
    case 'action_refused': return 'refusal';
    case 'cancellation_requested': case 'reactivated': case 'transfer_requested': case 'plan_change_requested':
    case 'pause_scheduled': return 'request';
    case 'paused': case 'resumed': case 'pause_withdrawn': return 'milestone';
    case 'plan_change_scheduled': case 'plan_changed': case 'plan_change_withdrawn':
    case 'price_changed': case 'transfer_completed': case 'account_closed': case 'data_deleted':
    case 'grace_ended': case 'trial_expired': case 'trial_converted': case 'activated': case 'evergreen_started': return 'milestone';
    case 'compliance_warning': return 'law_warning';
    default: return null;
  }
}


// Lanes in order: the account lane (when an event has no subscription), then per subscription
// its lane and one per product (from its spans, then its events). `idx`: the result's records by
// subscription (timeline-model-reuse.js). Returns { lanes, byKey, key }.
function laneList(scenario, idx) {
  const lanes = [], byKey = new Map();
  const key = (s, p) => (s == null ? '\u0001' : s) + '\u0000' + (p == null ? '\u0001' : p);
  function addLane(kind, sub, prod) {
    const k = key(sub, prod);
    if (!byKey.has(k)) { byKey.set(k, lanes.length); lanes.push({ kind, subscription: sub, product: prod, items: [] }); }
  }
  const account = idx.bySub.get(null);
  if (account && account.events.length) addLane('account', null, null);
  const subOrder = [], seen = new Set();
  const addSub = (id) => { if (!seen.has(id)) { seen.add(id); subOrder.push(id); } };
  (scenario.subscriptions || []).forEach((s) => addSub(s.id));
  idx.spanSubs.forEach(addSub);
  idx.eventSubs.forEach((id) => { if (id != null) addSub(id); });
  subOrder.forEach((sid) => {
    addLane('subscription', sid, null);
    const r = idx.bySub.get(sid), products = new Set();
    if (r) {
      r.spans.forEach((x) => products.add(x.product));
      r.events.forEach((e) => { if (e.product != null) products.add(e.product); });
    }
    products.forEach((p) => addLane('product', sid, p));
  });
  return { lanes, byKey, key };
}

// SPEC-v2 §5, §6, as the result states them: the evergreen phase of each subscription (from its
// `evergreen_started` event) and its stubs, the period lines that cover only part of a period: a
// line of an invoice whose rule is billing.aligned_first_period or billing.partial_last_period, a
// line ending on the billing anchor of `subscription_started` (a stub billed at a trial end), and
// the part [B, E) kept by a billing.partial_last_period refund [E, B′).
function termMarks(events, invoices) {
  const evergreen = new Map(), anchors = new Map(), rules = new Map();
  events.forEach((e) => {
    if (e.type === 'evergreen_started') evergreen.set(e.subscription, dayNum(e.date));
    if (e.type === 'subscription_started' && e.details && typeof e.details.anchor === 'string') anchors.set(e.subscription, e.details.anchor);
    if (e.type === 'invoice') rules.set(e.subscription + '\u0000' + e.date, e.rule);
  });
  const stubs = [];
  invoices.forEach((inv) => {
    const rule = rules.get(inv.subscription + '\u0000' + inv.date);
    (inv.lines || []).forEach((l) => {
      if (l.kind === 'period' && (rule === 'billing.aligned_first_period' || rule === 'billing.partial_last_period' ||
          (l.from === inv.date && l.to === anchors.get(inv.subscription) && l.from < l.to)))
        stubs.push({ sub: inv.subscription, product: l.product, from: dayNum(l.from), to: dayNum(l.to) });
      if (l.kind === 'refund' && rule === 'billing.partial_last_period') {
        const paid = periodLineEndingOn(invoices, inv.subscription, l.product, l.bundle, l.to);
        if (paid && paid.from < l.from) stubs.push({ sub: inv.subscription, product: l.product, from: dayNum(paid.from), to: dayNum(l.from) });
      }
    });
  });
  return { evergreen, stubs };
}

function periodLineEndingOn(invoices, sub, product, bundle, to) {
  for (const inv of invoices) {
    if (inv.subscription !== sub) continue;
    for (const l of inv.lines || []) if (l.kind === 'period' && l.to === to && l.product === product && l.bundle === bundle) return l;
  }
  return null;
}

// The evergreen part of a bar and the stubs inside it (a suite's stub shows on each product).
function markTerms(bar, span, terms) {
  const t1 = terms.evergreen.get(span.subscription);
  if (t1 != null && t1 < bar.to && span.state !== 'cancelled' && span.state !== 'expired')
    bar.evergreen = { from: Math.max(t1, bar.from), to: bar.to };
  terms.stubs.forEach((st) => {
    if (st.sub !== span.subscription || (st.product != null && st.product !== span.product)) return;
    const a = Math.max(st.from, bar.from), b = Math.min(st.to, bar.to);
    if (a < b) (bar.stubs = bar.stubs || []).push({ from: a, to: b });
  });
}

// Renewal grace windows, from the `expired` events (details.renewable_until, inclusive).
function graceWindows(events) {
  const graces = [];
  events.forEach((e) => {
    if (e.type === 'expired' && e.details && typeof e.details.renewable_until === 'string')
      graces.push({ sub: e.subscription, from: dayNum(e.date), to: dayNum(e.details.renewable_until) + 1 });
  });
  return graces;
}

// Past-due spans whose customer loses access (payment_failed.details.access false, SPEC-v2 §4.4).
function suspensions(events) {
  const out = [];
  events.forEach((e) => {
    if (e.type === 'payment_failed' && e.details && e.details.access === false) out.push({ sub: e.subscription, day: dayNum(e.date) });
  });
  return out;
}

// `r`: one subscription's records (timeline-model-reuse.js); an item's `at` is its record's place
// among them (the index in the result, once the subscription's lanes are kept: takeLanes).
function addBars(L, r, graces, suspended, terms) {
  r.spans.forEach((s, at) => {
    const li = L.byKey.get(L.key(s.subscription, s.product));
    if (!(li < L.lanes.length) || L.kept.has(li)) return;   // a lane not drawn (over the limit), or kept
    const bar = { kind: 'bar', lane: li, from: dayNum(s.from), to: dayNum(s.to), state: s.state, span: r.spanAt[at], record: s, at };
    if (s.state === 'past_due' && suspended.some((x) => x.sub === s.subscription && x.day >= bar.from && x.day < bar.to)) bar.suspended = true;
    if (s.state === 'expired') graces.forEach((g) => {
      const a = Math.max(g.from, bar.from), b = Math.min(g.to, bar.to);
      if (g.sub === s.subscription && a < b) bar.grace = { from: a, to: b };
    });
    if (terms) markTerms(bar, s, terms);
    L.lanes[li].items.push(bar);
  });
}

function addMarkers(L, r) {
  r.events.forEach((e, at) => {
    const i = r.eventAt[at];
    let li = L.byKey.get(L.key(e.subscription, e.product));
    if (li == null) li = L.byKey.get(L.key(e.subscription, null));
    if (!(li < L.lanes.length) || L.kept.has(li)) return;   // a lane not drawn (over the limit), or kept
    const mk = markerKind(e.type, e.details);
    if (mk) L.lanes[li].items.push({ kind: mk, lane: li, from: dayNum(e.date), event: i, record: e, at });
    const d = e.details;
    if (e.type === 'cancellation_scheduled' && d && typeof d.notice_deadline === 'string' &&
        // A deadline worth drawing: missed, or the plan has a notice ("P0D" when none, SPEC §4.1).
        (d.deadline_missed === true || (typeof d.notice === 'string' && d.notice !== 'P0D'))) {
      L.lanes[li].items.push({ kind: d.deadline_missed ? 'notice_missed' : 'notice', lane: li, from: dayNum(d.notice_deadline), event: i, record: e, at });
    }
  });
}

// Legal windows (SPEC-v2 §7.2, `compliance_window`) as bands on the subscription's lane, [from, to]
// inclusive; an open-ended window (`to` null) runs to the end of the view.
function addLawWindows(L, r, end) {
  r.events.forEach((e, at) => {
    if (e.type !== 'compliance_window' || !e.details || typeof e.details.from !== 'string') return;
    const li = L.byKey.get(L.key(e.subscription, null));
    if (!(li < L.lanes.length) || L.kept.has(li)) return;
    const to = typeof e.details.to === 'string' ? dayNum(e.details.to) + 1 : end;
    L.lanes[li].items.push({ kind: 'law_window', lane: li, from: dayNum(e.details.from), to: Math.max(to, dayNum(e.details.from) + 1),
                             window: e.details.window, event: r.eventAt[at], record: e, at });
  });
}

// The subscriptions (null: the account) all of whose lanes are kept.
function keptSubscriptions(lanes, kept) {
  const all = new Set(), out = new Set();
  lanes.forEach((lane, i) => { const sub = lane.subscription == null ? null : lane.subscription; if (!kept.has(i)) all.add(sub); });
  lanes.forEach((lane) => { const sub = lane.subscription == null ? null : lane.subscription; if (!all.has(sub)) out.add(sub); });
  return out;
}

// Lanes and items from a scenario and its result; at most `maxLanes` lanes (the first ones), the
// others counted in `allLanes`, so a scenario with a thousand product lines draws a bounded chart.
// `last`: the model this one follows (an edit): the lanes of a subscription whose records are the
// last result's objects keep their items (timeline-model-reuse.js).
export function buildModel(scenario, result, maxLanes = Infinity, last = null) {
  const events = result.events || [], spans = result.spans || [], end = dayNum(scenario.until) + 1;
  const idx = recordsBySubscription(result), records = idx.bySub;
  const L = laneList(scenario, idx), allLanes = L.lanes.length;
  if (allLanes > maxLanes) L.lanes.length = maxLanes;
  L.kept = keptLanes(last, L.lanes, records, end);
  const keptSubs = keptSubscriptions(L.lanes, L.kept);   // their records need not be read again
  idx.bySub.forEach((r, sub) => {
    if (keptSubs.has(sub)) return;
    addBars(L, r, graceWindows(r.events), suspensions(r.events), termMarks(r.events, r.invoices));
    addMarkers(L, r);
    addLawWindows(L, r, end);
  });
  const lanes = L.lanes;
  if (L.kept.size) takeLanes(lanes, last.lanes, L.kept, idx.bySub);
  let y = AXIS_H;
  lanes.forEach((lane, i) => {
    if (!L.kept.has(i)) {
      lane.items.sort((a, b) => a.from - b.from || (a.kind === 'bar' ? -1 : 0) - (b.kind === 'bar' ? -1 : 0));
      lane.items.forEach((it, j) => { it.index = j; });
    }
    lane.top = y; lane.height = LANE_H[lane.kind]; y += lane.height;
    if (lane.sig && !lane.sig.startsWith(lane.top + ':')) lane.sig = null;   // a kept lane now lower or higher
  });
  // A notice deadline on a subscription lane is drawn down across that subscription's products.
  lanes.forEach((lane, i) => {
    let j = i;
    if (lane.kind === 'subscription') while (j + 1 < lanes.length && lanes[j + 1].kind === 'product' && lanes[j + 1].subscription === lane.subscription) j++;
    lane.groupBottom = lanes[j].top + lanes[j].height;
  });
  return { start: dayNum(scenario.start), end, lanes, allLanes, height: y + 8, events, spans, records };
}
