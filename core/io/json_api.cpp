#include "io/json_api.hpp"

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

// The exact length of string_array(items, indent).
std::size_t string_array_bytes(const std::vector<std::string>& items, std::string_view indent) {
    if (items.empty()) return 2;
    std::size_t n = 2 + indent.size() + 1;
    for (const std::string& item : items) n += indent.size() + 2 + json_string_bytes(item) + 2;
    return n - 1;
}

std::string string_array(const std::vector<std::string>& items, std::string_view indent) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += indent;
        out += "  ";
        append_json_string(out, items[i]);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += indent;
    out += ']';
    return out;
}

// An output limit reached (records, bytes): the errors answer, at the position of "until".
JsonAnswer output_limit_error(std::string_view text, std::string message, int version) {
    Diagnostics limit{{"/until", std::move(message), 1, 1}};
    JsonDocument::parse(text).locate(limit);
    return {2, write_errors_json(limit, version)};
}

// The sentences of every event within the answer budget, or nullopt after filling `errors`.
std::optional<std::vector<std::string>> event_sentences(std::string_view text, const Scenario& sc, const Result& r,
                                                        Language lang, std::string_view indent, JsonAnswer& errors) {
    std::vector<std::string> sentences = narrate_events(sc, r, lang, limits::answer_bytes);
    if (sentences.size() < r.events.size()) {
        errors = output_limit_error(text, limits::answer_too_large(0, false), sc.version);
        return std::nullopt;
    }
    if (const std::size_t bytes = string_array_bytes(sentences, indent); bytes > limits::answer_bytes) {
        errors = output_limit_error(text, limits::answer_too_large(bytes, true), sc.version);
        return std::nullopt;
    }
    return sentences;
}


template <class Names>
std::string name_array(const Names& names) {
    std::vector<std::string> items(names.begin(), names.end());
    return string_array(items, "  ");
}

// The narration object of narration_json for a result already computed; none (and `errors` set)
// when its sentences would pass the answer's byte budget.
std::optional<std::string> narration_text(std::string_view text, const Scenario& sc, const Result& result, Language lang,
                                          JsonAnswer& errors) {
    const auto sentences = event_sentences(text, sc, result, lang, "  ", errors);
    if (!sentences) return std::nullopt;
    std::vector<std::string> expectations;
    for (const ExpectationOutcome& o : result.expectations) expectations.push_back(narrate_expectation(sc, o, lang));
    std::string out = "{\n  \"events\": " + string_array(*sentences, "  ") + ",\n";
    out += "  \"expectations\": " + string_array(expectations, "  ") + ",\n  \"answers\": [";
    const std::vector<std::string> answers = narrate_answers(sc, result, lang);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        out += i == 0 ? "\n    {\"action\": " : ",\n    {\"action\": ";
        out += std::to_string(i) + ", \"sentence\": ";
        append_json_string(out, answers[i]);
        out += '}';
    }
    out += sc.actions.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

}  // namespace

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
    JsonAnswer errors;
    const auto sentences = event_sentences(text, *s.scenario, s.result, lang, "", errors);
    if (!sentences) return errors;
    return {0, string_array(*sentences, "") + "\n"};
}

JsonAnswer narration_json(std::string_view text, std::string_view locale, std::optional<Date> today) {
    const Simulated s = read_and_simulate(text, today);
    if (!s.scenario) return s.errors;
    const Language lang = language_of(locale, s.scenario->locale);
    JsonAnswer errors;
    std::optional<std::string> narration = narration_text(text, *s.scenario, s.result, lang, errors);
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
    std::string out = "{\"locale\": ";
    append_json_string(out, lang == Language::fr ? "fr" : "en");
    const auto both = [&](const JsonAnswer& errors) {
        return JsonAnswer{2, out + ", \"result\": " + errors.json + ", \"narration\": " + errors.json + "}\n"};
    };
    if (!s.scenario) return both(s.errors);
    BudgetedText written = write_result_json(s.result, limits::answer_bytes);
    if (!written.text) return both(output_limit_error(text, limits::answer_too_large(written.bytes, true), s.scenario->version));
    JsonAnswer errors;
    const std::optional<std::string> narration = narration_text(text, *s.scenario, s.result, lang, errors);
    if (!narration) return both(errors);
    out += ", \"result\": " + *written.text + ", \"narration\": " + *narration + "}\n";
    return {s.result.all_expectations_passed() ? 0 : 1, out};
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
