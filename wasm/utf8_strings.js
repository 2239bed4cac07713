// Appended to the Emscripten glue (--post-js), inside the module factory: the module's JavaScript
// API over its C exports (wasm/entry_points.hpp; no embind). Texts cross into wasm memory as
// UTF-8 bytes (TextEncoder) and answers come back as a view of the module's memory
// (subsim_call's pointer and subsim_answer_length), decoded with TextDecoder.
//   simulate(text, today), validate(text, today), explain(text, locale, today),
//   narration(text, locale, today), answer(text, locale, today), resolved_dates(text, today),
//   version(), catalogue(), page_sentence_kinds(), date_label_names(): strings;
//   date_labels(dates, locale, style), money_labels(amounts, locale, currency): the narrator's
//   labels (JSON arrays) of dates and amounts for the page's tables and axis; the same bytes as `subsim run --json
//   --today …` / `subsim explain` for the first ones;
//   NAME_utf8(at, length, [locale,] today) for simulate, validate, explain, narration, answer, and
//   page_answer_utf8(at, length, locale, today), page_sentences_utf8(at, length, locale, today,
//   kind, from, to): the text already in memory (at, length), the answer as a Uint8Array view
//   valid until the next call (web/src/engine-page.js, bench/interleaved.js); page_lines(): the
//   last page answer's item lines, matched with the page answer's before it (an Int32Array);
//   the authoring module's field_guide(locale), calendar_ics, timeline_svg (text, locale, today),
//   timeline_png(...) (a view), sentence_table_html(text, locale, link, today).
// `today` is the reference date of relative dates (SPEC-v2 §8.2), "YYYY-MM-DD". Like the CLI
// without --today, a call without it passes the host's local calendar date: the glue reads the
// clock, never the engine. '' passes none (a relative date is then an error).
// An allocation failure inside the module arrives as an Error "out of memory: …" (entry_points.hpp).
// The API goes on once the runtime has run: after this script when the module was instantiated
// synchronously (an instantiateWasm hook that answers at once: the runtime has already run when
// this post-js code is reached, and a post-run callback added now would never be called),
// else when it runs.
function wrapExports() {
  var encoder = new TextEncoder();
  var decoder = new TextDecoder('utf-8');
  var strings = 0, stringsSize = 0;   // the short strings' buffer, grown when needed
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function localToday() {
    var d = new Date();
    return String(d.getFullYear()).padStart(4, '0') + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }
  function todayOr(today) { return today == null ? localToday() : String(today); }
  function str(s) { return s == null ? '' : String(s); }
  function lastAnswer(at) { return HEAPU8.subarray(at, at + Module['_subsim_answer_length']()); }
  var names = decoder.decode(lastAnswer(Module['_subsim_entry_names']())).split(' ');
  function outOfMemory(what, bytes) {
    return new Error('out of memory: the engine cannot take ' + what + ' of ' + bytes + ' bytes');
  }
  var entry = {};                       // entry number by name
  names.forEach(function (name, i) { entry[name] = i; });
  // Writes s's UTF-8 bytes at `at` (room for 3 bytes a UTF-16 unit), returns their count: ASCII
  // (locales, dates, sentence kinds) byte by byte, anything else through the encoder.
  function put(s, at) {
    for (var i = 0; i < s.length; i += 1) {
      var c = s.charCodeAt(i);
      if (c >= 0x80) return encoder.encodeInto(s, HEAPU8.subarray(at, at + 3 * s.length)).written;
      HEAPU8[at + i] = c;
    }
    return s.length;
  }
  // The answer of entry `name` (a view) for the text at (at, length).
  function call(name, at, length, locale, today, extra, from, to) {
    var l = str(locale), t = str(today), x = str(extra);
    var need = 3 * (l.length + t.length + x.length) + 1;
    if (need > stringsSize) {
      if (strings) Module['_free'](strings);
      strings = Module['_malloc'](need);
      stringsSize = strings ? need : 0;
      if (!strings) throw outOfMemory('a locale and a date', need);
    }
    var ln = put(l, strings), tn = put(t, strings + ln), xn = put(x, strings + ln + tn);
    var e = entry.hasOwnProperty(name) ? entry[name] : -1;
    return lastAnswer(Module['_subsim_call'](e, at, length, strings, ln, tn, xn, from || 0, to || 0));
  }
  // fn(at, length) with `text` in memory; its answer as a string.
  function withText(text, fn) {
    var bytes = encoder.encode(str(text));
    var at = Module['_malloc'](bytes.length + 1);
    // No memory for the text: say so instead of writing at address 0 (which breaks every later call).
    if (!at) throw outOfMemory('a text', bytes.length);
    try {
      HEAPU8.set(bytes, at);
      return fn(at, bytes.length);
    } finally {
      Module['_free'](at);
    }
  }
  function has(name) { return names.indexOf(name) >= 0; }
  // simulate and validate take (text, today); the others (text, locale, today).
  ['simulate', 'validate', 'explain', 'narration', 'answer'].forEach(function (name) {
    var dated = name === 'simulate' || name === 'validate';
    Module[name + '_utf8'] = dated
      ? function (at, length, today) { return call(name, at, length, '', today); }
      : function (at, length, locale, today) { return call(name, at, length, locale, today); };
    Module[name] = function (text, a, b) {
      return withText(text, function (at, length) {
        return decoder.decode(dated ? call(name, at, length, '', todayOr(a)) : call(name, at, length, str(a), todayOr(b)));
      });
    };
  });
  Module['page_answer_utf8'] = function (at, length, locale, today) { return call('page_answer', at, length, locale, today); };
  // The last page_answer's item lines (wasm/entry_points.hpp, PageLines): an Int32Array copy of
  // [its number, the number of the result it was compared with, count, (at, end, match) × count].
  Module['page_lines'] = function () {
    var p = Module['_subsim_page_lines']() >> 2;
    return p ? HEAP32.slice(p, p + 3 + 3 * HEAP32[p + 2]) : null;
  };
  Module['page_sentences_utf8'] = function (at, length, locale, today, kind, from, to) {
    return call('page_sentences', at, length, locale, today, kind, from, to);
  };
  ['version', 'catalogue', 'page_sentence_kinds', 'date_label_names'].forEach(function (name) {
    Module[name] = function () { return decoder.decode(call(name, 0, 0)); };
  });
  Module['resolved_dates'] = function (text, today) {
    return withText(text, function (at, length) { return decoder.decode(call('resolved_dates', at, length, '', todayOr(today))); });
  };
  // The narrator's labels of dates (style: a name of date_label_names()) and of amounts (minor
  // units of `currency`): values separated by spaces in, a JSON array of labels out (null: not one).
  ['date_labels', 'money_labels'].forEach(function (name) {
    Module[name] = function (values, locale, styleOrCurrency) {
      return withText(values, function (at, length) { return decoder.decode(call(name, at, length, locale, '', styleOrCurrency)); });
    };
  });
  // The authoring module's entry points (authoring_bindings.cpp).
  if (has('field_guide')) Module['field_guide'] = function (locale) { return decoder.decode(call('field_guide', 0, 0, locale)); };
  ['calendar_ics', 'timeline_svg', 'timeline_png'].forEach(function (name) {
    if (!has(name)) return;
    Module[name] = function (text, locale, today) {
      return withText(text, function (at, length) {
        var view = call(name, at, length, locale, todayOr(today));
        return name === 'timeline_png' ? view : decoder.decode(view);
      });
    };
  });
  if (has('sentence_table_html')) {
    Module['sentence_table_html'] = function (text, locale, link, today) {
      return withText(text, function (at, length) { return decoder.decode(call('sentence_table_html', at, length, locale, todayOr(today), link)); });
    };
  }
}
if (calledRun) wrapExports(); else addOnPostRun(wrapExports);
