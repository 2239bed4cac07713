#pragma once
// Checks a scenario's `expect` list against its result (SPEC §2.5), with messages an author reads.
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

std::vector<ExpectationOutcome> check_expectations(const Scenario& scenario, const Result& result);

}  // namespace subsim
