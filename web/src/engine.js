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

function fromEmbedded(base) {
  const ready = typeof window.SUBSIM_WASM_BASE64 === 'string' ? Promise.resolve() : loadScript(base + 'subsim-wasm.js');
  return ready.then(() => window.SubSim({ wasmBinary: base64Bytes(window.SUBSIM_WASM_BASE64), locateFile: (p) => base + p }));
}

// The engine module (a promise; the same one for every caller of the document).
export function loadEngine(base) {
  if (enginePromise) return enginePromise;
  const glue = typeof window.SubSim === 'function' ? Promise.resolve() : loadScript(base + 'subsim.js');
  enginePromise = glue.then(() => {
    if (typeof window.SubSim !== 'function') throw new Error('subsim.js is missing');
    if (!canStream(base, location.href)) return fromEmbedded(base);
    return window.SubSim({ locateFile: (p) => base + p }).catch(() => fromEmbedded(base));
  });
  return enginePromise;
}

// The directory a script was loaded from (subsim's files sit next to each other).
export function baseOf(url) {
  return String(url).replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}
