#pragma once
// `reactivate` (SPEC §3 "Reactivation"): withdraw a pending cancellation before it takes effect
// (RESCUEASSIST, ZENDESK). Its state is the cancellation's: ProductLine::pending.
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;

void reactivate(Simulation& sim, const Action& action);

}  // namespace subsim
