#pragma once
// Checks a scenario's `expect` list against its result (SPEC §2.5), recording what was found;
// each outcome's message is worded by the narrator (narrate_expectation) in the scenario's locale.
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

std::vector<ExpectationOutcome> check_expectations(const Scenario& scenario, const Result& result);

}  // namespace subsim
