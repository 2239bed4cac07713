/* The field guide from the engine (core/narrate/field_guide.*, the module's field_guide(locale)):
 * a label and an explanation for every key of the format, by schema path, in the reader's
 * language. Nothing here writes one: without the entry point, labels fall back to the key. */
import { schemaPath } from './schema-walk.js';

const cache = {};

// { path: { label, help } } for `lang` ('fr' | 'en'); {} when the engine has no field_guide.
export function fieldGuide(engine, lang) {
  const key = lang === 'fr' ? 'fr' : 'en';
  if (cache[key]) return cache[key];
  if (!engine || typeof engine.field_guide !== 'function') return {};
  cache[key] = JSON.parse(engine.field_guide(key)).fields;
  return cache[key];
}

// The entry for a JSON pointer or schema path, or a bare one naming the key.
export function entryFor(guide, pointerOrPath) {
  const path = schemaPath(pointerOrPath);
  return guide[path] || { label: path.slice(path.lastIndexOf('/') + 1), help: '' };
}
