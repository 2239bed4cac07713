/* The timeline's legend: the engine's states (catalogue()) with their bar swatch, the grace
 * window, and every marker kind. */
import { html, svg } from './dom.js';
import { FALLBACK_STATES } from './timeline-model.js';
import { MARKER_KINDS, markerSwatch } from './timeline-marks.js';
import { evergreenSwatch, stubSwatch } from './timeline-terms.js';

export function drawLegend(container, ctx, fills) {
  container.textContent = '';
  const ul = html('ul', 'legend-list', container);
  const states = ctx.catalogue && Array.isArray(ctx.catalogue.states) ? ctx.catalogue.states : FALLBACK_STATES;
  const swatch = (li) => svg('svg', { width: 28, height: 14, class: 'legend-swatch', 'aria-hidden': 'true', focusable: 'false' }, li);
  for (const st of states) {
    const li = html('li', null, ul);
    li.setAttribute('data-state', st);
    svg('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-' + st, fill: fills[st] || null }, swatch(li));
    html('span', null, li, ctx.state(st));
  }
  const gli = html('li', null, ul), gs = swatch(gli);
  svg('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-expired', fill: fills.expired }, gs);
  svg('rect', { x: 1.5, y: 1.5, width: 25, height: 11, rx: 2, class: 'grace' }, gs);
  html('span', null, gli, ctx.ui.graceLegend);
  const lli = html('li', null, ul);
  lli.setAttribute('data-kind', 'law_window');
  svg('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'law-band' }, swatch(lli));
  html('span', null, lli, ctx.ui.lawWindowLegend);
  const eli = html('li', null, ul);
  eli.setAttribute('data-legend', 'evergreen');
  evergreenSwatch(swatch(eli), fills.active);
  html('span', null, eli, ctx.ui.evergreenLegend);
  const sli = html('li', null, ul);
  sli.setAttribute('data-legend', 'stub');
  stubSwatch(swatch(sli), fills.active);
  html('span', null, sli, ctx.ui.stubLegend);
  for (const k of MARKER_KINDS) {
    const li = html('li', null, ul);
    markerSwatch(k, li);
    html('span', null, li, ctx.markerLabel(k));
  }
}
