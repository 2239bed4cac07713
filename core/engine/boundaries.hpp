#pragma once
// Phase 1 of each day (SPEC §3): the transitions that happen by themselves on a date.
#include "engine/simulation.hpp"

namespace subsim {

void run_boundaries(Simulation& sim, Date day);

// Cancellations of `run` that take effect on `day` (also called by actions for immediate ones).
void take_effect(Simulation& sim, SubscriptionRun& run, Date day);
// Closes the account if its closure falls on `day`.
void close_account_if_due(Simulation& sim, Date day);

}  // namespace subsim
