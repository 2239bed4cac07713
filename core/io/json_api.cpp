#include "io/json_api.hpp"

#include "engine/simulate.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"

namespace subsim {

JsonAnswer simulate_json(std::string_view text) {
    ScenarioReading reading = read_scenario(text);
    if (!reading.scenario) return {2, write_errors_json(reading.errors)};
    const Result result = simulate(*reading.scenario);
    if (result.limit_exceeded) {
        Diagnostics limit{{"/until", *result.limit_exceeded, 1, 1}};
        JsonDocument::parse(text).locate(limit);
        return {2, write_errors_json(limit)};
    }
    return {result.all_expectations_passed() ? 0 : 1, write_result_json(result)};
}

JsonAnswer validate_json(std::string_view text) {
    const ScenarioReading reading = read_scenario(text);
    return {reading.scenario ? 0 : 2, write_errors_json(reading.errors)};
}

}  // namespace subsim
