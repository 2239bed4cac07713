/* embed.html: reads the scenario and the options from the fragment (#z=…&lang=fr&whatif=1,
 * &heading=…, &simulator=0 for no "Open in the simulator" link) and
 * shows one <subsim-timeline>. Tells the parent page its height (postMessage
 * { type: 'subsim-height', height }) for hosts that size their iframe with a script. */
(function () {
  'use strict';
  var C = window.customElements && customElements.get('subsim-timeline');
  var main = document.getElementById('embed');
  function message(text) {
    main.textContent = '';
    var p = document.createElement('p');
    p.className = 'embed-msg';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    main.appendChild(p);
  }
  function show() {
    var f = C.parseFragment(location.hash), p = f.params;
    var lang = p.lang === 'fr' || p.lang === 'en' ? p.lang : ((navigator.language || 'en').slice(0, 2) === 'fr' ? 'fr' : 'en');
    document.documentElement.lang = lang;
    if (!f.text) {
      message(lang === 'fr' ? 'Cette intégration n’a pas de scénario dans son adresse (après le « # »).'
                            : 'This embed has no scenario in its address (after the “#”).');
      return;
    }
    f.text.then(function (text) {
      main.textContent = '';
      var el = document.createElement('subsim-timeline');
      el.setAttribute('lang', lang);
      if (p.whatif === '1' || p.whatif === 'true') el.setAttribute('whatif', '');
      if (p.heading != null) {
        var h = '';
        try { h = decodeURIComponent(p.heading.replace(/\+/g, ' ')); } catch (e) { h = p.heading; }
        el.setAttribute('heading', h);
      }
      if (p.simulator === '0') el.setAttribute('simulator', '');
      el.scenario = text;
      main.appendChild(el);
    }, function (err) {
      message((lang === 'fr' ? 'Le scénario de ce lien est illisible : ' : 'The scenario in this link cannot be read: ') + (err && err.message ? err.message : String(err)));
    });
  }
  if (!C) { message('subsim-embed.js did not load.'); return; }
  show();
  window.addEventListener('hashchange', show);
  if (window.parent !== window && typeof ResizeObserver === 'function') {
    var last = 0;
    new ResizeObserver(function () {
      var h = Math.ceil(document.body.getBoundingClientRect().height);   // the content, not the viewport
      if (h !== last) { last = h; window.parent.postMessage({ type: 'subsim-height', height: h }, '*'); }
    }).observe(document.body);
  }
})();
