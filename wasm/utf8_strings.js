// Appended to the Emscripten glue (--post-js), inside the module factory. simulate(text) and
// validate(text) keep their contract (text in, the exact bytes of `subsim run --json` out) but
// cross into wasm memory with TextEncoder/TextDecoder: embind's own std::string conversion walks
// every byte in JavaScript, which dominated the time on large scenarios.
addOnPostRun(function () {
  var encoder = new TextEncoder();
  var decoder = new TextDecoder('utf-8');
  function overUtf8(raw) {
    return function (text) {
      var bytes = encoder.encode(String(text));
      var at = Module['_malloc'](bytes.length + 1);
      try {
        HEAPU8.set(bytes, at);
        return decoder.decode(raw(at, bytes.length));
      } finally {
        Module['_free'](at);
      }
    };
  }
  Module['simulate'] = overUtf8(Module['simulate_utf8']);
  Module['validate'] = overUtf8(Module['validate_utf8']);
});
