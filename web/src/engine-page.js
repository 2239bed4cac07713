/* The page's engine calls for an edit (wasm/bindings.cpp, "the page's answer for an edit"):
 * page_answer(text, locale, today) gives the result (the bytes of `simulate`) from one parse and one
 * simulation; the sentences the page shows (event sentences, expectation lines, what-if answers)
 * come afterwards, a range at a time, from the same simulation, which the module keeps until the
 * next text (page_sentences). A frame after a what-if edit then waits for no sentence it does
 * not show. The texts cross into the module's memory as UTF-8 bytes (TextEncoder/TextDecoder,
 * as wasm/utf8_strings.js does for the other entry points). */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
// Sentences asked for at once, by the module's kinds in the order page_sentence_kinds() gives them
// (events, expectation lines, what-if answers): a list's page of events, a tooltip's neighbours;
// what-if answers one action at a time (each scans the result's events).
const CHUNKS = [64, 64, 4];

// The module's names of the sentence kinds (page_sentence_kinds(), wasm/entry_points.hpp), read
// once per module: [events, expectations, answers], or null when it has none.
const kindsOf = new WeakMap();
function sentenceKinds(engine) {
  if (!kindsOf.has(engine)) {
    let kinds = null;
    try { kinds = JSON.parse(engine.page_sentence_kinds()); } catch (e) { kinds = null; }
    kindsOf.set(engine, Array.isArray(kinds) && kinds.length === CHUNKS.length ? kinds : null);
  }
  return kindsOf.get(engine);
}

// True when the module has the page's entry points (older builds: answer() instead).
export function hasPageAnswer(engine) {
  return !!engine && typeof engine.page_answer_utf8 === 'function' && typeof engine.page_sentences_utf8 === 'function' &&
         typeof engine.page_sentence_kinds === 'function' && typeof engine._malloc === 'function' && !!engine.HEAPU8 &&
         sentenceKinds(engine) !== null;
}

// The last text's UTF-8 bytes: the sentences of one text are asked for several times.
let lastText = null, lastBytes = null;
function bytesOf(text) {
  if (text !== lastText) { lastText = text; lastBytes = encoder.encode(String(text)); }
  return lastBytes;
}

// raw(at, length, ...args) with `text` in the module's memory; the answer's bytes (a view of the
// module's memory, valid until its next call) or, with `decode`, the answer as a string.
function overUtf8(engine, raw, text, args, decode = true) {
  const bytes = bytesOf(text), at = engine._malloc(bytes.length + 1);
  if (!at) throw new Error('out of memory: the engine cannot take a text of ' + bytes.length + ' bytes');
  try {
    engine.HEAPU8.set(bytes, at);   // HEAPU8 is read after malloc: memory may have grown
    const view = raw.apply(null, [at, bytes.length].concat(args));
    return decode ? decoder.decode(view) : view;
  } finally {
    engine._free(at);
  }
}

// The module's answer {"locale": "en"|"fr", "result": …}: { locale, bytes, lines } with the
// result's UTF-8 bytes (those of simulate(): a view of the module's memory, to be read before the
// next engine call), the locale the language answer() would narrate in and the result's item
// lines matched with the last page answer's (page_lines(): engine-result-lines.js; null from a
// module without it); { locale: null, result } with the answer as text when it is not one
// (bad_today(), an internal error).
const HEAD = /^\{"locale": "(en|fr)", "result": /;
export function pageAnswerBytes(engine, text, lang, today) {
  const answer = overUtf8(engine, engine.page_answer_utf8, text, [lang, today], false), n = answer.length;
  const head = HEAD.exec(decoder.decode(answer.subarray(0, 32)));
  if (!head || answer[n - 2] !== 125 || answer[n - 1] !== 10) return { locale: null, result: decoder.decode(answer) };
  const lines = typeof engine.page_lines === 'function' ? engine.page_lines() : null;
  return { locale: head[1], bytes: answer.subarray(head[0].length, n - 2), lines };
}

// The same with the result as text: { locale, result }.
export function pageAnswer(engine, text, lang, today) {
  const got = pageAnswerBytes(engine, text, lang, today);
  return got.bytes ? { locale: got.locale, result: decoder.decode(got.bytes) } : got;
}

function sentencesOf(engine, text, lang, today, kind, from, to) {
  let list = null;
  try { list = JSON.parse(overUtf8(engine, engine.page_sentences_utf8, text, [lang, today, kind, from, to])); } catch (e) { list = null; }
  return Array.isArray(list) ? list : [];
}

// The narration of one text in one language: each sentence asked for when first read (with its
// neighbours: CHUNK). Reads as narration()'s lists do: eventSentence(i) is narration().events[i],
// expectationLine(i) .expectations[i], answerOf(action) the sentence of .answers' entry for that
// action; undefined past the end.
export function lazyNarration(engine, text, lang, today) {
  const kinds = sentenceKinds(engine), lists = CHUNKS.map(() => []), ends = [];
  const read = (k, i) => {
    if (!(i >= 0) || (ends[k] != null && i >= ends[k])) return undefined;
    const list = lists[k];
    if (list[i] === undefined) {
      const n = CHUNKS[k], from = i - (i % n), got = sentencesOf(engine, text, lang, today, kinds[k], from, from + n);
      got.forEach((s, j) => { list[from + j] = typeof s === 'string' ? s : ''; });
      if (got.length < n) ends[k] = from + got.length;
    }
    return list[i];
  };
  return {
    lang,
    eventSentence: (i) => read(0, i),
    expectationLine: (i) => read(1, i),
    answerOf: (action) => read(2, action),
  };
}

// The same reading of a narration() answer parsed whole (seeded from a worker, older modules).
export function wholeNarration(n) {
  const at = (list, i) => (list && typeof list[i] === 'string' ? list[i] : undefined);
  return {
    lang: n.lang,
    eventSentence: (i) => at(n.events, i),
    expectationLine: (i) => at(n.expectations, i),
    answerOf: (action) => {
      const found = (n.answers || []).find((x) => x && x.action === action);
      return found ? String(found.sentence || '') : undefined;
    },
  };
}
