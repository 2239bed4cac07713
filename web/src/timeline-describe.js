/* Text describing a timeline item, for the tooltip and the screen-reader live region: interface
 * labels (lane, state, dates) and, for a marker, the narrator's sentence for its event. */
import { isoOf } from './dates.js';
import { isNotice } from './timeline-marks.js';

function laneName(ctx, lane) {
  if (lane.kind === 'account') return ctx.ui.accountLane;
  if (lane.kind === 'subscription') return ctx.subName(lane.subscription);
  return ctx.productName(lane.product) + ' — ' + ctx.subName(lane.subscription);
}

function describeBar(ctx, m, it, where) {
  const last = it.to - 1, days = it.to - it.from;
  let range = last === it.from ? ctx.date(isoOf(it.from)) : ctx.ui.fromTo(ctx.date(isoOf(it.from)), ctx.date(isoOf(last)));
  if (it.to >= m.end) range = ctx.ui.fromTo(ctx.date(isoOf(it.from)), '…');
  let body = range + ' (' + ctx.ui.dayCount(days) + ')';
  if (it.grace) body += ' — ' + ctx.ui.graceUntil(ctx.date(isoOf(it.grace.to - 1)));
  if (it.suspended) body += ' — ' + ctx.ui.accessSuspended;   // SPEC-v2 §4.4 access_during_dunning false
  if (it.evergreen) body += ' — ' + ctx.ui.evergreenSince(ctx.date(isoOf(it.evergreen.from)));
  for (const st of it.stubs || []) body += ' — ' + ctx.ui.stubSpan(ctx.date(isoOf(st.from)), ctx.date(isoOf(st.to - 1)));
  return { title: where + ': ' + ctx.state(it.state), body };
}

// The last item of a cluster of `count` markers of one kind starting at `it`.
export function clusterEnd(model, it, count) {
  const items = model.lanes[it.lane].items;
  let seen = 0, lastIt = it;
  for (let j = it.index; j < items.length && seen < count; j++) if (items[j].kind === it.kind) { lastIt = items[j]; seen++; }
  return lastIt;
}

export function describeItem(tl, it, count) {
  const ctx = tl.ctx, m = tl.model, where = laneName(ctx, m.lanes[it.lane]);
  if (it.kind === 'bar') return describeBar(ctx, m, it, where);
  if (it.kind === 'law_window') {   // the narrator's sentence names the article and what the customer may do
    const last = it.to >= m.end ? '…' : ctx.date(isoOf(it.to - 1));
    return { title: ctx.ui.lawWindow(ctx.lawWindowLabel(it.window)) + ' — ' + ctx.ui.fromTo(ctx.date(isoOf(it.from)), last),
             body: where + ' — ' + ctx.sentence(it.event) };
  }
  const ev = m.events[it.event];
  if (isNotice(it.kind)) return { title: ctx.markerLabel(it.kind) + ': ' + ctx.date(isoOf(it.from)), body: where + ' — ' + ctx.sentence(it.event) };
  let title = ctx.typeLabel(ev.type) + ' — ' + ctx.date(ev.date);
  if (count > 1) {
    const lastIt = clusterEnd(m, it, count);
    title = ctx.ui.clusterOf(count, ctx.markerLabel(it.kind)) + ' — ' + ctx.ui.fromTo(ctx.date(ev.date), ctx.date(isoOf(lastIt.from)));
  }
  return { title, body: where + ' — ' + ctx.sentence(it.event) };
}
