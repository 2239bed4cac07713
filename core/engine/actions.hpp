#pragma once
// Phase 2 of each day (SPEC §3): the scenario's actions, in file order. Each action lives with
// its rule (cancellation.hpp, reactivation.hpp, renewal.hpp, account.hpp, transfer.hpp,
// activation.hpp); this is only the dispatcher.
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;

void run_action(Simulation& sim, const Action& action);

}  // namespace subsim
