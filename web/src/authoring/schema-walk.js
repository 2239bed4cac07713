/* What schema/scenario.schema.json says about a place in a scenario, by schema path
 * ("/catalog/plans/*\/notice", "*" for any list item): the keys an object there may hold, the
 * values a key may take (enums, booleans), and the kind of input a form should offer. The schema
 * is bundled as JSON by build.mjs; nothing here repeats its content. */
import SCHEMA from '@subsim/scenario-schema';

function resolve(node) {
  let n = node;
  while (n && n.$ref) {
    const name = n.$ref.replace('#/definitions/', '');
    const { $ref, ...rest } = n;
    n = { ...SCHEMA.definitions[name], ...rest };
  }
  return n || {};
}

// The alternatives a node stands for (oneOf / anyOf), each resolved; a node whose keys depend on
// the format version (allOf: if "subsim" is 1 / 2, then …) stands for itself and every branch, so
// the keys of both versions are found (the engine refuses a version 2 key in a version 1 file).
function options(node) {
  const n = resolve(node);
  const several = n.oneOf || n.anyOf;
  if (several) return several.map(resolve);
  const branches = (n.allOf || []).flatMap((b) => [b.then, b.else]).filter(Boolean).map(resolve);
  return [n, ...branches];
}

// Every schema node found at `path` (several when a oneOf splits the way).
export function nodesAt(path) {
  let nodes = [resolve(SCHEMA)];
  for (const token of String(path).split('/').slice(1)) {
    const next = [];
    for (const node of nodes) for (const o of options(node)) {
      if (token === '*' && o.items) next.push(resolve(o.items));
      else if (o.properties && o.properties[token] !== undefined) next.push(resolve(o.properties[token]));
    }
    nodes = next;
  }
  return nodes;
}

// The keys an object at `path` may hold, in the schema's order (the union over its forms).
export function keysAt(path) {
  const keys = [];
  for (const node of nodesAt(path)) for (const o of options(node))
    for (const k of Object.keys(o.properties || {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

// The values a key at `path` may take when they are a closed list (enum, const, boolean).
export function valuesAt(path) {
  const values = [];
  for (const node of nodesAt(path)) for (const o of options(node)) {
    if (o.enum) values.push(...o.enum);
    if (o.const !== undefined) values.push(o.const);
    if (o.type === 'boolean') values.push(true, false);
    if (o.examples && !o.enum) values.push(...o.examples.filter((x) => typeof x === 'string' && !/^https?:/.test(x)));
  }
  return [...new Set(values)];
}

// The kind of form input for the key at `path`: date, duration, amount, integer, boolean,
// choice, list, object, text.
export function kindAt(path) {
  const cut = String(path).lastIndexOf('/');
  const last = path.slice(cut + 1);
  let raw = {};
  for (const parent of nodesAt(path.slice(0, cut))) for (const o of options(parent))
    if (o.properties && o.properties[last] !== undefined) { raw = o.properties[last]; break; }
  const ref = (raw.$ref || '').replace('#/definitions/', '');
  if (ref === 'date') return 'date';
  if (ref === 'duration' || ref === 'nonzero_duration') return 'duration';
  if (ref === 'amount') return 'amount';
  const n = resolve(raw);
  if (n.oneOf) return 'object';
  if (n.enum) return 'choice';
  if (n.type === 'boolean') return 'boolean';
  if (n.type === 'integer') return 'integer';
  if (n.type === 'array') return 'list';
  if (n.type === 'object') return 'object';
  return 'text';
}

// The schema's default for the key at `path`, if it has one.
export function defaultAt(path) {
  for (const node of nodesAt(path)) if (node.default !== undefined) return node.default;
  return undefined;
}

// Whether `key` is required in the object at `path`.
export function requiredAt(path, key) {
  return nodesAt(path).some((node) => options(node).some((o) => (o.required || []).includes(key)));
}

// A JSON pointer's schema path: list indexes become "*" ("/catalog/plans/0" → "/catalog/plans/*").
export function schemaPath(pointer) {
  return String(pointer).split('/').map((t) => (/^\d+$/.test(t) ? '*' : t.replace(/~1/g, '/').replace(/~0/g, '~'))).join('/');
}
