/* The builder's view of the scenario text: parse it (or say why the form cannot follow), read
 * and write a value at a JSON pointer, and write the text back. */
import { readerToday } from '../reader-today.js';

// { scenario } when the form can follow `text`, else { problem } (the engine's first error when
// it has one, else the parser's).
// `at(line, column)` writes the position in the reader's language.
export function follow(text, engine, at) {
  let scenario;
  try { scenario = JSON.parse(text); } catch (e) { return { problem: firstError(text, engine, at) || e.message, syntax: true }; }
  const bad = shapeProblem(scenario);
  return bad ? { problem: firstError(text, engine, at) || bad } : { scenario };
}

function firstError(text, engine, at) {
  if (!engine || typeof engine.validate !== 'function') return '';
  const errors = JSON.parse(engine.validate(text, readerToday())).errors || [];   // the reader's day, as the page's calls
  return errors.length ? at(errors[0].line, errors[0].column) + errors[0].message : '';
}

const OBJECTS = ['/catalog', '/account', '/permissions'];
const LISTS = ['/catalog/products', '/catalog/plans', '/catalog/bundles', '/account/users', '/subscriptions', '/actions', '/expect'];

// Why the form cannot lay this value out (not an object, a list that is not a list…), or ''.
function shapeProblem(scenario) {
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return 'not an object';
  for (const p of OBJECTS) { const v = get(scenario, p); if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) return p; }
  for (const p of LISTS) {
    const v = get(scenario, p);
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => !x || typeof x !== 'object' || Array.isArray(x)))) return p;
  }
  return '';
}

function tokens(pointer) {
  return String(pointer).split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function get(scenario, pointer) {
  let node = scenario;
  for (const t of tokens(pointer)) node = node != null && typeof node === 'object' ? node[t] : undefined;
  return node;
}

// Sets the value at `pointer` (undefined removes the key), creating objects on the way; an empty
// object left behind by a removal is removed too (no "trial": {}).
export function set(scenario, pointer, value) {
  const ts = tokens(pointer);
  const chain = [scenario];
  for (const t of ts.slice(0, -1)) {
    const parent = chain[chain.length - 1];
    if (parent[t] == null || typeof parent[t] !== 'object') parent[t] = {};
    chain.push(parent[t]);
  }
  const last = ts[ts.length - 1];
  if (value === undefined) delete chain[chain.length - 1][last];
  else chain[chain.length - 1][last] = value;
  for (let i = chain.length - 1; i > 0 && value === undefined; i--) {
    if (Object.keys(chain[i]).length || Array.isArray(chain[i])) break;
    delete chain[i - 1][ts[i - 1]];
  }
}

export function textOf(scenario) { return JSON.stringify(scenario, null, 2) + '\n'; }
