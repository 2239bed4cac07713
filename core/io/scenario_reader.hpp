#pragma once
// Scenario file text -> validated Scenario, or every error found (SPEC §5).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "io/diagnostic.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct ScenarioReading {
    std::optional<Scenario> scenario;  // set only when there are no errors
    Diagnostics errors;                // sorted by position in the file
    int version = 1;                   // the file's "subsim" when readable (SPEC-v2 §9), else 1
    std::map<std::string, Date> resolved;  // every relative date read (SPEC-v2 §8), by pointer
};

// `today`: the reference date that relative dates ("today", "today+P10D") resolve against
// (SPEC-v2 §8.2); without it a relative date is a validation error. The reader never reads the clock.
ScenarioReading read_scenario(std::string_view text, std::optional<Date> today = std::nullopt);

}  // namespace subsim
