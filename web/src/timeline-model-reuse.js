/* What a timeline model can keep from the one before it (an edit of the same scenario). A lane
 * is drawn from its subscription's records only (events, spans, invoices; the account lane from
 * the events of no subscription) and the scenario's end: when those records are the same objects
 * as in the last result (engine-result-lines.js gives an unchanged line's object back), the
 * subscription's lanes keep their items, renumbered to the new result's event and span indices. */

// Per subscription (null: the account): its events, spans and invoices in the result's order,
// with their indices in the result (one pass over each list: a model then reads the records of
// the subscriptions it rebuilds only). `records`: subscription -> its events, spans and invoices
// in one list (what keptLanes compares); `eventSubs`, `spanSubs`: the subscriptions in the order
// they first appear in the events, in the spans.
export function recordsBySubscription(result) {
  const bySub = new Map(), records = new Map(), eventSubs = [], spanSubs = [];
  const of = (x, firsts) => {
    const k = x.subscription == null ? null : x.subscription;
    let r = bySub.get(k);
    if (!r) { bySub.set(k, r = { events: [], eventAt: [], spans: [], spanAt: [], invoices: [] }); records.set(k, []); }
    if (firsts && !r[firsts.name]) { r[firsts.name] = true; firsts.list.push(k); }
    return r;
  };
  const inEvents = { name: 'inEvents', list: eventSubs }, inSpans = { name: 'inSpans', list: spanSubs };
  (result.events || []).forEach((e, i) => { const r = of(e, inEvents); r.events.push(e); r.eventAt.push(i); });
  (result.spans || []).forEach((x, i) => { const r = of(x, inSpans); r.spans.push(x); r.spanAt.push(i); });
  (result.invoices || []).forEach((x) => { of(x, null).invoices.push(x); });
  bySub.forEach((r, k) => { records.set(k, r.events.concat(r.spans, r.invoices)); });
  return { bySub, records, eventSubs, spanSubs };
}

function sameList(a, b) {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// The indices of the lanes whose items the last model's lanes at the same place can give: the
// same lane there, and its subscription's records unchanged.
export function keptLanes(last, lanes, records, end) {
  const kept = new Set();
  if (!last || !last.records || last.end !== end) return kept;
  const same = new Map();   // subscription -> its records and lanes unchanged
  lanes.forEach((lane, i) => {
    const old = last.lanes[i], sub = lane.subscription == null ? null : lane.subscription;
    if (!old || old.kind !== lane.kind || old.subscription !== lane.subscription || old.product !== lane.product) same.set(sub, false);
    else if (!same.has(sub)) same.set(sub, sameList(records.get(sub), last.records.get(sub)));
  });
  lanes.forEach((lane, i) => { if (same.get(lane.subscription == null ? null : lane.subscription)) kept.add(i); });
  return kept;
}

// The kept lanes take the last model's items (and drawing signature), each item pointed at its
// record's index in the new result: a kept lane's subscription has the same records in the same
// order, so an item's place among them (`at`) gives the index (`eventAt`, `spanAt`).
export function takeLanes(lanes, lastLanes, kept, bySub) {
  for (const i of kept) {
    const old = lastLanes[i], lane = lanes[i], r = bySub.get(lane.subscription == null ? null : lane.subscription);
    lane.items = old.items;
    lane.sig = old.sig;
    for (const it of lane.items) {
      if (it.kind === 'bar') it.span = r.spanAt[it.at];
      else it.event = r.eventAt[it.at];
    }
  }
}
