#pragma once
// The WebAssembly modules' entry points (bindings.cpp: the reader's; authoring_bindings.cpp: the
// authors') over the core's text API (core/io/json_api.hpp): the browser and Node get the very
// same bytes as `subsim run --json` / `subsim validate --json` / `subsim explain`, because
// both call the same functions (explain and narration take a locale: "fr", "en", "" = the
// scenario's own). Every entry point takes the reference date of relative dates (SPEC-v2 §8.2)
// as "YYYY-MM-DD", "" for none; wasm/utf8_strings.js passes the caller's, else the local date of
// the JavaScript host, as the CLI does. Nothing here interprets the scenario.
#include <emscripten/emscripten.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/limits.hpp"
#include "io/relative_date.hpp"
#include "io/result_lines.hpp"
#include "narrate/format.hpp"
#include "narrate/narrator.hpp"

#ifndef SUBSIM_VERSION
#define SUBSIM_VERSION "unknown"
#endif

// Exhausted memory, the one failure left (the core throws nothing of its own), must give the
// caller a clear error, not an aborted module. With exceptions (-fwasm-exceptions, the default:
// wasm/CMakeLists.txt SUBSIM_WASM_EXCEPTIONS) the guard catches std::bad_alloc and answers an errors
// object. Without them, the C++ library's operator new calls the new-handler below, which sets
// the module's stack back to where the call found it and throws a JavaScript Error ("out of
// memory: ...") through the module's frames to the caller (wasm/utf8_strings.js,
// web/src/engine-page.js); the module stays usable, what the unwound frames held is not freed.
#if defined(__cpp_exceptions)
namespace {

// An errors object the page knows how to show; `what` null: out of memory.
std::string internal_error(const char* what) {
    if (!what) return R"({"subsim":1,"errors":[{"pointer":"","message":"out of memory: the engine could not allocate the memory this scenario needs","line":1,"column":1}]})";
    std::string msg = "internal error: ";
    for (const char* p = what; p && *p; ++p) {  // minimal JSON string escaping
        const char c = *p;
        if (c == '"' || c == '\\') { msg += '\\'; msg += c; }
        else if (static_cast<unsigned char>(c) < 0x20) msg += ' ';
        else msg += c;
    }
    return R"({"subsim":1,"errors":[{"pointer":"","message":")" + msg + R"(","line":1,"column":1}]})";
}

// The guard of every call (subsim_call, below): fn()'s answer, or the errors object of what it threw.
template <class Fn>
std::string guarded(Fn fn) {
    try {
        return fn();
    } catch (const std::bad_alloc&) {
        return internal_error(nullptr);
    } catch (const std::exception& e) {
        return internal_error(e.what());
    } catch (...) {
        return internal_error("unknown exception");
    }
}

}  // namespace
#else
extern "C" std::uintptr_t stackSave();
extern "C" void stackRestore(std::uintptr_t);
EM_JS(void, subsim_throw_out_of_memory, (), {
    throw new Error('out of memory: the engine could not allocate the memory this scenario needs');
});

namespace {

// The stack pointer when JavaScript called the running entry point (0: none running).
std::uintptr_t entry_stack = 0;

void out_of_memory() {
    const std::uintptr_t sp = entry_stack;
    entry_stack = 0;
    if (sp) stackRestore(sp);
    subsim_throw_out_of_memory();
}

// The guard of every call (subsim_call, below): fn()'s answer; an allocation failure inside it
// reaches the caller as a JavaScript Error (out_of_memory above).
template <class Fn>
std::string guarded(Fn fn) {
    static const std::new_handler installed = std::set_new_handler(out_of_memory);
    (void)installed;
    entry_stack = stackSave();
    std::string out = fn();
    entry_stack = 0;
    return out;
}

}  // namespace
#endif

namespace {

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
    return fn(text, t.date).json;
}

// fn(text, locale, today).
template <class Fn>
std::string answer_in(Fn fn, std::string_view text, std::string_view locale, std::string_view today) {
    return answer_on([&](std::string_view s, std::optional<subsim::Date> d) { return fn(s, locale, d); }, text, today);
}

// answer(text, locale, today): the result and the narration from one parse and one simulation.
std::string answer_both(std::string_view text, std::string_view locale, std::string_view today) {
    return answer_in(subsim::answer_json, text, locale, today);
}

// Where the scenario's relative dates fall (json_api.hpp resolved_dates_json), for the page's drawing.
std::string resolved_dates(std::string_view text, std::string_view today) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    return subsim::resolved_dates_json(text, t.date);
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

// The item lines of the last result page_answer gave, each matched with the result before it
// (io/result_lines.hpp), so that the page parses only the lines an edit changed
// (web/src/engine-result-lines.js). Read through subsim_page_lines() (below): the numbers of this
// result and of the one it was compared with (the page reuses its objects only when it parsed
// that one), then each line's start, end and match.
struct PageLines {
    std::string text;  // the last result, compared with the next one
    std::vector<subsim::ItemLine> lines;
    std::int32_t number = 0;
    std::vector<std::int32_t> exported;  // number, previous number, count, then (at, end, match) per line
};
PageLines page_lines;

// Results longer than this are not kept for the next comparison: its lines are then all new.
// (Keeping one is a copy of it in the module's memory; the page parses a result that long whole
// in a fraction of the time its engine call takes.)
constexpr std::size_t page_lines_kept_bytes = std::size_t{32} << 20;

// Records the result inside `answer` (after `head`, before "}\n") and returns the answer. The
// state changes only once every part is made (an allocation failure leaves it as it was).
std::string with_page_lines(std::string answer, std::size_t head) {
    const std::string_view result = std::string_view(answer).substr(head, answer.size() - head - 2);
    std::vector<subsim::ItemLine> lines = subsim::item_lines(result);
    subsim::match_item_lines(page_lines.text, page_lines.lines, result, lines);
    std::vector<std::int32_t> exported{page_lines.number + 1, page_lines.number, static_cast<std::int32_t>(lines.size())};
    exported.reserve(3 + 3 * lines.size());
    for (const subsim::ItemLine& l : lines) exported.insert(exported.end(), {static_cast<std::int32_t>(l.at), static_cast<std::int32_t>(l.end), l.match});
    const bool keep = result.size() <= page_lines_kept_bytes;
    std::string text = keep ? std::string(result) : std::string();
    page_lines = PageLines{std::move(text), keep ? std::move(lines) : std::vector<subsim::ItemLine>{}, page_lines.number + 1, std::move(exported)};
    return answer;
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
    if (!s.scenario) return with_page_lines(head + s.errors.json + "}\n", head.size());
    subsim::BudgetedText written = subsim::write_result_json(s.result, subsim::limits::answer_bytes - head.size() - 2);
    if (!written.text) {  // answer()'s error: its result then is the errors object
        const std::string both = answer_both(text, locale, today);
        return with_page_lines(both.substr(0, both.find(", \"narration\": ")) + "}\n", head.size());
    }
    std::string out;
    out.reserve(head.size() + written.bytes + 2);
    return with_page_lines(std::move(out.append(head).append(*written.text).append("}\n")), head.size());
}

// The kinds of sentence page_sentences gives, declared here only: JavaScript reads the names from
// page_sentence_kinds() (a JSON array, in this order). events: narration().events[i];
// expectations: narration().expectations[i]; answers: the what-if answer of scenario action i.
enum class SentenceKind { events, expectations, answers };
constexpr std::array<std::string_view, 3> sentence_kinds = {"events", "expectations", "answers"};

std::optional<SentenceKind> sentence_kind(std::string_view name) {
    for (std::size_t k = 0; k < sentence_kinds.size(); ++k)
        if (sentence_kinds[k] == name) return static_cast<SentenceKind>(k);
    return std::nullopt;
}

// `names` as a JSON array of strings.
std::string json_names(std::span<const std::string_view> names) {
    std::string out = "[";
    for (const std::string_view name : names) {
        if (out.size() > 1) out += ", ";
        subsim::append_json_string(out, name);
    }
    return out + "]";
}

std::string page_sentence_kinds() { return json_names(sentence_kinds); }

// How many sentences of `kind` the text's result has.
std::size_t sentence_count(const subsim::Simulated& s, SentenceKind kind) {
    switch (kind) {
        case SentenceKind::events: return s.result.events.size();
        case SentenceKind::expectations: return s.result.expectations.size();
        case SentenceKind::answers: return s.scenario->actions.size();
    }
    return 0;
}

std::string sentence_of(const subsim::Simulated& s, subsim::Language lang, SentenceKind kind, std::size_t i) {
    switch (kind) {
        case SentenceKind::events: return subsim::narrate_event(*s.scenario, s.result, s.result.events[i], lang);
        case SentenceKind::expectations: return subsim::narrate_expectation(*s.scenario, s.result.expectations[i], lang);
        case SentenceKind::answers: break;
    }
    return subsim::narrate_answer(*s.scenario, s.result, i, lang);
}

// Sentences [from, to) of `kind` (to past the end: up to the end; an unknown kind: none) of the
// text's result, in the language asked (else the scenario's), as a JSON array; the errors object
// for an invalid text.
std::string page_sentences(std::string_view text, std::string_view locale, std::string_view today, std::string_view kind,
                           std::size_t from, std::size_t to) {
    const Today t = today_of(today);
    if (t.bad) return bad_today();
    const subsim::Simulated& s = run_of(text, today, t);
    if (!s.scenario) return s.errors.json;
    const subsim::Language lang = subsim::language_of(locale, s.scenario->locale);
    const std::optional<SentenceKind> k = sentence_kind(kind);
    const std::size_t n = k ? sentence_count(s, *k) : 0;
    std::string out = "[";
    for (std::size_t i = from; i < to && i < n; ++i) {
        if (i > from) out += ", ";
        subsim::append_json_string(out, sentence_of(s, lang, *k, i));
    }
    return out + "]\n";
}

// ---- labels: dates and amounts written by the narrator for the page's tables and axis -----------
// Every date and amount a reader sees beside a sentence is written as the sentence writes it
// (narrate/format.hpp), and the page makes no Intl format (the first one of a visit cost 15-45 ms
// of its first frame). `values`: separated by spaces; the answer: a JSON array, in their order, of
// each one's label, null for a value that is not one (JavaScript then shows the value as given).
template <class Label>
std::string labels_of(std::string_view values, Label label) {
    std::string out = "[";
    while (!values.empty()) {
        const std::size_t space = values.find(' ');
        const std::string_view value = values.substr(0, space);
        values = space == std::string_view::npos ? std::string_view{} : values.substr(space + 1);
        if (value.empty()) continue;
        if (out.size() > 1) out += ", ";
        if (const std::optional<std::string> l = label(value)) subsim::append_json_string(out, *l);
        else out += "null";
    }
    return out + "]";
}

// ISO dates, as the label named `style` (format.hpp date_label_names) writes them.
std::string date_labels(std::string_view dates, std::string_view locale, std::string_view style) {
    const std::optional<subsim::DateLabel> label = subsim::date_label_named(style);
    const subsim::Language lang = subsim::language_of(locale);
    return labels_of(dates, [&](std::string_view value) -> std::optional<std::string> {
        const std::optional<subsim::Date> d = subsim::Date::parse(value);
        if (!d || !label) return std::nullopt;
        return subsim::format_date(*d, lang, *label);
    });
}

// Amounts in minor units of `currency`, as sentences write them.
std::string money_labels(std::string_view amounts, std::string_view locale, std::string_view currency) {
    const subsim::Language lang = subsim::language_of(locale);
    return labels_of(amounts, [&](std::string_view value) -> std::optional<std::string> {
        std::int64_t minor = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), minor);
        if (error != std::errc{} || end != value.data() + value.size()) return std::nullopt;
        return subsim::format_money(minor, currency, lang);
    });
}

// The names date_labels takes, as a JSON array (JavaScript checks its own against them).
std::string date_label_names() { return json_names(subsim::date_label_names); }

}  // namespace

// ---- the exports --------------------------------------------------------------------------------
// Plain C exports instead of embind (its glue and registration code were ~7 KB gzip of a first
// visit): JavaScript calls subsim_call(entry, ...) with the text's UTF-8 bytes already in memory
// and the short strings (locale, date, one more) side by side in a second buffer; the answer's
// bytes stay in `last_answer` until the next call (pointer returned, length from
// subsim_answer_length). wasm/utf8_strings.js builds the module's JavaScript API on them.
namespace {

// One call's arguments: the text, the locale ("fr", "en", "" for the scenario's own), the
// reference date ("" none), one more string (the sentence kind, the HTML export's link) and a range.
struct Call {
    std::string_view text, locale, today, extra;
    std::size_t from = 0, to = 0;
};
struct Entry {
    std::string_view name;
    std::string (*answer)(const Call&);
};

std::string last_answer;

// The reader's entry points, by the name JavaScript gives them (utf8_strings.js).
constexpr Entry reader_entries[] = {
    {"version", [](const Call&) { return std::string(SUBSIM_VERSION); }},
    {"catalogue", [](const Call&) { return subsim::catalogue_json(); }},
    {"simulate", [](const Call& c) { return answer_on(subsim::simulate_json, c.text, c.today); }},
    {"validate", [](const Call& c) { return answer_on(subsim::validate_json, c.text, c.today); }},
    {"explain", [](const Call& c) { return answer_in(subsim::explain_json, c.text, c.locale, c.today); }},
    {"narration", [](const Call& c) { return answer_in(subsim::narration_json, c.text, c.locale, c.today); }},
    {"answer", [](const Call& c) { return answer_both(c.text, c.locale, c.today); }},
    {"resolved_dates", [](const Call& c) { return resolved_dates(c.text, c.today); }},
    {"page_answer", [](const Call& c) { return page_answer(c.text, c.locale, c.today); }},
    {"page_sentences", [](const Call& c) { return page_sentences(c.text, c.locale, c.today, c.extra, c.from, c.to); }},
    {"page_sentence_kinds", [](const Call&) { return page_sentence_kinds(); }},
    {"date_labels", [](const Call& c) { return date_labels(c.text, c.locale, c.extra); }},
    {"money_labels", [](const Call& c) { return money_labels(c.text, c.locale, c.extra); }},
    {"date_label_names", [](const Call&) { return date_label_names(); }},
};

// The module's other entry points (none in the reader's; authoring_bindings.cpp has its own).
std::span<const Entry> more_entries();

const Entry* entry_at(std::size_t i) {
    if (i < std::size(reader_entries)) return &reader_entries[i];
    i -= std::size(reader_entries);
    return i < more_entries().size() ? &more_entries()[i] : nullptr;
}

}  // namespace

extern "C" {

// Entry `entry`'s answer (entry numbers: the order of subsim_entry_names()); an unknown entry
// answers "". The one guard of every call (guarded, above).
EMSCRIPTEN_KEEPALIVE const char* subsim_call(std::size_t entry, const char* text, std::size_t text_length, const char* strings,
                                             std::size_t locale_length, std::size_t today_length, std::size_t extra_length,
                                             std::size_t from, std::size_t to) {
    std::string().swap(last_answer);  // the previous answer's memory is free for this one, as natively
    const Entry* e = entry_at(entry);
    const Call call{std::string_view(text, text_length), std::string_view(strings, locale_length),
                    std::string_view(strings + locale_length, today_length),
                    std::string_view(strings + locale_length + today_length, extra_length), from, to};
    std::string out = e ? guarded([&] { return e->answer(call); }) : std::string();
    last_answer = std::move(out);
    return last_answer.data();
}

// The length of the last answer.
EMSCRIPTEN_KEEPALIVE std::size_t subsim_answer_length() { return last_answer.size(); }

// The item lines of the last page_answer's result (PageLines above): 3 + 3 × count 32-bit numbers.
EMSCRIPTEN_KEEPALIVE const std::int32_t* subsim_page_lines() { return page_lines.exported.data(); }

// The entry names separated by spaces, in entry order (as an answer: pointer, then the length).
EMSCRIPTEN_KEEPALIVE const char* subsim_entry_names() {
    std::string names;
    for (std::size_t i = 0; const Entry* e = entry_at(i); ++i) names.append(i ? " " : "").append(e->name);
    last_answer = std::move(names);
    return last_answer.data();
}

}  // extern "C"
