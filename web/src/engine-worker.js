/* subsim-worker.js: the engine in a Web Worker, for texts that arrive from outside (share links,
 * opened files): the first simulation runs here, so a scenario that asks for too much is stopped
 * (the worker is terminated) while the page, or the article around an embed, stays responsive.
 * Message in: { text, lang, base, maxChars, today } (today: the reader's date, SPEC-v2 §8.2); out: { result, narration } (the module's JSON texts),
 * { tooBig: length } for an answer over maxChars characters, or { error }. */
/* global importScripts, SubSim */
let engine = null;

function load(base) {
  if (!engine) {
    importScripts(base + 'subsim.js');
    engine = SubSim({ locateFile: (p) => base + p });
  }
  return engine;
}

self.onmessage = (e) => {
  const { text, lang, base, maxChars, today } = e.data;
  load(base).then((m) => {
    const result = m.simulate(text, today);
    if (result.length > maxChars) { self.postMessage({ tooBig: result.length }); return; }
    const narration = result.indexOf('"errors"') === 0 || /^\{\s*"errors"/.test(result) ? null : m.narration(text, lang, today);
    self.postMessage({ result, narration });
  }).catch((err) => self.postMessage({ error: err && err.message ? err.message : String(err) }));
};
