#pragma once
// Text in, text out: the one entry point shared by the CLI and the WebAssembly module, so both
// give byte-identical answers for the same scenario. Every entry point takes the reference date
// that relative dates ("today", "today+P10D") resolve against (SPEC-v2 §8.2): the caller passes
// it (the CLI the machine's local date or --today, the page the reader's); the core never reads
// the clock. Without it, a scenario that uses a relative date is invalid.
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct JsonAnswer {
    // 0 success, 1 an expectation failed, 2 invalid input (the JSON holds "errors").
    int status = 0;
    std::string json;  // the result of SPEC §4, or { "subsim": 1, "errors": [...] } (SPEC §5)
};

// A valid scenario and its result, or the errors answer (status 2): invalid input, or a run that
// passed the output limit (placed on /until). The first steps of every text entry point, here and
// in core/render's exports.
struct Simulated {
    std::optional<Scenario> scenario;
    Result result;
    JsonAnswer errors;
};

// An output limit reached (records, bytes): the errors answer (status 2), at the position of
// "until" in `scenario_text`; `version` the file's format version.
JsonAnswer output_limit_error(std::string_view scenario_text, std::string message, int version);

Simulated read_and_simulate(std::string_view scenario_text, std::optional<Date> today = std::nullopt);

// Parse, validate and simulate a scenario file's text.
JsonAnswer simulate_json(std::string_view scenario_text, std::optional<Date> today = std::nullopt);

// Parse and validate only; the JSON is always the errors object (an empty list when valid).
JsonAnswer validate_json(std::string_view scenario_text, std::optional<Date> today = std::nullopt);

// The sentence of every event (SPEC §4.1, §6): a JSON array of strings in the order of the
// result's events, or the errors object (status 2). `locale` "fr", "en", …; an empty locale means
// the scenario's own `locale`, an unknown one English. Same bytes as `subsim explain`.
JsonAnswer explain_json(std::string_view scenario_text, std::string_view locale, std::optional<Date> today = std::nullopt);

// {"events":[...], "expectations":[...], "answers":[{"action":i,"sentence":"..."}...]}: the event
// sentences, one line per `expect` entry and the what-if answer of every scenario action, or the
// errors object (status 2).
JsonAnswer narration_json(std::string_view scenario_text, std::string_view locale, std::optional<Date> today = std::nullopt);

// The names JavaScript may use, from the typed declarations: {"rules":[{"id","spec","source"}...],
// "event_types":[...], "states":[...], "actions":[...], "reasons":[...]}.
std::string catalogue_json();

// One parse and one simulation for the page: {"locale": "en"|"fr", "result": <the bytes of
// simulate_json>, "narration": <the bytes of narration_json in that language>}, the locale chosen
// as narration_json does; an invalid scenario gives the errors object in both places.
JsonAnswer answer_json(std::string_view scenario_text, std::string_view locale, std::optional<Date> today = std::nullopt);

// Where each relative date of the scenario falls for `today` (SPEC-v2 §8.1), for the page's own
// drawing (axis, what-if bounds), which must not resolve dates itself:
// {"today": "2026-03-31" or null, "dates": {"/start": "2025-02-28", ...}}, pointers in the order
// of std::map (byte order). Values that are not read (x- keys) or not valid are not listed.
std::string resolved_dates_json(std::string_view scenario_text, std::optional<Date> today);

}  // namespace subsim
