/* The contract's shape on a state bar (SPEC-v2 §5, §6): the evergreen phase, drawn as a band along
 * the bar's top from `evergreen_started` on, and the stubs (partial first or last periods),
 * drawn as a hatched part of the bar. Both come from timeline-model.js (markTerms). */
import { svg } from './dom.js';
import { BAR_H } from './timeline-model.js';
import { isoOf } from './dates.js';

export function drawTermOverlays(g, it, x, xa, xb, y, subscription) {
  if (it.evergreen) {
    const a = Math.max(x(it.evergreen.from), xa), b = Math.min(x(it.evergreen.to), xb);
    if (b > a) svg('rect', { x: a, y, width: Math.max(1, b - a), height: 4, class: 'evergreen',
                             'data-from': isoOf(it.evergreen.from), 'data-to': isoOf(it.evergreen.to),
                             'data-subscription': subscription }, g);
  }
  for (const st of it.stubs || []) {
    const a = Math.max(x(st.from), xa), b = Math.min(x(st.to), xb);
    if (b > a) svg('rect', { x: a + 1, y: y + 1, width: Math.max(1, b - a - 2), height: BAR_H - 2, rx: 2, class: 'stub',
                             'data-from': isoOf(st.from), 'data-to': isoOf(st.to), 'data-subscription': subscription }, g);
  }
}

export function termSignature(it) {
  let s = it.evergreen ? 'e' + it.evergreen.from : '';
  for (const st of it.stubs || []) s += 's' + st.from + '-' + st.to;
  return s;
}

// The legend's two swatches.
export function evergreenSwatch(parent, fill) {
  svg('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-active', fill }, parent);
  svg('rect', { x: 0.5, y: 0.5, width: 27, height: 4, class: 'evergreen' }, parent);
}

export function stubSwatch(parent, fill) {
  svg('rect', { x: 0.5, y: 0.5, width: 27, height: 13, rx: 3, class: 'bar st-active', fill }, parent);
  svg('rect', { x: 1.5, y: 1.5, width: 12, height: 11, rx: 2, class: 'stub' }, parent);
}
