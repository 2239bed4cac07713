/* Completion for the scenario editor: the keys the schema allows where the cursor is (minus those
 * already written), the values a key may take (enums, true/false, examples) and the ids the
 * scenario defines for keys that name an item (references.js); each with the field guide's
 * label and explanation. */
import { keysAt, valuesAt } from './schema-walk.js';
import { referencedIds } from './references.js';
import { entryFor } from './guide.js';
import { placeAt, keysIn } from './json-tree.js';

function keyOptions(state, place, guide) {
  const present = keysIn(state, place.container);
  return keysAt(place.path).filter((k) => !present.includes(k)).map((k) => {
    const entry = entryFor(guide, place.path + '/' + k);
    return { label: k, type: 'property', detail: entry.label, info: entry.help, apply: JSON.stringify(k) + ': ' };
  });
}

function valueOptions(place, guide, scenario) {
  const ids = referencedIds(scenario, place.path).map((id) => ({ value: id, type: 'variable' }));
  const closed = valuesAt(place.path).map((v) => ({ value: v, type: typeof v === 'boolean' ? 'keyword' : 'enum' }));
  const entry = entryFor(guide, place.path.replace(/\/\*$/, ''));
  return ids.concat(closed).map((o) => ({
    label: JSON.stringify(o.value), type: o.type, detail: entry.label, info: entry.help,
  }));
}

// A CodeMirror completion source; `current()` gives { guide, scenario } at the time of asking.
export function completionSource(current) {
  return (ctx) => {
    const place = placeAt(ctx.state, ctx.pos);
    if (!place) return null;
    const { guide, scenario } = current();
    const options = place.kind === 'key' ? keyOptions(ctx.state, place, guide) : valueOptions(place, guide, scenario);
    if (!options.length) return null;
    return { from: place.from, options, validFor: /^"?[^\s"{}[\]:,]*"?$/ };
  };
}
