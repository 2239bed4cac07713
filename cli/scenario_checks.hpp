#pragma once
// `subsim check`: every scenario file simulated and its expect list checked, on all cores
// (std::thread over the files), the outcomes kept in the order of the files so that every report
// (text, TAP, JUnit) prints the same lines whatever the scheduling.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"

namespace subsim::cli {

struct ExpectationLine {
    std::size_t index = 0;  // in the scenario's expect list
    bool passed = false;
    std::string line;       // the narrator's line: what held, or what was expected and what was found
};

struct ScenarioCheck {
    enum class Outcome { pass, fail, invalid, internal_failure };
    std::string file;
    Outcome outcome = Outcome::invalid;
    std::string title;
    std::vector<ExpectationLine> expectations;
    std::string problem;  // invalid / internal failure: why, one "FILE:LINE:COLUMN: …" line each
    std::optional<Date> today;  // the reference date, when the scenario used a relative date (SPEC-v2 §8.2)
};

// One scenario file, read, validated, simulated and checked; sentences in `locale` ("" = the
// scenario's own); relative dates resolved against `today`. Never throws: an exception becomes
// Outcome::internal_failure.
ScenarioCheck check_scenario(const std::string& file, const std::string& locale, std::optional<Date> today);

// Every file on up to `jobs` threads (0: one per core); outcomes in the order of `files`.
std::vector<ScenarioCheck> check_scenarios(const std::vector<std::string>& files, const std::string& locale,
                                           std::optional<Date> today, unsigned jobs);

}  // namespace subsim::cli
