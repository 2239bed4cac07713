// Appended to the Emscripten glue (--post-js), inside the module factory. simulate(text),
// validate(text), explain(text, locale) and narration(text, locale) keep their contract (text in,
// the exact bytes of `subsim run --json` / `subsim explain` out) but
// cross into wasm memory with TextEncoder/TextDecoder: embind's own std::string conversion walks
// every byte in JavaScript, which dominated the time on large scenarios.
addOnPostRun(function () {
  var encoder = new TextEncoder();
  var decoder = new TextDecoder('utf-8');
  // raw(at, length) or, withLocale, raw(at, length, locale): the locale (a short ASCII string,
  // '' for the scenario's own) goes through embind as is.
  function overUtf8(raw, withLocale) {
    return function (text, locale) {
      var bytes = encoder.encode(String(text));
      var at = Module['_malloc'](bytes.length + 1);
      // No memory for the text: say so instead of writing at address 0 (which breaks every later call).
      if (!at) throw new Error('out of memory: the engine cannot take a text of ' + bytes.length + ' bytes');
      try {
        HEAPU8.set(bytes, at);
        if (!withLocale) return decoder.decode(raw(at, bytes.length));
        return decoder.decode(raw(at, bytes.length, locale == null ? '' : String(locale)));
      } finally {
        Module['_free'](at);
      }
    };
  }
  Module['simulate'] = overUtf8(Module['simulate_utf8']);
  Module['validate'] = overUtf8(Module['validate_utf8']);
  // explain(text, locale) and narration(text, locale): the narrator's sentences (SPEC §4.1).
  Module['explain'] = overUtf8(Module['explain_utf8'], true);
  Module['narration'] = overUtf8(Module['narration_utf8'], true);
  // answer(text, locale): {"locale", "result", "narration"} from one parse and one simulation.
  if (Module['answer_utf8']) Module['answer'] = overUtf8(Module['answer_utf8'], true);
});
