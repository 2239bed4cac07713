#pragma once
// Scenario file text -> validated Scenario, or every error found (SPEC §5).
#include <optional>
#include <string_view>

#include "io/diagnostic.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct ScenarioReading {
    std::optional<Scenario> scenario;  // set only when there are no errors
    Diagnostics errors;                // sorted by position in the file
    int version = 1;                   // the file's "subsim" when readable (SPEC-v2 §9), else 1
};

ScenarioReading read_scenario(std::string_view text);

}  // namespace subsim
