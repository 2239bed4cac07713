// Appended to the Emscripten glue (--post-js), inside the module factory. simulate(text, today),
// validate(text, today), explain(text, locale, today) and narration(text, locale, today) keep their
// contract (text in, the exact bytes of `subsim run --json --today …` / `subsim explain` out) but
// cross into wasm memory with TextEncoder/TextDecoder: embind's own std::string conversion walks
// every byte in JavaScript, which dominated the time on large scenarios.
// `today` is the reference date of relative dates (SPEC-v2 §8.2), "YYYY-MM-DD". Like the CLI
// without --today, a call without it passes the host's local calendar date: the glue reads the
// clock, never the engine. '' passes none (a relative date is then an error).
// The wrappers go on once the runtime has run: after this script when the module was instantiated
// synchronously (an instantiateWasm hook that answers at once: the runtime has already run when
// this post-js code is reached, and a post-run callback added now would never be called),
// else when it runs.
function wrapExports() {
  var encoder = new TextEncoder();
  var decoder = new TextDecoder('utf-8');
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function localToday() {
    var d = new Date();
    return String(d.getFullYear()).padStart(4, '0') + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }
  function todayOr(today) { return today == null ? localToday() : String(today); }
  function localeOr(locale) { return locale == null ? '' : String(locale); }
  // raw(at, length, today) or, withLocale, raw(at, length, locale, today): the locale and the
  // date (short ASCII strings) go through embind as they are.
  function overUtf8(raw, withLocale) {
    return function (text, a, b) {
      var bytes = encoder.encode(String(text));
      var at = Module['_malloc'](bytes.length + 1);
      // No memory for the text: say so instead of writing at address 0 (which breaks every later call).
      if (!at) throw new Error('out of memory: the engine cannot take a text of ' + bytes.length + ' bytes');
      try {
        HEAPU8.set(bytes, at);
        if (!withLocale) return decoder.decode(raw(at, bytes.length, todayOr(a)));
        return decoder.decode(raw(at, bytes.length, localeOr(a), todayOr(b)));
      } finally {
        Module['_free'](at);
      }
    };
  }
  Module['simulate'] = overUtf8(Module['simulate_utf8']);
  Module['validate'] = overUtf8(Module['validate_utf8']);
  // explain(text, locale, today) and narration(text, locale, today): the narrator's sentences (SPEC §4.1).
  Module['explain'] = overUtf8(Module['explain_utf8'], true);
  Module['narration'] = overUtf8(Module['narration_utf8'], true);
  // answer(text, locale, today): {"locale", "result", "narration"} from one parse and one simulation.
  if (Module['answer_utf8']) Module['answer'] = overUtf8(Module['answer_utf8'], true);
  // resolved_dates(text, today): where each relative date falls, for the page's drawing.
  var resolved = Module['resolved_dates'];
  if (resolved) Module['resolved_dates'] = function (text, today) { return resolved(String(text), todayOr(today)); };
  // The authoring module's exports take the same reference date, last.
  ['calendar_ics', 'timeline_svg', 'timeline_png'].forEach(function (name) {
    var raw = Module[name];
    if (raw) Module[name] = function (text, locale, today) { return raw(String(text), localeOr(locale), todayOr(today)); };
  });
  var table = Module['sentence_table_html'];
  if (table) {
    Module['sentence_table_html'] = function (text, locale, link, today) {
      return table(String(text), localeOr(locale), link == null ? '' : String(link), todayOr(today));
    };
  }
}
if (calledRun) wrapExports(); else addOnPostRun(wrapExports);
