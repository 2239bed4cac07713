/* What a timeline model can keep from the one before it (an edit of the same scenario). A lane
 * is drawn from its subscription's records only (events, spans, invoices; the account lane from
 * the events of no subscription) and the scenario's end: when those records are the same objects
 * as in the last result (engine-result-lines.js gives an unchanged line's object back), the
 * subscription's lanes keep their items, renumbered to the new result's event and span indices. */

// Per subscription (null: the account): its events, spans and invoices in the result's order,
// with their indices in the result (one pass over each list: a model then reads the records of
// the subscriptions it rebuilds only). `bySub`: subscription -> { events, eventAt, spans, spanAt,
// invoices }; `eventSubs`, `spanSubs`: the subscriptions in the order they first appear in the
// events, in the spans.
export function recordsBySubscription(result) {
  const bySub = new Map(), eventSubs = [], spanSubs = [];
  const of = (x) => {
    const k = x.subscription == null ? null : x.subscription;
    let r = bySub.get(k);
    if (!r) bySub.set(k, r = { sub: k, events: [], eventAt: [], spans: [], spanAt: [], invoices: [] });
    return r;
  };
  const events = result.events || [], spans = result.spans || [], invoices = result.invoices || [];
  for (let i = 0; i < events.length; i++) {
    const r = of(events[i]);
    if (!r.events.length) eventSubs.push(r.sub);
    r.events.push(events[i]); r.eventAt.push(i);
  }
  for (let i = 0; i < spans.length; i++) {
    const r = of(spans[i]);
    if (!r.spans.length) spanSubs.push(r.sub);
    r.spans.push(spans[i]); r.spanAt.push(i);
  }
  for (let i = 0; i < invoices.length; i++) of(invoices[i]).invoices.push(invoices[i]);
  return { bySub, eventSubs, spanSubs };
}

function sameList(a, b) {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// A subscription's records are the last result's: the same events, spans and invoices, in order.
function sameRecords(a, b) {
  return !!a && !!b && sameList(a.events, b.events) && sameList(a.spans, b.spans) && sameList(a.invoices, b.invoices);
}

// The indices of the lanes whose items the last model's lanes at the same place can give: the
// same lane there, and its subscription's records unchanged (`records`: recordsBySubscription's
// bySub, kept in the model as `records`).
export function keptLanes(last, lanes, records, end) {
  const kept = new Set();
  if (!last || !last.records || last.end !== end) return kept;
  const same = new Map();   // subscription -> its records and lanes unchanged
  lanes.forEach((lane, i) => {
    const old = last.lanes[i], sub = lane.subscription == null ? null : lane.subscription;
    if (!old || old.kind !== lane.kind || old.subscription !== lane.subscription || old.product !== lane.product) same.set(sub, false);
    else if (!same.has(sub)) same.set(sub, sameRecords(records.get(sub), last.records.get(sub)));
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
