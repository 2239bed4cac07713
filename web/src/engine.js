/* Loads the WebAssembly engine once per document, for the page and every embed: the Emscripten
 * glue (subsim.js) and the binary, found at `base` (the directory holding subsim's files). The
 * authors' module (subsim-authoring.js, AUTHORING_MODULE) loads the same way, when the authoring
 * tools are opened.
 * The binary streams from subsim.wasm when the page and the files share an origin; from
 * file:// (where fetch is refused) or another origin (where a fetch without CORS headers fails
 * loudly) it comes from subsim-wasm.js, a script holding it in base64, which loads anywhere. */
const enginePromises = {};

// A module's files: its glue, the factory the glue defines, the base64 script and its global.
export const READER_MODULE = { glue: 'subsim.js', factory: 'SubSim', embedded: 'subsim-wasm.js', base64: 'SUBSIM_WASM_BASE64' };
export const AUTHORING_MODULE = { glue: 'subsim-authoring.js', factory: 'SubSimAuthoring', embedded: 'subsim-authoring-wasm.js', base64: 'SUBSIM_AUTHORING_WASM_BASE64' };

export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error('cannot load ' + src));
    document.head.appendChild(s);
  });
}

function base64Bytes(b64) {
  const bin = atob(b64), n = bin.length, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// True when subsim.wasm can be fetched from `base`: same origin, over http(s).
export function canStream(base, here) {
  let url;
  try { url = new URL(base, here); } catch (e) { return false; }
  return /^https?:$/.test(url.protocol) && url.origin === new URL(here).origin;
}

function fromEmbedded(base, m) {
  const ready = typeof window[m.base64] === 'string' ? Promise.resolve() : loadScript(base + m.embedded);
  return ready.then(() => window[m.factory]({ wasmBinary: base64Bytes(window[m.base64]), locateFile: (p) => base + p }));
}

// The engine module (a promise; the same one for every caller of the document), the reader's by
// default.
export function loadEngine(base, m = READER_MODULE) {
  if (enginePromises[m.glue]) return enginePromises[m.glue];
  const glue = typeof window[m.factory] === 'function' ? Promise.resolve() : loadScript(base + m.glue);
  enginePromises[m.glue] = glue.then(() => {
    if (typeof window[m.factory] !== 'function') throw new Error(m.glue + ' is missing');
    if (!canStream(base, location.href)) return fromEmbedded(base, m);
    return window[m.factory]({ locateFile: (p) => base + p }).catch(() => fromEmbedded(base, m));
  });
  return enginePromises[m.glue];
}

// The directory a script was loaded from (subsim's files sit next to each other).
export function baseOf(url) {
  return String(url).replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
