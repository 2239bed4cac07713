/* A lane's markers, drawn in BANDS bands of the drawn window, left to right. Per part of the
 * drawing (the rings of stacked markers, the white halos, each kind's shape and its extra) the
 * lane has one group of BANDS paths, one per band; a band's paths are written again only when its
 * clusters changed. An edit moving one marker thus rewrites a band's paths, not the lane's: the
 * browser parses, lays out, paints and rasters that part of the lane alone. The parts keep the
 * order of one path per part (all rings, then all halos, then the kinds in the order they first
 * appear), so markers overlap as before; paths of one part in two bands have the same fill. */
import { svg } from './dom.js';
import { isoOf } from './dates.js';
import { markerPath, markerY, isNotice, circle, HALO, EXTRA_CLASS } from './timeline-marks.js';

export const BANDS = 4;

// The clusters of each band, by their (placed) x in the drawn window [x0, x1).
function bandsOf(clusters, x0, x1) {
  const out = [], w = (x1 - x0) / BANDS;
  for (let b = 0; b < BANDS; b++) out.push([]);
  for (const c of clusters) out[Math.max(0, Math.min(BANDS - 1, Math.floor((c.x - x0) / w)))].push(c);
  return out;
}

const stacked = (c) => c.items.length > 1 && !isNotice(c.kind);

// Whether a band's clusters draw what the last ones drew (compared as numbers: no strings made).
function sameClusters(last, clusters) {
  if (!last || last.length !== clusters.length) return false;
  for (let i = 0; i < last.length; i++) {
    const a = last[i], c = clusters[i];
    if (a.kind !== c.kind || a.x !== c.x || stacked(a) !== stacked(c)) return false;
  }
  return true;
}

// The lane's parts in drawing order: [{ role, cls, kind }] (kind: the group it is in, null: under).
function partsOf(clusters) {
  const kinds = [], parts = [];
  for (const c of clusters) if (kinds.indexOf(c.kind) < 0) kinds.push(c.kind);
  if (clusters.some(stacked)) parts.push({ role: 'ring', cls: 'mk-stack-ring', kind: null }, { role: 'inside', cls: 'mk-stack', kind: null });
  if (clusters.length) parts.push({ role: 'halo', cls: 'mk-halo', kind: null });
  for (const kind of kinds) {
    const shape = { role: kind, cls: 'mk-shape mk-fill mk-' + kind, kind }, extra = EXTRA_CLASS[kind] && { role: kind + '+', cls: EXTRA_CLASS[kind], kind };
    if (extra && isNotice(kind)) parts.push(extra, shape); else parts.push(shape, ...(extra ? [extra] : []));
  }
  return { kinds, parts };
}

// One band's path data per part's role.
function bandData(lane, clusters) {
  const d = {};
  const add = (role, s) => { d[role] = (d[role] || '') + s; };
  for (const c of clusters) {
    const cy = markerY(lane, c.kind), pole = isNotice(c.kind) ? lane.groupBottom - 2 : null, p = markerPath(c.kind, c.x, cy, pole, -HALO);
    add(c.kind, p.shape);
    if (p.extra) add(c.kind + '+', p.extra);
    add('halo', markerPath(c.kind, c.x, cy, pole, HALO).shape);
    if (stacked(c)) { add('ring', circle(c.x, cy, 8.5 + HALO)); add('inside', circle(c.x, cy, 8.5 - HALO)); }
  }
  return d;
}

// The lane's groups and paths, made again when its parts (or its place) change: box.bands.
function structure(box, lane, laneIndex, kinds, parts) {
  const g = box.g;
  g.textContent = '';
  const st = { key: '', bands: [], paths: new Map(), groups: new Map() };
  const under = parts.length ? svg('g', { class: 'mk-under' }, g) : null;
  for (const kind of kinds) st.groups.set(kind, null);
  for (const part of parts) {
    let grp = part.kind == null ? under : st.groups.get(part.kind);
    if (!grp) st.groups.set(part.kind, grp = svg('g', { class: 'mk mk-g-' + part.kind, 'data-lane': laneIndex, 'data-kind': part.kind }, g));
    const paths = [];
    for (let b = 0; b < BANDS; b++) paths.push(svg('path', { class: part.cls }, grp));
    st.paths.set(part.role, paths);
  }
  return st;
}

// Draws one lane's clusters into box.g (a lane's SVG: timeline-lanes.js), rewriting only the
// bands whose clusters changed since the last drawing of this box.
export function drawLaneMarkers(box, lane, laneIndex, clusters, x0, x1) {
  const { kinds, parts } = partsOf(clusters);
  const key = [lane.top, lane.kind, lane.groupBottom, laneIndex, x0, x1].join(' ') + '|' + parts.map((p) => p.role).join(' ');
  let st = box.bands;
  if (!st || st.key !== key) { st = box.bands = structure(box, lane, laneIndex, kinds, parts); st.key = key; }
  bandsOf(clusters, x0, x1).forEach((cs, b) => {
    if (sameClusters(st.bands[b], cs)) return;
    st.bands[b] = cs;
    const d = bandData(lane, cs);
    st.paths.forEach((paths, role) => {
      const v = d[role] || '';
      if ((paths[b].getAttribute('d') || '') !== v) { if (v) paths[b].setAttribute('d', v); else paths[b].removeAttribute('d'); }
    });
  });
  // What the tests and readers of the DOM see per kind: how many markers, the first one's date.
  const count = new Map(), first = new Map();
  for (const c of clusters) { count.set(c.kind, (count.get(c.kind) || 0) + 1); if (!first.has(c.kind)) first.set(c.kind, c.items[0]); }
  st.groups.forEach((grp, kind) => {
    const n = String(count.get(kind)), date = isoOf(first.get(kind).from);
    if (grp.getAttribute('data-count') !== n) grp.setAttribute('data-count', n);
    if (grp.getAttribute('data-date') !== date) grp.setAttribute('data-date', date);
  });
  return clusters.length;
}
