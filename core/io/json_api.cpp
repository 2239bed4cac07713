#include "io/json_api.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/simulate.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/limits.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/names.hpp"
#include "narrate/narrator.hpp"

namespace subsim {
namespace {

// Where JSON text goes: counted only (out null), or appended up to `limit` bytes. Past the limit
// nothing more is appended (`over` set), so a text too large holds at most the limit and one
// string; only then is it run again through a counting sink, for its exact length.
struct Sink {
    std::string* out = nullptr;
    std::size_t bytes = 0;
    std::size_t limit = static_cast<std::size_t>(-1);
    bool over = false;

    void raw(std::string_view s) {
        if (!out) bytes += s.size();
        else if (!over) out->append(s);
        check();
    }
    void string(std::string_view s) {
        if (!out) bytes += json_string_bytes(s);
        else if (!over) append_json_string(*out, s);
        check();
    }
    void check() { over = over || (out && out->size() > limit); }
};

// ["…", "…"], one item a line, indented by `indent`.
void put_array(Sink& sink, const std::vector<std::string>& items, std::string_view indent) {
    if (items.empty()) return sink.raw("[]");
    sink.raw("[\n");
    for (std::size_t i = 0; i < items.size() && !sink.over; ++i) {
        sink.raw(indent);
        sink.raw("  ");
        sink.string(items[i]);
        sink.raw(i + 1 < items.size() ? ",\n" : "\n");
    }
    sink.raw(indent);
    sink.raw("]");
}

std::string string_array(const std::vector<std::string>& items, std::string_view indent) {
    std::string out;
    Sink sink{&out};
    put_array(sink, items, indent);
    return out;
}

// The bytes of the sentences and what quotes and separates them (escapes aside): the size to
// reserve for an answer that lists them.
std::size_t listed_bytes(const std::vector<std::string>& items) {
    std::size_t n = 0;
    for (const std::string& item : items) n += item.size() + 32;
    return n;
}

// Text of `before` bytes already counted plus what `put` writes, within the answer budget:
// written in one pass into a buffer reserved at `estimate`, stopped where it passes the budget;
// only then counted, for the error's exact length (and `errors` set, no text).
template <class Put>
std::optional<std::string> within_budget(std::string_view text, const Scenario& sc, std::size_t before,
                                         std::size_t estimate, Put put, JsonAnswer& errors) {
    const std::size_t budget = limits::answer_bytes - std::min(before, limits::answer_bytes);
    std::string out;
    out.reserve(std::min(estimate, budget));
    Sink writer{&out, 0, budget};
    put(writer);
    if (!writer.over) return out;
    std::string().swap(out);  // (its memory given back before the count)
    Sink counter;
    put(counter);
    errors = output_limit_error(text, limits::answer_too_large(before + counter.bytes, true), sc.version);
    return std::nullopt;
}

// The sentences of a narration: each list stops as soon as the answer's budget (less `before`,
// bytes already counted) is passed.
struct Sentences {
    std::vector<std::string> events, expectations, answers;
    bool complete = false;
};

Sentences narrate_within(const Scenario& sc, const Result& r, Language lang, std::size_t before, bool whole) {
    Sentences s;
    const auto left = [&](std::size_t used) { return limits::answer_bytes - std::min(limits::answer_bytes, used); };
    std::size_t used = before;
    const auto count = [&](const std::vector<std::string>& lines) {
        for (const std::string& line : lines) used += line.size();
    };
    s.events = narrate_events(sc, r, lang, left(used));
    count(s.events);
    if (s.events.size() < r.events.size()) return s;
    if (whole) {
        s.expectations = narrate_expectations(sc, r.expectations, lang, left(used));
        count(s.expectations);
        if (s.expectations.size() < r.expectations.size()) return s;
        s.answers = narrate_answers(sc, r, lang, left(used));
        if (s.answers.size() < sc.actions.size()) return s;
    }
    s.complete = true;
    return s;
}

void put_answers(Sink& sink, const std::vector<std::string>& answers) {
    for (std::size_t i = 0; i < answers.size() && !sink.over; ++i) {
        sink.raw(i == 0 ? "\n    {\"action\": " : ",\n    {\"action\": ");
        sink.raw(std::to_string(i));
        sink.raw(", \"sentence\": ");
        sink.string(answers[i]);
        sink.raw("}");
    }
    sink.raw(answers.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

template <class Names>
std::string name_array(const Names& names) {
    std::vector<std::string> items(names.begin(), names.end());
    return string_array(items, "  ");
}

// The narration object of narration_json for a result already computed, `before` bytes of the
// answer being counted already; none (and `errors` set) when the whole would pass the budget.
std::optional<std::string> narration_text(std::string_view text, const Scenario& sc, const Result& result, Language lang,
                                          std::size_t before, JsonAnswer& errors) {
    const Sentences s = narrate_within(sc, result, lang, before, true);
    if (!s.complete) {
        errors = output_limit_error(text, limits::answer_too_large(0, false), sc.version);
        return std::nullopt;
    }
    const std::size_t estimate = 64 + listed_bytes(s.events) + listed_bytes(s.expectations) + listed_bytes(s.answers);
    return within_budget(text, sc, before, estimate, [&](Sink& sink) {
        sink.raw("{\n  \"events\": ");
        put_array(sink, s.events, "  ");
        sink.raw(",\n  \"expectations\": ");
        put_array(sink, s.expectations, "  ");
        sink.raw(",\n  \"answers\": [");
        put_answers(sink, s.answers);
    }, errors);
}

}  // namespace

JsonAnswer output_limit_error(std::string_view text, std::string message, int version) {
    Diagnostics limit{{"/until", std::move(message), 1, 1}};
    JsonDocument::parse(text).locate(limit);
    return {2, write_errors_json(limit, version)};
}

Simulated read_and_simulate(std::string_view text, std::optional<Date> today) {
    Simulated s;
    ScenarioReading reading = read_scenario(text, today);
    if (!reading.scenario) {
        s.errors = {2, write_errors_json(reading.errors, reading.version)};
        return s;
    }
    s.result = simulate(*reading.scenario);
    if (s.result.limit_exceeded) {
        s.errors = output_limit_error(text, *s.result.limit_exceeded, reading.scenario->version);
        return s;
    }
    s.scenario = std::move(reading.scenario);
    return s;
}

JsonAnswer simulate_json(std::string_view text, std::optional<Date> today) {
    const Simulated s = read_and_simulate(text, today);
    if (!s.scenario) return s.errors;
    BudgetedText written = write_result_json(s.result, limits::answer_bytes);
    if (!written.text) return output_limit_error(text, limits::answer_too_large(written.bytes, true), s.scenario->version);
    return {s.result.all_expectations_passed() ? 0 : 1, std::move(*written.text)};
}

JsonAnswer validate_json(std::string_view text, std::optional<Date> today) {
    const ScenarioReading reading = read_scenario(text, today);
    return {reading.scenario ? 0 : 2, write_errors_json(reading.errors, reading.version)};
}

JsonAnswer explain_json(std::string_view text, std::string_view locale, std::optional<Date> today) {
    const Simulated s = read_and_simulate(text, today);
    if (!s.scenario) return s.errors;
    const Language lang = language_of(locale, s.scenario->locale);
    const Sentences sentences = narrate_within(*s.scenario, s.result, lang, 0, false);
    if (!sentences.complete) return output_limit_error(text, limits::answer_too_large(0, false), s.scenario->version);
    JsonAnswer errors;
    std::optional<std::string> out = within_budget(text, *s.scenario, 0, 8 + listed_bytes(sentences.events), [&](Sink& sink) {
        put_array(sink, sentences.events, "");
        sink.raw("\n");
    }, errors);
    if (!out) return errors;
    return {0, std::move(*out)};
}

JsonAnswer narration_json(std::string_view text, std::string_view locale, std::optional<Date> today) {
    const Simulated s = read_and_simulate(text, today);
    if (!s.scenario) return s.errors;
    const Language lang = language_of(locale, s.scenario->locale);
    JsonAnswer errors;
    std::optional<std::string> narration = narration_text(text, *s.scenario, s.result, lang, 0, errors);
    if (!narration) return errors;
    return {s.result.all_expectations_passed() ? 0 : 1, std::move(*narration)};
}

std::string catalogue_json() {
    std::string out = "{\n  \"rules\": [";
    bool first = true;
    for (const RuleInfo& r : rule_catalogue()) {
        out += first ? "\n    {\"id\": " : ",\n    {\"id\": ";
        first = false;
        append_json_string(out, r.id);
        out += ", \"spec\": ";
        append_json_string(out, r.spec);
        out += ", \"source\": ";
        append_json_string(out, r.source);
        out += '}';
    }
    out += "\n  ],\n  \"event_types\": " + name_array(event_type_names());
    out += ",\n  \"states\": " + name_array(state_names());
    out += ",\n  \"actions\": " + name_array(action_names());
    std::vector<std::string> reasons;
    for (Reason r : all_reasons()) reasons.emplace_back(to_string(r));
    out += ",\n  \"reasons\": " + string_array(reasons, "  ") + "\n}\n";
    return out;
}

JsonAnswer answer_json(std::string_view text, std::string_view locale, std::optional<Date> today) {
    const Simulated s = read_and_simulate(text, today);
    const Language lang = language_of(locale, s.scenario ? s.scenario->locale : std::string_view{});
    std::string head = "{\"locale\": ";
    append_json_string(head, lang == Language::fr ? "fr" : "en");
    head += ", \"result\": ";
    const auto both = [&](const JsonAnswer& errors) {
        return JsonAnswer{2, head + errors.json + ", \"narration\": " + errors.json + "}\n"};
    };
    if (!s.scenario) return both(s.errors);
    // One answer, one budget: the result and the narration together (the page decodes it whole).
    constexpr std::string_view middle = ", \"narration\": ", tail = "}\n";
    const std::size_t frame = head.size() + middle.size() + tail.size();
    const std::size_t result_budget = limits::answer_bytes - frame;
    BudgetedText written = write_result_json(s.result, result_budget);
    if (!written.text)
        return both(output_limit_error(text, limits::answer_too_large(frame + written.bytes, true), s.scenario->version));
    JsonAnswer errors;
    const std::optional<std::string> narration = narration_text(text, *s.scenario, s.result, lang, frame + written.bytes, errors);
    if (!narration) return both(errors);
    std::string out;
    out.reserve(frame + written.bytes + narration->size());
    out.append(head).append(*written.text).append(middle).append(*narration).append(tail);
    return {s.result.all_expectations_passed() ? 0 : 1, std::move(out)};
}

std::string resolved_dates_json(std::string_view text, std::optional<Date> today) {
    const ScenarioReading reading = read_scenario(text, today);
    std::string out = "{\"today\": ";
    if (!reading.resolved.empty() && today) append_json_string(out, today->iso());
    else out += "null";
    out += ", \"dates\": {";
    bool first = true;
    for (const auto& [pointer, date] : reading.resolved) {
        out += first ? "" : ", ";
        first = false;
        append_json_string(out, pointer);
        out += ": ";
        append_json_string(out, date.iso());
    }
    return out + "}}\n";
}

}  // namespace subsim
