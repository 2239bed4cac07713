/* Timeline markers: one SVG path per marker kind (and per part of its shape) per lane and band of
 * the drawn window (drawn by timeline-mark-bands.js), whatever the number of events, so a dense
 * lane costs a few nodes. Markers of one kind closer than MERGE_PX are one marker (a cluster);
 * different kinds on one date sit side by side. Which item is under the pointer is found from
 * coordinates (Timeline.itemAt), not from per-marker nodes. */
import { svg } from './dom.js';
import { isoOf } from './dates.js';

export const MERGE_PX = 7;
export const MARKER_KINDS = ['invoice', 'reminder', 'email', 'refusal', 'notice', 'notice_missed', 'request', 'milestone',
  'payment_failed', 'payment_retry', 'law_warning'];

export function isNotice(kind) { return kind === 'notice' || kind === 'notice_missed'; }
// Items drawn as spans, not markers: state bars and legal windows (SPEC-v2 §7).
export function isSpan(kind) { return kind === 'bar' || kind === 'law_window'; }

// Vertical centre of a marker: notice flags fly at the top of the lane, the rest sit lower.
export function markerY(lane, kind) {
  if (isNotice(kind)) return lane.top + 9;
  return lane.kind === 'product' ? lane.top + lane.height / 2 : lane.top + lane.height / 2 + 3;
}

export const circle = (x, y, r) => 'M' + (x - r) + ' ' + y + 'a' + r + ' ' + r + ' 0 1 0 ' + 2 * r + ' 0a' + r + ' ' + r + ' 0 1 0 ' + -2 * r + ' 0z';

// A polygon of points [dx, dy] around (x, cy), scaled by k about (x + ox, cy + oy): its first
// point, then each next one relative to the one before (the same for every marker of a kind and
// size: made once).
const round = (v) => Math.round(v * 100) / 100;
const shape = (points, ox = 0, oy = 0) => ({ points, ox, oy, bySize: new Map() });
function polygon(x, cy, sh, k) {
  let rel = sh.bySize.get(k);
  if (rel === undefined) {
    const at = ([dx, dy]) => [sh.ox + (dx - sh.ox) * k, sh.oy + (dy - sh.oy) * k], xy = sh.points.map(at);
    rel = { x0: xy[0][0], y0: xy[0][1], d: xy.slice(1).map(([px, py], i) => 'l' + round(px - xy[i][0]) + ' ' + round(py - xy[i][1])).join('') + 'z' };
    sh.bySize.set(k, rel);
  }
  return 'M' + round(x + rel.x0) + ' ' + round(cy + rel.y0) + rel.d;
}
const REMINDER = shape([[-5.5, -4.5], [5.5, -4.5], [0, 5]], 0, -1.3), REQUEST = shape([[0, -6], [6, 0], [0, 6], [-6, 0]]);
const LAW_WARNING = shape([[0, -6.5], [6.5, 5.5], [-6.5, 5.5]], 0, 1.63), NOTICE = shape([[0, -6], [9, -6], [6.5, -2.5], [9, 1], [0, 1]], 4.5, -2.5);

// The path data of one marker: { shape, extra } (extra: the email flap, the refusal cross, the
// notice pole). `grow`: the shape's outline moved out (or in, below 0) by that many px, for the
// white halo under a lane's markers (timeline.css: a filled halo rasters much faster than a stroke).
export function markerPath(kind, x, cy, poleBottom, grow = 0) {
  const g = grow;
  switch (kind) {
    case 'invoice': return { shape: circle(x, cy, 5 + g) };
    case 'reminder': return { shape: polygon(x, cy, REMINDER, 1 + g / 3) };
    case 'email': return { shape: 'M' + (x - 5.5 - g) + ' ' + (cy - 4 - g) + 'h' + (11 + 2 * g) + 'v' + (8 + 2 * g) + 'h' + (-11 - 2 * g) + 'z', extra: 'M' + (x - 5.5) + ' ' + (cy - 4) + 'l5.5 4.5l5.5 -4.5' };
    case 'refusal': return { shape: circle(x, cy, 6 + g), extra: 'M' + (x - 3) + ' ' + (cy - 3) + 'l6 6M' + (x + 3) + ' ' + (cy - 3) + 'l-6 6' };
    case 'request': return { shape: polygon(x, cy, REQUEST, 1 + g * Math.SQRT2 / 6) };
    // A failed payment: a coin struck through; a retry that went through: a coin with a tick.
    case 'payment_failed': return { shape: circle(x, cy, 5.5 + g), extra: 'M' + (x - 3.5) + ' ' + (cy + 3.5) + 'l7 -7' };
    case 'payment_retry': return { shape: circle(x, cy, 5.5 + g), extra: 'M' + (x - 3) + ' ' + cy + 'l2 2.5l4 -5' };
    case 'law_warning': return { shape: polygon(x, cy, LAW_WARNING, 1 + g / 3.87), extra: 'M' + x + ' ' + (cy - 2.5) + 'v4M' + x + ' ' + (cy + 3) + 'v0.5' };
    case 'notice': case 'notice_missed':
      return { shape: polygon(x, cy, NOTICE, 1 + g / 3.5), extra: 'M' + x + ' ' + (cy - 6) + 'V' + (poleBottom != null ? poleBottom : cy + 8) };
    default: return { shape: 'M' + (x - 4.5 - g) + ' ' + (cy - 4.5 - g) + 'h' + (9 + 2 * g) + 'v' + (9 + 2 * g) + 'h' + (-9 - 2 * g) + 'z' };
  }
}
// Half the width of the white outline each marker had as a stroke (its halo now).
export const HALO = 0.6;
export const EXTRA_CLASS = { email: 'mk-email-flap', refusal: 'mk-refusal-x', payment_failed: 'mk-pay-x', payment_retry: 'mk-pay-x', law_warning: 'mk-law-mark', notice: 'mk-notice-pole mk-notice', notice_missed: 'mk-notice-pole mk-notice_missed' };

// Markers of different kinds on nearby dates sit side by side, SIDE_PX apart; each moves at most
// SIDE_PX right of its own date, so a dense lane overlaps its markers instead of pushing them past
// their dates and off the chart.
const SIDE_PX = 11;

// Clusters of one lane between days d0 and d1, placed: [{ kind, x, items }].
export function laneClusters(lane, d0, d1, xOf) {
  const last = {}, clusters = [];
  for (const it of lane.items) {
    if (isSpan(it.kind) || it.from < d0 || it.from > d1) continue;
    const x = xOf(it.from), c = last[it.kind];
    if (c && x - c.x0 < MERGE_PX) { c.items.push(it); continue; }
    clusters.push(last[it.kind] = { kind: it.kind, x, x0: x, items: [it] });
  }
  clusters.sort((a, b) => a.x - b.x);
  let prevX = -Infinity;
  for (const c of clusters) {
    if (isNotice(c.kind)) continue;
    if (c.x < prevX + SIDE_PX) c.x = Math.min(prevX + SIDE_PX, c.x0 + SIDE_PX);
    prevX = c.x;
  }
  return clusters;
}

// One marker of `kind` alone in a small SVG (the legend).
export function markerSwatch(kind, parent) {
  const s = svg('svg', { width: 22, height: 18, class: 'legend-swatch', 'aria-hidden': 'true', focusable: 'false' }, parent);
  const p = markerPath(kind, isNotice(kind) ? 7 : 11, 9, 17);
  if (p.extra && isNotice(kind)) svg('path', { d: p.extra, class: EXTRA_CLASS[kind] }, s);
  svg('path', { d: p.shape, class: 'mk-shape mk-' + kind }, s);
  if (p.extra && !isNotice(kind)) svg('path', { d: p.extra, class: EXTRA_CLASS[kind] }, s);
  return s;
}
