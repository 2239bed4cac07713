/* embed.html: reads the scenario and the options from the fragment (#z=…&lang=fr&whatif=1,
 * &heading=…, &simulator=0) and shows one <subsim-timeline>, in the compact layout (the what-if
 * answer above the chart, the page a scrolling region at the iframe's size). A damaged link is
 * said at the top in the reader's language; no default scenario replaces it. Tells the parent
 * page its height (postMessage { type: 'subsim-height', height }) for hosts that want it. */
import { parseFragment, param } from './share-link.js';
import { UI, languageOf } from './strings.js';
import './embed-element.js';
import { loadEngine, baseOf } from './engine.js';
import { guard } from './engine-guard.js';

const main = document.getElementById('embed');

function message(text) {
  main.textContent = '';
  const p = document.createElement('p');
  p.className = 'embed-msg';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  main.appendChild(p);
}

function show() {
  const f = parseFragment(location.hash), p = f.params;
  const lang = languageOf(param(p, 'lang')) || languageOf(navigator.language) || 'en';
  const u = UI[lang];
  document.documentElement.lang = lang;
  if (!f.text) { message(u.embedNoLink); return; }
  // The link's text is simulated first in a worker with a time budget: a scenario asking for too
  // much is stopped there, and the article around the iframe stays responsive.
  const base = baseOf(document.currentScript ? document.currentScript.src : location.href);
  const engine = loadEngine(base);   // loads and compiles while the link's text is decompressed
  engine.catch(() => {});
  Promise.all([f.text, engine]).then(([text, e]) => guard(e, base, text, lang).then(() => text)).then((text) => {
    main.textContent = '';
    const el = document.createElement('subsim-timeline');
    el.setAttribute('lang', lang);
    el.setAttribute('compact', '');
    if (p.whatif === '1' || p.whatif === 'true') el.setAttribute('whatif', '');
    const heading = param(p, 'heading');
    if (heading != null) el.setAttribute('heading', heading);
    if (p.simulator === '0') el.setAttribute('simulator', '');
    el.scenario = text;
    main.appendChild(el);
  }, (err) => {
    const say = err && err.code && u.linkBroken[err.code];
    message(typeof say === 'function' ? say(err.limit) : (say || u.linkBroken.damaged));
  });
}

function reportHeight() {
  if (window.parent === window || typeof ResizeObserver !== 'function') return;
  let last = 0;
  new ResizeObserver(() => {
    const h = Math.ceil(main.scrollHeight);   // the content, not the viewport
    if (h !== last) { last = h; window.parent.postMessage({ type: 'subsim-height', height: h }, '*'); }
  }).observe(main);
}

show();
window.addEventListener('hashchange', show);
reportHeight();
