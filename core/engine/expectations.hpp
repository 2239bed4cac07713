#pragma once
// Checks a scenario's `expect` list against its result (SPEC §2.5), recording what was found;
// each outcome's message is worded by the narrator (narrate_expectation) in the scenario's locale.
// The messages are part of the answer, under its byte budget (limits::answer_bytes): when they
// would pass it (the names they repeat are added up before any is written), none or only the
// first are written and `result.limit_exceeded` says so; the outcomes themselves are all there.
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

std::vector<ExpectationOutcome> check_expectations(const Scenario& scenario, Result& result);

}  // namespace subsim
