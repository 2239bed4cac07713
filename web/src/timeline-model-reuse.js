/* What a timeline model can keep from the one before it (an edit of the same scenario). A lane
 * is drawn from its subscription's records only (events, spans, invoices; the account lane from
 * the events of no subscription) and the scenario's end: when those records are the same objects
 * as in the last result (engine-result-lines.js gives an unchanged line's object back), the
 * subscription's lanes keep their items, renumbered to the new result's event and span indices. */

// Per subscription (null: the account), its events, spans and invoices in the result's order.
export function recordsBySubscription(result) {
  const by = new Map();
  const add = (x) => {
    const k = x.subscription == null ? null : x.subscription;
    let list = by.get(k);
    if (!list) by.set(k, list = []);
    list.push(x);
  };
  (result.events || []).forEach(add);
  (result.spans || []).forEach(add);
  (result.invoices || []).forEach(add);
  return by;
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
// record's index in the new result.
export function takeLanes(lanes, lastLanes, kept, events, spans) {
  const at = new Map();
  events.forEach((e, i) => at.set(e, i));
  spans.forEach((s, i) => at.set(s, i));
  for (const i of kept) {
    const old = lastLanes[i], lane = lanes[i];
    lane.items = old.items;
    lane.sig = old.sig;
    for (const it of lane.items) {
      if (it.kind === 'bar') it.span = at.get(it.record);
      else it.event = at.get(it.record);
    }
  }
}
