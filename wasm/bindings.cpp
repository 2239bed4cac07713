// Embind bindings over the core's text API (core/io/json_api.hpp): the browser and Node get the
// very same bytes as `subsim run --json` / `subsim validate --json` / `subsim explain`, because
// both call the same functions (explain and narration take a locale: "fr", "en", "" = the
// scenario's own). Every entry point takes the reference date of relative dates (SPEC-v2 §8.2)
// as "YYYY-MM-DD", "" for none; wasm/utf8_strings.js passes the caller's, else the local date of
// the JavaScript host, as the CLI does. Nothing here interprets the scenario.
#include <emscripten/bind.h>

#include <exception>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/limits.hpp"
#include "io/relative_date.hpp"
#include "narrate/format.hpp"
#include "narrate/narrator.hpp"

#ifndef SUBSIM_VERSION
#define SUBSIM_VERSION "unknown"
#endif

namespace {

// The core never throws by contract; should it do so anyway, the page still gets an errors
// object it knows how to show instead of an opaque wasm exception pointer.
std::string internal_error(const char* what) {
    std::string msg = "internal error: ";
    for (const char* p = what; p && *p; ++p) {  // minimal JSON string escaping
        const char c = *p;
        if (c == '"' || c == '\\') { msg += '\\'; msg += c; }
        else if (static_cast<unsigned char>(c) < 0x20) msg += ' ';
        else msg += c;
    }
    return R"({"subsim":1,"errors":[{"pointer":"","message":")" + msg + R"(","line":1,"column":1}]})";
}

template <class Fn>
std::string answer(Fn fn, std::string_view text) {
    try {
        return fn(text).json;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown exception");
    }
}

// The reference date as given by JavaScript: "" is none; anything else must be a date.
struct Today {
    std::optional<subsim::Date> date;
    bool bad = false;
};
Today today_of(std::string_view text) {
    if (text.empty()) return {};
    const std::optional<subsim::Date> d = subsim::parse_reference_date(text);
    return {d, !d};
}
std::string bad_today() {
    return R"({"subsim":1,"errors":[{"pointer":"","message":"the reference date (today) must be written YYYY-MM-DD between 1900-01-01 and 9999-12-31","line":1,"column":1}]})";
}

// fn(text, today): the answer, or the error of a bad reference date.
template <class Fn>
std::string answer_on(Fn fn, std::string_view text, std::string_view today) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    return answer([&](std::string_view s) { return fn(s, t.date); }, text);
}

// fn(text, locale, today).
template <class Fn>
std::string answer_in(Fn fn, std::string_view text, std::string_view locale, std::string_view today) {
    return answer_on([&](std::string_view s, std::optional<subsim::Date> d) { return fn(s, locale, d); }, text, today);
}

std::string simulate(const std::string& text, const std::string& today) { return answer_on(subsim::simulate_json, text, today); }
std::string validate(const std::string& text, const std::string& today) { return answer_on(subsim::validate_json, text, today); }
std::string version() { return SUBSIM_VERSION; }

std::string explain(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_in(subsim::explain_json, text, locale, today);
}
std::string narration(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_in(subsim::narration_json, text, locale, today);
}
std::string answer_both(const std::string& text, const std::string& locale, const std::string& today) {
    return answer_in(subsim::answer_json, text, locale, today);
}
std::string catalogue() { return subsim::catalogue_json(); }
// Where the scenario's relative dates fall (json_api.hpp resolved_dates_json), for the page's drawing.
std::string resolved_dates(const std::string& text, const std::string& today) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    return answer([&](std::string_view s) { return subsim::JsonAnswer{0, subsim::resolved_dates_json(s, t.date)}; }, text);
}

// The fast path used by wasm/utf8_strings.js: the text arrives as UTF-8 bytes already in wasm
// memory and the answer leaves as a view of it, so JavaScript converts both with TextEncoder and
// TextDecoder instead of embind's byte-by-byte loops (several milliseconds on large results).
// The view is valid until the next call, which is all the wrapper needs.
std::string last_answer;

emscripten::val answer_view(std::string text) {
    last_answer = std::move(text);
    return emscripten::val(emscripten::typed_memory_view(
        last_answer.size(), reinterpret_cast<const unsigned char*>(last_answer.data())));
}

// The UTF-8 bytes JavaScript wrote into wasm memory, as text.
std::string_view bytes_view(std::uintptr_t bytes, std::size_t length) {
    return std::string_view(reinterpret_cast<const char*>(bytes), length);
}

emscripten::val simulate_utf8(std::uintptr_t bytes, std::size_t length, const std::string& today) {
    return answer_view(answer_on(subsim::simulate_json, bytes_view(bytes, length), today));
}

emscripten::val validate_utf8(std::uintptr_t bytes, std::size_t length, const std::string& today) {
    return answer_view(answer_on(subsim::validate_json, bytes_view(bytes, length), today));
}

emscripten::val explain_utf8(std::uintptr_t bytes, std::size_t length, const std::string& locale, const std::string& today) {
    return answer_view(answer_in(subsim::explain_json, bytes_view(bytes, length), locale, today));
}

emscripten::val narration_utf8(std::uintptr_t bytes, std::size_t length, const std::string& locale, const std::string& today) {
    return answer_view(answer_in(subsim::narration_json, bytes_view(bytes, length), locale, today));
}

emscripten::val answer_utf8(std::uintptr_t bytes, std::size_t length, const std::string& locale, const std::string& today) {
    return answer_view(answer_in(subsim::answer_json, bytes_view(bytes, length), locale, today));
}

// ---- the page's answer for an edit (web/src/engine-page.js) ---------------------------------------
// answer() narrates every event, expectation and action of the result, although a frame of the
// page shows a handful of sentences: on 1,827 events that narration is most of the engine's time
// and a third of its JSON. page_answer gives, from one parse and one simulation, the result (the
// bytes of simulate_json) and the language answer() would narrate in; the sentences the page
// shows come afterwards by range (page_sentences), from the same simulation, kept here until the
// next text. Every sentence is the narrator's own (narrate_event, narrate_expectation,
// narrate_answer: what narration_json gives, item by item), so the page shows the same strings;
// tests/web/parity.test.js compares them with narration().

// The reading and simulation of one text on one day, kept for its sentences.
struct KeptRun {
    std::string text, today;
    subsim::Simulated run;
};
std::optional<KeptRun> kept_run;

// The simulation of `text` on `today`: the kept one when it is of the same text and day.
const subsim::Simulated& run_of(std::string_view text, std::string_view today, const Today& t) {
    if (!kept_run || kept_run->text != text || kept_run->today != today) {
        kept_run.reset();  // the old run's memory goes before the new one is made
        kept_run = KeptRun{std::string(text), std::string(today), subsim::read_and_simulate(text, t.date)};
    }
    return kept_run->run;
}

// {"locale": "en"|"fr", "result": <simulate_json's bytes>}: the language as answer() chooses it
// (the one asked, else the scenario's); an invalid text gives its errors as the result, and a
// result past the output limit the error answer() gives.
std::string page_answer(std::string_view text, std::string_view locale, std::string_view today) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    const subsim::Simulated& s = run_of(text, today, t);
    const subsim::Language lang = subsim::language_of(locale, s.scenario ? std::string_view(s.scenario->locale) : std::string_view{});
    std::string head = "{\"locale\": ";
    subsim::append_json_string(head, lang == subsim::Language::fr ? "fr" : "en");
    head += ", \"result\": ";
    if (!s.scenario) return head + s.errors.json + "}\n";
    subsim::BudgetedText written = subsim::write_result_json(s.result, subsim::limits::answer_bytes - head.size() - 2);
    if (!written.text) {  // answer()'s error: its result then is the errors object
        const std::string both = answer_both(std::string(text), std::string(locale), std::string(today));
        return both.substr(0, both.find(", \"narration\": ")) + "}\n";
    }
    std::string out;
    out.reserve(head.size() + written.bytes + 2);
    return out.append(head).append(*written.text).append("}\n");
}

// The sentence of item i of `kind`: "events" (narration().events[i]), "expectations"
// (narration().expectations[i]) or "answers" (the what-if answer of scenario action i).
std::string sentence_of(const subsim::Simulated& s, subsim::Language lang, std::string_view kind, std::size_t i) {
    if (kind == "events") return subsim::narrate_event(*s.scenario, s.result, s.result.events[i], lang);
    if (kind == "expectations") return subsim::narrate_expectation(*s.scenario, s.result.expectations[i], lang);
    return subsim::narrate_answer(*s.scenario, s.result, i, lang);
}

// Sentences [from, to) of `kind` (to past the end: up to the end) of the text's result, in the
// language asked (else the scenario's), as a JSON array; the errors object for an invalid text.
std::string page_sentences(std::string_view text, std::string_view locale, std::string_view today, std::string_view kind,
                           std::size_t from, std::size_t to) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    const subsim::Simulated& s = run_of(text, today, t);
    if (!s.scenario) return s.errors.json;
    const subsim::Language lang = subsim::language_of(locale, s.scenario->locale);
    const std::size_t n = kind == "events"         ? s.result.events.size()
                          : kind == "expectations" ? s.result.expectations.size()
                          : kind == "answers"      ? s.scenario->actions.size()
                                                   : 0;
    std::string out = "[";
    for (std::size_t i = from; i < to && i < n; ++i) {
        if (i > from) out += ", ";
        subsim::append_json_string(out, sentence_of(s, lang, kind, i));
    }
    return out + "]\n";
}

template <class Fn>
emscripten::val guarded_view(Fn fn) {
    try {
        return answer_view(fn());
    } catch (const std::exception& e) {
        return answer_view(internal_error(e.what()));
    } catch (...) {
        return answer_view(internal_error("unknown exception"));
    }
}

emscripten::val page_answer_utf8(std::uintptr_t bytes, std::size_t length, const std::string& locale, const std::string& today) {
    return guarded_view([&] { return page_answer(bytes_view(bytes, length), locale, today); });
}

emscripten::val page_sentences_utf8(std::uintptr_t bytes, std::size_t length, const std::string& locale, const std::string& today,
                                    const std::string& kind, std::size_t from, std::size_t to) {
    return guarded_view([&] { return page_sentences(bytes_view(bytes, length), locale, today, kind, from, to); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(subsim) {
    emscripten::function("simulate", &simulate);
    emscripten::function("validate", &validate);
    emscripten::function("version", &version);
    emscripten::function("simulate_utf8", &simulate_utf8);
    emscripten::function("validate_utf8", &validate_utf8);
    emscripten::function("explain", &explain);
    emscripten::function("narration", &narration);
    emscripten::function("catalogue", &catalogue);
    emscripten::function("explain_utf8", &explain_utf8);
    emscripten::function("narration_utf8", &narration_utf8);
    emscripten::function("answer", &answer_both);
    emscripten::function("answer_utf8", &answer_utf8);
    emscripten::function("resolved_dates", &resolved_dates);
    emscripten::function("page_answer_utf8", &page_answer_utf8);
    emscripten::function("page_sentences_utf8", &page_sentences_utf8);
}
