/* Loads the WebAssembly engine once per document, for the page and every embed: the Emscripten
 * glue (subsim.js) and the binary, found at `base` (the directory holding subsim's files).
 * The binary streams from subsim.wasm when the page and the files share an origin; from
 * file:// (where fetch is refused) or another origin (where a fetch without CORS headers fails
 * loudly) it comes from subsim-wasm.js, a script holding it in base64, which loads anywhere. */
let enginePromise = null;

function loadScript(src) {
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
function compiledFromEmbedded(base) {
  const ready = typeof window.SUBSIM_WASM_BASE64 === 'string' ? Promise.resolve() : loadScript(base + 'subsim-wasm.js');
  return ready.then(() => {
    performance.mark('webb-b64loaded');
    const bytes = base64Bytes(window.SUBSIM_WASM_BASE64);
    performance.mark('webb-decoded');
    return WebAssembly.compile(bytes).catch(() => ({ bytes }));
  });
}

// True when subsim.wasm can be fetched from `base`: same origin, over http(s).
export function canStream(base, here) {
  let url;
  try { url = new URL(base, here); } catch (e) { return false; }
  return /^https?:$/.test(url.protocol) && url.origin === new URL(here).origin;
}

function fromEmbedded(base, compiled) {
  return (compiled || compiledFromEmbedded(base)).then((code) => {
    if (!(code instanceof WebAssembly.Module)) return window.SubSim({ wasmBinary: code.bytes, locateFile: (p) => base + p });
    return new Promise((resolve, reject) => {
      window.SubSim({
        locateFile: (p) => base + p,
        instantiateWasm: (imports, done) => {
          WebAssembly.instantiate(code, imports).then((instance) => done(instance, code), reject);
          return {};
        },
      }).then(resolve, reject);
    });
  });
}

// The engine module (a promise; the same one for every caller of the document).
export function loadEngine(base) {
  if (enginePromise) return enginePromise;
  const glue = typeof window.SubSim === 'function' ? Promise.resolve() : loadScript(base + 'subsim.js');
  // From file:// or another origin, the embedded bytes load and compile beside the glue.
  const compiled = canStream(base, location.href) ? null : compiledFromEmbedded(base);
  if (compiled) compiled.catch(() => {});
  enginePromise = glue.then(() => {
    if (typeof window.SubSim !== 'function') throw new Error('subsim.js is missing');
    if (compiled) return fromEmbedded(base, compiled);
    return window.SubSim({ locateFile: (p) => base + p }).catch(() => fromEmbedded(base));
  });
  enginePromise.then(() => performance.mark('webb-engine'));
  return enginePromise;
}

// The directory a script was loaded from (subsim's files sit next to each other).
export function baseOf(url) {
  return String(url).replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
