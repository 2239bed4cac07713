/* Dates and amounts as the narrator writes them (the module's date_labels and money_labels,
 * core/narrate/format.hpp), for the tables, the timeline's axis and a slider's spoken value: a
 * date reads the same beside a sentence as in it ("1er mars 2025"), and the page makes no Intl
 * format (the first one of a visit cost 15-45 ms before the first timeline). Each label is asked
 * for once per module, language and style (or currency), then kept. */
const books = new WeakMap();   // engine -> Map(language|style -> Map(value -> label))

// The styles this page asks for, by the names the module declares (date_label_names()).
export const DATE_STYLES = ['date', 'weekday_date', 'month_abbr', 'month_year', 'month_abbr_year', 'year'];

function bookOf(engine, key) {
  if (!books.has(engine)) books.set(engine, new Map());
  const shelf = books.get(engine);
  if (!shelf.has(key)) shelf.set(key, new Map());
  return shelf.get(key);
}

// The module's styles, checked once: a page and a module out of step say so instead of showing
// raw dates.
const checked = new WeakSet();
function check(engine) {
  if (checked.has(engine)) return;
  checked.add(engine);
  const known = JSON.parse(engine.date_label_names());
  const missing = DATE_STYLES.filter((s) => known.indexOf(s) < 0);
  if (missing.length) throw new Error('the engine has no date label ' + missing.join(', '));
}

// `value`'s label from the module's entry `entry` (one value per call: a render asks for few new
// ones, and the answer is kept), else the value as given.
function label(engine, entry, lang, styleOrCurrency, value) {
  const book = bookOf(engine, entry + '|' + lang + '|' + styleOrCurrency), key = String(value);
  let found = book.get(key);
  if (found === undefined) {
    let out = null;
    if (engine && typeof engine[entry] === 'function' && !/\s/.test(key)) {
      try { out = JSON.parse(engine[entry](key, lang, styleOrCurrency))[0]; } catch (e) { out = null; }
    }
    found = typeof out === 'string' ? out : key;
    book.set(key, found);
  }
  return found;
}

// The labels of one module in one language ('fr' | 'en').
export function labelsFor(engine, lang) {
  if (engine && typeof engine.date_label_names === 'function') check(engine);
  return {
    date: (iso, style = 'date') => label(engine, 'date_labels', lang, style, iso),
    money: (minor, currency) => label(engine, 'money_labels', lang, currency, minor),
  };
}

// "YYYY-MM-DD" of a JavaScript Date (its UTC day).
function isoOfDate(dt) { return dt.toISOString().slice(0, 10); }

// The timeline axis's formats: objects with format(Date) (its UTC day), as Intl's were.
export function axisFormats(labels) {
  const as = (style) => ({ format: (dt) => labels.date(isoOfDate(dt), style) });
  return { monthShort: as('month_abbr'), monthLong: as('month_year'), monthYear: as('month_abbr_year'), year: as('year') };
}
