/* The timeline's lanes, one SVG each (one for its bars, one above for its markers), laid over
 * the chart (its background, grid and axis). Each is a layer of its own (timeline.css): an edit
 * that redraws a lane paints and rasters that lane alone, not the whole chart. A lane's SVG
 * uses the chart's coordinates (its viewBox starts at the lane's top) and shows what overflows
 * it (a notice's pole runs down across the subscription's product lanes). */
import { svg, SVG_NS } from './dom.js';

// The i-th lane's box in `box` (a div of lanes): { el: <svg>, g: <g> to draw in }, made once.
export function laneBox(box, i) {
  const el = box.children[i] || svg('svg', { class: 'tl-chart tl-lane', xmlns: SVG_NS, focusable: 'false', 'aria-hidden': 'true' }, box);
  let g = el.firstChild;
  if (!g) g = svg('g', null, el);
  return { el, g, at: '' };
}

// Places the lane's SVG over the lane at the chart's width.
export function placeLane(lane, model, width) {
  const at = model.top + ' ' + model.height + ' ' + width;
  if (at === lane.at) return;
  lane.at = at;
  lane.el.setAttribute('width', width);
  lane.el.setAttribute('height', model.height);
  lane.el.setAttribute('viewBox', '0 ' + model.top + ' ' + width + ' ' + model.height);
  lane.el.style.top = model.top + 'px';
}

// Removes the lanes' SVGs past the first `count`.
export function dropLanes(box, count) {
  while (box.children.length > count) box.lastChild.remove();
}

// A lane's SVG with nothing drawn is not displayed: no layer for it.
export function showLane(lane) {
  const empty = !lane.g.firstChild;
  if (lane.empty === empty) return;
  lane.empty = empty;
  lane.el.style.display = empty ? 'none' : '';
}
