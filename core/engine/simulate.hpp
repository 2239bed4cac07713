#pragma once
// The engine: a pure function from a validated scenario to its result. No clock, no I/O.
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

Result simulate(const Scenario& scenario);

}  // namespace subsim
