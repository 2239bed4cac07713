/* The engine's answer for one scenario text: the result (parsed once) and the narrator's sentences
 * in a language. The last few answers are kept, so one edit asks the engine once per text however
 * many parts of the page read it. With the module's page entry points (engine-page.js), one
 * parse and one simulation give the result, and each sentence is asked for when the page first
 * reads it; with older modules, `answer(text, locale)` gives the result and the whole narration.
 * A narration is read through eventSentence(i), expectationLine(i) and answerOf(action)
 * (engine-page.js), whichever way it was made.
 * Every call passes the reader's local date (reader-today.js) as the reference date of relative
 * dates (SPEC-v2 §8.2); an answer is kept for one text on one day. */
import { readerToday } from './reader-today.js';
import { hasPageAnswer, pageAnswerBytes, lazyNarration, wholeNarration } from './engine-page.js';
import { parseResult } from './engine-result-lines.js';

const KEEP = 4;
let kept = [];

function parseOr(text, fallback) {
  try { return JSON.parse(text); } catch (e) { return fallback; }
}

function invalidOutput(message) {
  return { errors: [{ pointer: '', message: message || 'invalid engine output', line: 1, column: 1 }] };
}

// The engine's text for a call, or null with the error said (out of memory: a clear message).
function call(fn, fallback) {
  try { return fn(); } catch (e) { fallback.error = e && e.message ? e.message : String(e); return null; }
}

// The engine's result for `text` (parsed). With `lang` ('fr', 'en', or '' for the scenario's own)
// and the combined entry point, the narration comes from the same parse and simulation.
function engineResult(engine, text, narrations, lang, today) {
  const failed = {};
  if (lang != null && hasPageAnswer(engine)) {
    const both = call(() => pageAnswerBytes(engine, text, lang, today), failed);
    // Parsed from its bytes, reusing the last page answer's unchanged lines (engine-result-lines.js).
    let result = null;
    try { result = both && (both.bytes ? parseResult(both.bytes, both.lines, engine) : JSON.parse(both.result)); } catch (e) { result = null; }
    if (!result || typeof result !== 'object') return invalidOutput(failed.error);
    if (!result.errors && both.locale) narrations.set(both.locale, lazyNarration(engine, text, both.locale, today));
    return result;
  }
  if (lang != null && typeof engine.answer === 'function') {
    const both = parseOr(call(() => engine.answer(text, lang, today), failed), null);
    if (!both || !both.result) return invalidOutput(failed.error);
    if (!both.result.errors && both.narration && !both.narration.errors) narrations.set(both.locale === 'fr' ? 'fr' : 'en', wholeNarration(both.narration));
    return both.result;
  }
  const out = call(() => engine.simulate(text, today), failed);
  return out == null ? invalidOutput(failed.error) : parseOr(out, invalidOutput());
}

// `seed`: the module's texts computed elsewhere ({ result, narration, lang }: engine-guard.js).
function make(engine, text, seed, lang, today) {
  const narrations = new Map();
  let result;
  if (seed) {
    result = parseOr(seed.result, invalidOutput());
    const n = seed.narration ? parseOr(seed.narration, null) : null;
    if (n && !n.errors) narrations.set(seed.lang, wholeNarration(n));
  } else result = engineResult(engine, text, narrations, lang, today);
  return {
    engine, text, result, today,
    // The narrator's sentences for this text in `lang` (null for an invalid scenario).
    narration(lang) {
      lang = lang === 'fr' ? 'fr' : 'en';
      if (narrations.has(lang)) return narrations.get(lang);
      let value = null;
      if (!result.errors && hasPageAnswer(engine)) value = lazyNarration(engine, text, lang, today);
      else if (!result.errors && typeof engine.narration === 'function') {
        value = parseOr(call(() => engine.narration(text, lang, today), {}), null);
        value = value && !value.errors ? wholeNarration(value) : null;
      }
      narrations.set(lang, value);
      return value;
    },
  };
}

// `lang` ('fr' | 'en', '' for the scenario's own): the narration wanted with the result, asked in
// the same engine call; without it, the result only.
export function answerFor(engine, text, lang) {
  const today = readerToday();
  for (const a of kept) if (a.engine === engine && a.text === text && a.today === today) return a;
  const a = make(engine, text, null, lang === 'fr' || lang === 'en' || lang === '' ? lang : null, today);
  kept = [a].concat(kept.slice(0, KEEP - 1));
  return a;
}

// An answer computed elsewhere (the engine in a worker: engine-guard.js), put in the cache.
export function seedAnswer(engine, text, resultText, lang, narrationText, today) {
  const a = make(engine, text, { result: resultText, narration: narrationText, lang: lang === 'fr' ? 'fr' : 'en' }, null, today);
  kept = [a].concat(kept.filter((x) => x.text !== text).slice(0, KEEP - 1));
  return a;
}

// The result only (for what-if effects and comparisons), through the same cache.
export function resultOf(engine, text) { return answerFor(engine, text).result; }
