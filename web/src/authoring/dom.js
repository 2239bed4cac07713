/* DOM helpers of the authoring tools, following web/src/dom.js (html, button): text is only ever
 * set with textContent. Kept here so this folder bundles on its own. */
let counter = 0;

export function html(name, cls, parent, text) {
  const e = document.createElement(name);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

export function button(cls, parent, text) {
  const b = html('button', cls, parent, text);
  b.type = 'button';
  return b;
}

// A fresh id for label/aria-describedby pairs.
export function uid(prefix) { counter += 1; return 'sa-' + prefix + '-' + counter; }
