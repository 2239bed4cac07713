#pragma once
// Phase 1 of each day (SPEC §3): the transitions that happen by themselves on a date, in the
// SPEC's order. Each step lives with its rule; this is only the dispatcher.
#include "domain/date.hpp"

namespace subsim {

struct Simulation;

void run_boundaries(Simulation& sim, Date day);

}  // namespace subsim
