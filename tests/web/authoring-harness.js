'use strict';
/* Mounts the authoring tools the way web/src/authoring/README.md tells the page to: the authors'
 * engine (subsim-authoring.js, which the page loads lazily; here at once)
 * first, authoring.js only when the author opens the tools, then the builder and the editor kept
 * in step, and the export buttons reading the editor's text. */
(function () {
  const status = document.getElementById('status');
  const langSelect = document.getElementById('lang');
  let engine = null, tools = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('cannot load ' + src));
      document.head.appendChild(s);
    });
  }

  function open() {
    if (tools) return Promise.resolve(tools);
    return loadScript('authoring.js').then(() => {
      const A = window.SubsimAuthoring;
      const lang = langSelect.value;
      const start = A.templateText(A.templates.length - 1, lang);
      let editor = null;
      const builder = A.mountBuilder(document.getElementById('builder'), {
        text: start, lang, engine, onChange: (text) => editor.setText(text),
      });
      editor = A.mountEditor(document.getElementById('editor'), {
        text: start, lang, engine, onChange: (text) => builder.setText(text),
      });
      const exportsPanel = A.mountExports(document.getElementById('exports'), { engine, lang, getText: () => editor.getText() });
      tools = { builder, editor, exportsPanel };
      window.__tools = tools;
      document.body.dataset.tools = 'open';
      return tools;
    });
  }

  langSelect.addEventListener('change', () => {
    document.documentElement.lang = langSelect.value;
    if (tools) for (const t of Object.values(tools)) t.setLang(langSelect.value);
  });
  document.getElementById('open').addEventListener('click', () => { open().catch((e) => { status.textContent = String(e); }); });

  window.SubSimAuthoring({ locateFile: (p) => p }).then((m) => {
    engine = m;
    status.textContent = 'Engine ready.';
    document.body.dataset.ready = 'true';
  }, (e) => {
    status.textContent = 'The engine could not be loaded: ' + e;
    document.body.dataset.ready = 'false';
  });
})();
