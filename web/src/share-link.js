/* Share links: the scenario text in the address fragment, never sent anywhere.
 * `z=` + base64url(deflate-raw(UTF-8 text)) where CompressionStream exists, else `t=` +
 * base64url(UTF-8 text); then `&lang=fr|en`, `&whatif=1`, `&heading=…`, `&simulator=0`.
 * Reading one never trusts it: the inflated size is capped while streaming (a scenario is at most
 * MAX_TEXT_BYTES), malformed percent-encoding and damaged or cut links become a LinkError whose
 * `code` the page words in the reader's language. */
export const MAX_TEXT_BYTES = 1 << 20;   // core/io/limits.hpp file_bytes

export class LinkError extends Error {
  constructor(code, detail) { super(code + (detail ? ': ' + detail : '')); this.code = code; this.detail = detail || ''; }
}

export function b64url(bytes) {
  let s = '';
  const CH = 0x8000;
  for (let i = 0; i < bytes.length; i += CH) s += String.fromCharCode.apply(null, bytes.subarray(i, i + CH));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function unb64url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new LinkError('damaged');
  s = s.replace(/-/g, '+').replace(/_/g, '/');
  while (s.length % 4) s += '=';
  const bin = atob(s), out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function canCompress() { return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function'; }

async function deflate(bytes) {
  const buf = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return new Uint8Array(buf);
}

// Inflates chunk by chunk and stops as soon as the text would pass `cap` bytes.
async function inflate(bytes, cap) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) { reader.cancel().catch(() => {}); throw new LinkError('too_big', String(cap)); }
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError('damaged', e && e.message);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function decodeUtf8(bytes) {
  if (bytes.length > MAX_TEXT_BYTES) throw new LinkError('too_big', String(MAX_TEXT_BYTES));
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { throw new LinkError('damaged', 'UTF-8'); }
}

// The fragment for `text` (a promise of "z=…" or "t=…").
export async function encodeText(text) {
  const bytes = new TextEncoder().encode(text);
  if (!canCompress()) return 't=' + b64url(bytes);
  try { return 'z=' + b64url(await deflate(bytes)); } catch (e) { return 't=' + b64url(bytes); }
}

function decodeParam(v) {
  try { return decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { return null; }
}

// "#z=…&lang=fr" → { text: a promise of the scenario text (null when the fragment carries none),
// params, plain: a fragment that is a bundled scenario's file name }. Never throws.
export function parseFragment(hash) {
  const h = String(hash || '').replace(/^#/, '');
  const params = {};
  if (h.indexOf('=') < 0) {
    const plain = h ? decodeParam(h) : '';
    return { text: null, params, plain: plain == null ? '' : plain, badPlain: h !== '' && plain == null };
  }
  h.split('&').forEach((kv) => {
    const eq = kv.indexOf('=');
    if (eq > 0) params[kv.slice(0, eq)] = kv.slice(eq + 1);
  });
  let text = null;
  if (params.z != null) {
    text = canCompress() ? Promise.resolve().then(() => inflate(unb64url(params.z), MAX_TEXT_BYTES)).then(decodeUtf8)
                         : Promise.reject(new LinkError('no_decompression'));
  } else if (params.t != null) {
    text = Promise.resolve().then(() => decodeUtf8(unb64url(params.t)));
  }
  if (text) text.catch(() => {});   // the caller handles it; no unhandled-rejection noise
  return { text, params, plain: '' };
}

// A parameter's text (percent-decoded), or null when absent or malformed.
export function param(params, name) { return params[name] == null ? null : decodeParam(params[name]); }
