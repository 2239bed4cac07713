/* The timeline's date axis and grid: the finest unit whose ticks stay readable at the current
 * zoom, minor labels (days, months, quarters, years) and major ones (months, years), the major
 * label of the period at the left edge sticking to it. Label widths are estimated from their
 * length: nothing here reads layout. */
import { svg } from './dom.js';
import { DAY_MS } from './dates.js';
import { AXIS_H } from './timeline-model.js';

// Axis units, finest first: [name, step, minimum px between two ticks].
const UNITS = [
  ['day', 1, 24], ['week', 1, 30], ['month', 1, 44], ['month', 3, 34], ['month', 6, 34],
  ['year', 1, 42], ['year', 2, 42], ['year', 5, 42], ['year', 10, 42], ['year', 20, 42], ['year', 50, 42],
];
const APPROX_DAYS = { day: 1, week: 7, month: 30.44, year: 365.25 };

export function ticks(unit, step, d0, d1) {
  var out = [], t, dt, y, m;
  if (unit === 'day') {
    for (t = d0; t <= d1; t++) out.push(t);
  } else if (unit === 'week') {
    dt = new Date(d0 * DAY_MS);
    t = d0 - ((dt.getUTCDay() + 6) % 7);            // Monday on or before d0
    for (; t <= d1; t += 7) out.push(t);
  } else if (unit === 'month') {
    dt = new Date(d0 * DAY_MS);
    y = dt.getUTCFullYear(); m = dt.getUTCMonth() - (dt.getUTCMonth() % step);
    for (;;) {
      t = Math.round(Date.UTC(y, m, 1) / DAY_MS);
      if (t > d1) break;
      out.push(t);
      m += step; if (m >= 12) { y += Math.floor(m / 12); m %= 12; }
    }
  } else {
    dt = new Date(d0 * DAY_MS);
    y = dt.getUTCFullYear(); y -= ((y % step) + step) % step;
    for (;; y += step) {
      t = Math.round(Date.UTC(y, 0, 1) / DAY_MS);
      if (t > d1) break;
      out.push(t);
    }
  }
  return out;
}

function chooseUnit(ppd) {
  for (const u of UNITS) if (APPROX_DAYS[u[0]] * u[1] * ppd >= u[2]) return u;
  return UNITS[UNITS.length - 1];
}

function minorLabel(unit, dt, fmt, lang) {
  if (unit[0] === 'day' || unit[0] === 'week') return String(dt.getUTCDate());
  if (unit[0] === 'month' && unit[1] === 1) return fmt.monthShort.format(dt).replace(/\.$/, '');
  if (unit[0] === 'month') return (lang === 'fr' ? (unit[1] === 3 ? 'T' : 'S') : (unit[1] === 3 ? 'Q' : 'H')) + (Math.floor(dt.getUTCMonth() / unit[1]) + 1);
  return fmt.year.format(dt);
}

function drawMinor(tl, g, grid, unit, d0, d1) {
  const m = tl.model, bottom = m.height;
  for (const t of ticks(unit[0], unit[1], Math.max(d0, m.start - 400), Math.min(d1, m.end + 400))) {
    const x = Math.round(tl.x(t)) + 0.5;
    svg('line', { x1: x, x2: x, y1: AXIS_H - 8, y2: bottom, class: 'grid-minor' }, grid);
    const label = minorLabel(unit, new Date(t * DAY_MS), tl.fmt, tl.ctx.lang);
    if (x < 0 || x + 6 + label.length * 6.5 > tl.width) continue;   // no label cut at either end
    svg('text', { x: x + 4, y: AXIS_H - 10, class: 'axis-minor' }, g).textContent = label;
  }
}

// The label of the period containing the left edge sticks to the edge, so the month or year in
// view is always named; it gives way to the next label, and is left out rather than cut.
function drawMajor(tl, g, grid, majorUnit, d0, d1, scrollLeft) {
  const m = tl.model, f = tl.fmt, w = tl.window;
  const major = ticks(majorUnit, 1, Math.max(d0, m.start - 400) - 370, Math.min(d1, m.end + 400));
  const fmtMajor = majorUnit === 'year' ? f.year : (APPROX_DAYS[majorUnit] * tl.ppd > 150 ? f.monthLong : f.monthYear);
  const stickyX = scrollLeft + 4;
  major.forEach((t, k) => {
    const x = Math.round(tl.x(t)) + 0.5;
    if (t >= d0) svg('line', { x1: x, x2: x, y1: 0, y2: m.height, class: 'grid-major' }, grid);
    const next = major[k + 1] != null ? tl.x(major[k + 1]) : Infinity;
    const sticky = x < stickyX && next > stickyX;
    if (!sticky && (x + 204 < w.x0 || x + 4 > w.x1)) return;
    const label = fmtMajor.format(new Date(t * DAY_MS));
    const lx = sticky ? Math.max(x + 4, Math.min(stickyX, next - 10 - label.length * 8.4)) : x + 4;
    if (sticky && lx < scrollLeft) return;   // pushed past the edge by the next label: none cut
    svg('text', { x: lx, y: 15, class: 'axis-major' }, g).textContent = label;
  });
}

export function drawAxis(tl, d0, d1, scrollLeft) {
  const g = tl.gAxis, grid = tl.gGrid;
  g.textContent = ''; grid.textContent = '';
  svg('rect', { x: 0, y: 0, width: tl.width, height: AXIS_H, class: 'axis-bg' }, g);
  svg('line', { x1: 0, x2: tl.width, y1: AXIS_H - 0.5, y2: AXIS_H - 0.5, class: 'axis-line' }, g);
  const unit = chooseUnit(tl.ppd);
  drawMinor(tl, g, grid, unit, d0, d1);
  const majorUnit = unit[0] === 'day' || unit[0] === 'week' ? 'month' : (unit[0] === 'month' ? 'year' : null);
  if (majorUnit) drawMajor(tl, g, grid, majorUnit, d0, d1, scrollLeft);
}
