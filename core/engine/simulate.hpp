#pragma once
// The engine: a pure function from a validated scenario to its result. No clock, no I/O.
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

// skip_quiet_days visits only days where something can happen; every_day is the plain
// reference loop that tests compare it with.
enum class Stepping { skip_quiet_days, every_day };

Result simulate(const Scenario& scenario, Stepping stepping = Stepping::skip_quiet_days);

}  // namespace subsim
