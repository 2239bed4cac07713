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

// The engine's bytes from base64: the browser's own decoder where it has one, else atob.
function base64Bytes(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
  const bin = atob(b64), n = bin.length, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// The embedded bytes compiled while the glue still loads; the module is then instantiated from
// the compiled code (Emscripten's instantiateWasm hook) instead of compiling after the glue.
function compiledFromEmbedded(base, m) {
  const ready = typeof window[m.base64] === 'string' ? Promise.resolve() : loadScript(base + m.embedded);
  return ready.then(() => {
    performance.mark('subsim-engine-bytes');
    const bytes = base64Bytes(window[m.base64]);
    return WebAssembly.compile(bytes).catch(() => ({ bytes }));
  });
}

// True when subsim.wasm can be fetched from `base`: same origin, over http(s).
export function canStream(base, here) {
  let url;
  try { url = new URL(base, here); } catch (e) { return false; }
  return /^https?:$/.test(url.protocol) && url.origin === new URL(here).origin;
}

function fromEmbedded(base, m, compiled) {
  return (compiled || compiledFromEmbedded(base, m)).then((code) => {
    if (!(code instanceof WebAssembly.Module)) return window[m.factory]({ wasmBinary: code.bytes, locateFile: (p) => base + p });
    return new Promise((resolve, reject) => {
      window[m.factory]({
        locateFile: (p) => base + p,
        instantiateWasm: (imports, done) => {
          WebAssembly.instantiate(code, imports).then((instance) => done(instance, code), reject);
          return {};
        },
      }).then(resolve, reject);
    });
  });
}

// The engine module (a promise; the same one for every caller of the document), the reader's by
// default.
export function loadEngine(base, m = READER_MODULE) {
  if (enginePromises[m.glue]) return enginePromises[m.glue];
  const glue = typeof window[m.factory] === 'function' ? Promise.resolve() : loadScript(base + m.glue);
  // From file:// or another origin, the embedded bytes load and compile beside the glue.
  const compiled = canStream(base, location.href) ? null : compiledFromEmbedded(base, m);
  if (compiled) compiled.catch(() => {});
  const promise = glue.then(() => {
    if (typeof window[m.factory] !== 'function') throw new Error(m.glue + ' is missing');
    if (compiled) return fromEmbedded(base, m, compiled);
    return window[m.factory]({ locateFile: (p) => base + p }).catch(() => fromEmbedded(base, m));
  });
  if (m === READER_MODULE) promise.then(() => performance.mark('subsim-engine'), () => {});
  enginePromises[m.glue] = promise;
  return promise;
}

// The directory a script was loaded from (subsim's files sit next to each other).
export function baseOf(url) {
  return String(url).replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
