// Fuzz target for the share-link decoder (issue 17.6): web/src/share-link.js's parseFragment,
// the code a 300-byte link in a help-center article reaches first. A small mutation fuzzer (no
// dependency): seeds are links to the bundled scenarios plus every share-link reproducer in
// tests/regressions/share-links/ (replayed first, each must pass); each input is mutated
// (bytes flipped, cut, percent-escapes and base64 noise inserted, parameters repeated).
// Every input must: not throw from parseFragment; give a text promise that settles within
// 5 s to a string of at most MAX_TEXT_BYTES UTF-8 bytes or to a LinkError; keep the heap
// below 512 MB.
//   node fuzz/share_link_fuzz.mjs [--seconds N] [--module PATH]
// Prints `share_link_fuzz: N executions in S s (R/s), 0 failures`; exit 1 on a failure, with
// the input saved in build/fuzz/share-artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const seconds = Number(opt('--seconds', '30'));
const modulePath = path.resolve(opt('--module', path.join(root, 'web/src/share-link.js')));
if (!fs.existsSync(modulePath)) {
  console.error(`share_link_fuzz: ${modulePath} is missing (the page's ES modules); --module PATH points at it`);
  process.exit(2);
}
const share = await import(pathToFileURL(modulePath).href);

const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const regressionDir = path.join(root, 'tests/regressions/share-links');
const regressions = fs.existsSync(regressionDir)
  ? fs.readdirSync(regressionDir).filter((f) => f.endsWith('.fragment')).sort()
      .map((f) => ({ name: f, text: fs.readFileSync(path.join(regressionDir, f), 'utf8').trim() }))
  : [];
const seeds = regressions.map((r) => r.text);
for (const f of fs.readdirSync(path.join(root, 'scenarios')).filter((n) => n.endsWith('.json')).slice(0, 12)) {
  const bytes = fs.readFileSync(path.join(root, 'scenarios', f));
  seeds.push('#z=' + b64url(zlib.deflateRawSync(bytes)) + '&lang=fr', '#t=' + b64url(bytes) + '&whatif=1');
}

let seed = 12345;
const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const NOISE = ['%', '%E0%A4%A', '%FF', '%00', '&', '=', 'z=', 't=', '#', '+', '-', '_', '/', '==', '\u0000', '\uD800', 'A'.repeat(64)];
function mutate(s) {
  let out = s;
  for (let n = 1 + rand(4); n > 0; n -= 1) {
    const at = rand(out.length + 1);
    switch (rand(6)) {
      case 0: out = out.slice(0, at); break;                                                  // cut
      case 1: out = out.slice(0, at) + NOISE[rand(NOISE.length)] + out.slice(at); break;      // insert
      case 2: out = out.slice(0, at) + String.fromCharCode(rand(128)) + out.slice(at + 1); break; // flip
      case 3: out = out.slice(0, at) + out.slice(at + 1 + rand(16)); break;                   // delete
      case 4: out += '&' + out.slice(1, 1 + rand(out.length)); break;                          // repeat params
      default: out = seeds[rand(seeds.length)].slice(0, at) + out.slice(at); break;           // splice
    }
  }
  return out;
}

async function check(fragment) {
  let f;
  try { f = share.parseFragment(fragment); } catch (e) { return 'parseFragment threw ' + e; }
  if (!f || typeof f !== 'object' || typeof f.params !== 'object') return 'no result object';
  if (f.text) {
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 5000); });
    const settled = await Promise.race([f.text.then((t) => ({ t }), (e) => ({ e })), timeout]);
    clearTimeout(timer);
    if (settled === 'timeout') return 'text promise did not settle within 5 s';
    if (settled.e && !(settled.e instanceof share.LinkError)) return 'rejected with ' + settled.e;
    if (settled.t != null) {
      if (typeof settled.t !== 'string') return 'text is not a string';
      if (Buffer.byteLength(settled.t) > share.MAX_TEXT_BYTES) return 'text over MAX_TEXT_BYTES';
    }
  }
  if (process.memoryUsage().heapUsed > 512 * 1024 * 1024) return 'heap over 512 MB';
  return null;
}

function fail(why, input) {
  const dir = path.join(root, 'build/fuzz/share-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `crash-${Date.now()}.fragment`);
  fs.writeFileSync(file, input);
  console.error(`share_link_fuzz: ${why} (input saved in ${file})`);
  process.exit(1);
}

// Share-link reproducers too large to commit, generated here: a 1 MB link that inflates to 1 GiB
// (one deflate block of 1 MiB of zeros, sync-flushed, repeated 1,024 times) was read as "unexpected
// end of input" (issue 17); with the 136 KB, 100 MB one of share-links/ it must be refused as too
// big while inflating, not as damaged.
function deflateBomb(mib) {
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array(mib).fill(block), zlib.deflateRawSync(Buffer.alloc(0))]);
}
const tooBig = [{ name: 'bomb-deflate-1GiB (generated)', text: '#z=' + b64url(deflateBomb(1024)) },
                ...regressions.filter((r) => r.name.startsWith('bomb-'))];
async function refusal(fragment) {
  try { await share.parseFragment(fragment).text; return 'read as a text'; } catch (e) { return e && e.code; }
}

for (const r of regressions) {
  const why = await check(r.text);
  if (why) fail(`regression ${r.name}: ${why}`, r.text);
}
for (const r of tooBig) {
  const code = await refusal(r.text);
  if (code !== 'too_big') fail(`regression ${r.name}: refused as ${code}, not too_big`, r.text.slice(0, 1000));
}
const start = Date.now();
let runs = 0;
while (Date.now() - start < seconds * 1000) {
  const input = mutate(seeds[rand(seeds.length)]);
  const why = await check(input);
  if (why) fail(why, input);
  runs += 1;
}
const s = (Date.now() - start) / 1000;
console.log(`share_link_fuzz: ${regressions.length + 1} regression link(s) pass; ${runs} executions in ${s.toFixed(1)} s ` +
            `(${Math.round(runs / s)}/s), 0 failures`);
