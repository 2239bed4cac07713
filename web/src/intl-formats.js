/* Intl formatters, made once per locale and options: creating one costs milliseconds (the first
 * one of a locale loads its data), so a render reuses them instead of making its own, and the page
 * makes the reader's while the engine loads (warmFormats). */
const made = new Map();

function key(kind, locale, options) { return kind + '|' + locale + '|' + JSON.stringify(options); }

export function dateFormat(locale, options) {
  const k = key('d', locale, options);
  if (!made.has(k)) made.set(k, new Intl.DateTimeFormat(locale, options));
  return made.get(k);
}

// Throws as Intl.NumberFormat does (an unknown currency code), so the caller can fall back.
export function numberFormat(locale, options) {
  const k = key('n', locale, options);
  if (!made.has(k)) made.set(k, new Intl.NumberFormat(locale, options));
  return made.get(k);
}

// The locale of the interface language ('fr' | 'en').
export function localeOf(lang) { return lang === 'fr' ? 'fr-FR' : 'en-GB'; }

// The date formats of the table and the timeline's axis in `lang`, made ahead (idle time).
export const AXIS_FORMATS = {
  monthShort: { month: 'short' }, monthLong: { month: 'long', year: 'numeric' },
  monthYear: { month: 'short', year: 'numeric' }, year: { year: 'numeric' },
};
export const DATE = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
export const DATE_LONG = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

export function warmFormats(lang, currency) {
  const locale = localeOf(lang), day = new Date(0);
  dateFormat(locale, DATE).format(day);
  dateFormat(locale, DATE_LONG).format(day);
  for (const name of Object.keys(AXIS_FORMATS)) dateFormat(locale, Object.assign({ timeZone: 'UTC' }, AXIS_FORMATS[name])).format(day);
  try { numberFormat(locale, { style: 'currency', currency: currency || 'EUR' }).format(1); } catch (e) { /* unknown code */ }
}
