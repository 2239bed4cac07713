#pragma once
// Phase 3 of each day: renewal and trial-ending reminders (plan `reminders`).
#include "engine/simulation.hpp"

namespace subsim {

void send_reminders(Simulation& sim, Date day);

}  // namespace subsim
