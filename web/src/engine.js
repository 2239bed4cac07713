/* Loads the WebAssembly engine once per document, for the page and every embed: the Emscripten
 * glue (subsim.js) and the binary, found at `base` (the directory holding subsim's files). The
 * authors' module (subsim-authoring.js, AUTHORING_MODULE) loads the same way, when the authoring
 * tools are opened.
 * The glue and the binary load side by side, and the binary compiles while the glue and the page
 * still load; the module is then instantiated from the compiled code (Emscripten's
 * instantiateWasm hook). The binary streams from subsim.wasm when the page and the files share an
 * origin; from file:// (where fetch is refused) or another origin (where a fetch without CORS
 * headers fails loudly) it comes from subsim-wasm.js, a script holding it in base64, which loads
 * anywhere. */
const enginePromises = {};

// A module's files: its glue, the factory the glue defines, its binary, the base64 script and its
// global.
export const READER_MODULE = { glue: 'subsim.js', factory: 'SubSim', wasm: 'subsim.wasm', embedded: 'subsim-wasm.js', base64: 'SUBSIM_WASM_BASE64' };
export const AUTHORING_MODULE = { glue: 'subsim-authoring.js', factory: 'SubSimAuthoring', wasm: 'subsim-authoring.wasm', embedded: 'subsim-authoring-wasm.js', base64: 'SUBSIM_AUTHORING_WASM_BASE64' };

// Runs `fn` once the script running now has returned, before the page goes on (a microtask).
// Chromium records the JavaScript stack of each request a script makes (its ad tagging), which
// costs V8 the source positions of every function on that stack: from a bundle's top level, that
// is the whole bundle, 10-20 ms of the main thread on the first request of a visit. From a
// microtask the stack is `fn` alone. A script requested this way while the head is parsed still
// blocks rendering (`blocking`).
function afterThisScript(fn) {
  return Promise.resolve().then(fn);
}

// Loads a classic script. `blocking`: the page is not rendered before it has run (only while the
// document's head is parsed: a page that loads its engine from disk shows its first scenario in
// its first frame instead of drawing the page twice).
export function loadScript(src, blocking) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    if (blocking) s.setAttribute('blocking', 'render');
    s.onload = () => { s.remove(); resolve(); };
    s.onerror = () => { s.remove(); reject(new Error('cannot load ' + src)); };
    afterThisScript(() => document.head.appendChild(s));
  });
}

// The engine's bytes from base64: the browser's own decoder where it has one, else atob.
function base64Bytes(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64), n = bin.length, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// The embedded bytes, compiled as soon as their script has run: synchronously while the page is
// not rendered yet (`blocking`: the first frame then has the engine's answer), else in the
// background. Resolves to a WebAssembly.Module, or { bytes } when compiling failed here.
function compiledFromEmbedded(base, m, blocking) {
  const ready = typeof window[m.base64] === 'string' ? Promise.resolve() : loadScript(base + m.embedded, blocking);
  return ready.then(() => {
    performance.mark('subsim-engine-bytes');
    const bytes = base64Bytes(window[m.base64]);
    if (blocking) {
      try { return new WebAssembly.Module(bytes); } catch (e) { /* past the browser's size limit: below */ }
    }
    return WebAssembly.compile(bytes).catch(() => ({ bytes }));
  });
}

// The binary fetched and compiled while it downloads (same origin, over http(s)); null when that
// fails (a server without the wasm MIME type compiles from the downloaded bytes instead).
function compiledFromServer(base, m) {
  return afterThisScript(() => fetch(base + m.wasm, { credentials: 'same-origin' })).then((r) => {
    if (!r.ok) throw new Error(m.wasm + ': ' + r.status);
    if (/application\/wasm/.test(r.headers.get('content-type') || '')) return WebAssembly.compileStreaming(r);
    return r.arrayBuffer().then((b) => WebAssembly.compile(b));
  }).catch(() => null);
}

// True when subsim.wasm can be fetched from `base`: same origin, over http(s).
export function canStream(base, here) {
  let url;
  try { url = new URL(base, here); } catch (e) { return false; }
  return /^https?:$/.test(url.protocol) && url.origin === new URL(here).origin;
}

// The module instantiated from compiled code, or from bytes (`{ bytes }`).
function instantiate(base, m, code) {
  if (!(code instanceof WebAssembly.Module)) return window[m.factory]({ wasmBinary: code.bytes, locateFile: (p) => base + p });
  return new Promise((resolve, reject) => {
    window[m.factory]({
      locateFile: (p) => base + p,
      instantiateWasm: (imports, done) => {
        // Synchronously where allowed (the first frame then has the engine), else in the background.
        let instance = null;
        try { instance = new WebAssembly.Instance(code, imports); } catch (e) { /* not allowed here */ }
        if (instance) done(instance, code);
        else WebAssembly.instantiate(code, imports).then((i) => done(i, code), reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

// The engine module (a promise; the same one for every caller of the document), the reader's by
// default. `blocking` (for a page loading from disk, called while its head is parsed): the
// page's first frame waits for the engine's files.
export function loadEngine(base, m = READER_MODULE, blocking = false) {
  if (enginePromises[m.glue]) return enginePromises[m.glue];
  const streams = canStream(base, location.href);
  blocking = blocking && !streams;
  const glue = typeof window[m.factory] === 'function' ? Promise.resolve() : loadScript(base + m.glue, blocking);
  // The binary loads and compiles beside the glue: fetched from the server, else embedded.
  const compiled = streams ? compiledFromServer(base, m) : compiledFromEmbedded(base, m, blocking);
  compiled.catch(() => {});
  const promise = Promise.all([glue, compiled]).then(([, code]) => {
    if (typeof window[m.factory] !== 'function') throw new Error(m.glue + ' is missing');
    if (code) return instantiate(base, m, code);
    // The server's binary could not be compiled here: the glue's own loading, then the embedded copy.
    return window[m.factory]({ locateFile: (p) => base + p }).catch(() => compiledFromEmbedded(base, m).then((c) => instantiate(base, m, c)));
  });
  if (m === READER_MODULE) promise.then(() => performance.mark('subsim-engine'), () => {});
  enginePromises[m.glue] = promise;
  return promise;
}

// The directory a script was loaded from (subsim's files sit next to each other).
export function baseOf(url) {
  return String(url).replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
