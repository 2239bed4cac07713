#include "io/json_api.hpp"

#include <optional>
#include <vector>

#include "engine/simulate.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"
#include "narrate/names.hpp"
#include "narrate/narrator.hpp"

namespace subsim {
namespace {

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

// A valid scenario and its result, or the errors answer.
struct Simulated {
    std::optional<Scenario> scenario;
    Result result;
    JsonAnswer errors;
};

Simulated read_and_simulate(std::string_view text) {
    Simulated s;
    ScenarioReading reading = read_scenario(text);
    if (!reading.scenario) {
        s.errors = {2, write_errors_json(reading.errors, reading.version)};
        return s;
    }
    s.result = simulate(*reading.scenario);
    if (s.result.limit_exceeded) {
        Diagnostics limit{{"/until", *s.result.limit_exceeded, 1, 1}};
        JsonDocument::parse(text).locate(limit);
        s.errors = {2, write_errors_json(limit, reading.scenario->version)};
        return s;
    }
    s.scenario = std::move(reading.scenario);
    return s;
}

template <class Names>
std::string name_array(const Names& names) {
    std::vector<std::string> items(names.begin(), names.end());
    return string_array(items, "  ");
}

// The narration object of narration_json for a result already computed.
std::string narration_text(const Scenario& sc, const Result& result, Language lang) {
    std::vector<std::string> expectations;
    for (const ExpectationOutcome& o : result.expectations) expectations.push_back(narrate_expectation(sc, o, lang));
    std::string out = "{\n  \"events\": " + string_array(narrate_events(sc, result, lang), "  ") + ",\n";
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

JsonAnswer simulate_json(std::string_view text) {
    const Simulated s = read_and_simulate(text);
    if (!s.scenario) return s.errors;
    return {s.result.all_expectations_passed() ? 0 : 1, write_result_json(s.result)};
}

JsonAnswer validate_json(std::string_view text) {
    const ScenarioReading reading = read_scenario(text);
    return {reading.scenario ? 0 : 2, write_errors_json(reading.errors, reading.version)};
}

JsonAnswer explain_json(std::string_view text, std::string_view locale) {
    const Simulated s = read_and_simulate(text);
    if (!s.scenario) return s.errors;
    const Language lang = language_of(locale, s.scenario->locale);
    return {0, string_array(narrate_events(*s.scenario, s.result, lang), "") + "\n"};
}

JsonAnswer narration_json(std::string_view text, std::string_view locale) {
    const Simulated s = read_and_simulate(text);
    if (!s.scenario) return s.errors;
    const Language lang = language_of(locale, s.scenario->locale);
    return {s.result.all_expectations_passed() ? 0 : 1, narration_text(*s.scenario, s.result, lang)};
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

JsonAnswer answer_json(std::string_view text, std::string_view locale) {
    const Simulated s = read_and_simulate(text);
    const Language lang = language_of(locale, s.scenario ? s.scenario->locale : std::string_view{});
    std::string out = "{\"locale\": ";
    append_json_string(out, lang == Language::fr ? "fr" : "en");
    if (!s.scenario) return {2, out + ", \"result\": " + s.errors.json + ", \"narration\": " + s.errors.json + "}\n"};
    const int status = s.result.all_expectations_passed() ? 0 : 1;
    out += ", \"result\": " + write_result_json(s.result);
    out += ", \"narration\": " + narration_text(*s.scenario, s.result, lang) + "}\n";
    return {status, out};
}

}  // namespace subsim
