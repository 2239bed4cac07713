/* Completion for the scenario editor: the keys the schema allows where the cursor is (minus those
 * already written), the values a key may take (enums, true/false, examples) and the ids the
 * scenario defines for keys that name an item (references.js); each with the field guide's
 * label and explanation. */
import { keysAt, valuesAt } from './schema-walk.js';
import { referencedIds } from './references.js';
import { entryFor } from './guide.js';
import { placeAt, keysIn } from './json-tree.js';
import { insertCompletionText } from '@codemirror/autocomplete';

// Writes `text` over the typed word and over a quote closed ahead of it (closeBrackets).
function writing(text) {
  return (view, completion, from, to) => {
    const closing = view.state.sliceDoc(to, to + 1) === '"' && (text.endsWith('": ') || text.endsWith('"'));
    view.dispatch(insertCompletionText(view.state, text, from, closing ? to + 1 : to));
  };
}

// Keys are matched on their bare name: an opening quote already typed stays, the rest is written.
function keyOptions(state, place, guide, quoted) {
  const present = keysIn(state, place.container);
  return keysAt(place.path).filter((k) => !present.includes(k)).map((k) => {
    const entry = entryFor(guide, place.path + '/' + k);
    const written = JSON.stringify(k) + ': ';
    return { label: k, type: 'property', detail: entry.label, info: entry.help, apply: writing(quoted ? written.slice(1) : written) };
  });
}

function valueOptions(place, guide, scenario) {
  const ids = referencedIds(scenario, place.path).map((id) => ({ value: id, type: 'variable' }));
  const closed = valuesAt(place.path).map((v) => ({ value: v, type: typeof v === 'boolean' ? 'keyword' : 'enum' }));
  const entry = entryFor(guide, place.path.replace(/\/\*$/, ''));
  return ids.concat(closed).map((o) => ({
    label: JSON.stringify(o.value), type: o.type, detail: entry.label, info: entry.help, apply: writing(JSON.stringify(o.value)),
  }));
}

// A CodeMirror completion source; `current()` gives { guide, scenario } at the time of asking.
export function completionSource(current) {
  return (ctx) => {
    const place = placeAt(ctx.state, ctx.pos);
    if (!place) return null;
    const { guide, scenario } = current();
    const quoted = ctx.state.sliceDoc(place.from, place.from + 1) === '"';
    const key = place.kind === 'key';
    const options = key ? keyOptions(ctx.state, place, guide, quoted) : valueOptions(place, guide, scenario);
    if (!options.length) return null;
    return { from: key && quoted ? place.from + 1 : place.from, options, validFor: /^"?[^\s"{}[\]:,]*"?$/ };
  };
}
