/* DOM helpers shared by the page and the embeds. Text from a scenario is only ever set with
 * textContent: nothing it holds is parsed as markup. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

// An HTML element with a class and text, appended to `parent` when given.
export function html(name, cls, parent, text) {
  const e = document.createElement(name);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

// An SVG element with attributes (null ones left out), appended to `parent` when given.
export function svg(name, attrs, parent) {
  const e = document.createElementNS(SVG_NS, name);
  if (attrs) for (const k in attrs) if (attrs[k] != null) e.setAttribute(k, String(attrs[k]));
  if (parent) parent.appendChild(e);
  return e;
}

// Sets an element's text; when it holds one text node, that node's data is changed in place:
// the browser lays the text out again, but makes no new text node (no style recalculation, no new
// layout object), as setting textContent does. Equal text is not written again.
export function setText(el, text) {
  const t = el.firstChild;
  if (t && t === el.lastChild && t.nodeType === 3) { if (t.data !== text) t.data = text; }
  else if (el.textContent !== text) el.textContent = text;
}

// A button of type "button".
export function button(cls, parent, text) {
  const b = html('button', cls, parent, text);
  b.type = 'button';
  return b;
}

// A labelled form field: <label class="wi-field"><span>label</span>control</label>.
export function field(parent, label, control, cls) {
  const l = html('label', 'wi-field' + (cls ? ' ' + cls : ''), parent);
  const s = html('span', null, l, label);
  l.appendChild(control);
  return { label: l, span: s };
}

// Escapes a value for a double-quoted HTML attribute in generated embed code.
export function escapeAttr(v) {
  return String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Runs fn once the browser is idle after the next frame (the work a reader does not wait for:
// lists below the fold, marks that need one more simulation). Returns a cancel function.
export function afterPaint(fn) {
  let idle = 0, timer = 0;
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 300 });
    else timer = setTimeout(fn, 0);
  });
  return () => { cancelAnimationFrame(frame); if (idle) cancelIdleCallback(idle); clearTimeout(timer); };
}
