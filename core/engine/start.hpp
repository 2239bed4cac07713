#pragma once
// A subscription's start (SPEC §2.3 `start`, §3 boundary "subscription start"): its run state as
// prepared from the scenario (anchor = trial end, else start), and the start boundary's events.
//
//   Start 2025-01-01 with a P14D trial: anchor 2025-01-15; on 01-01 subscription_started
//   (anchor 2025-01-15) and trial_started (ends 2025-01-15), every line trialing.
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// The run state of subscription `index` before its first day.
SubscriptionRun prepare_run(const Scenario& scenario, Index index);

// Boundary step "subscription start".
void start_if_due(Simulation& sim, SubscriptionRun& run, Date day);

}  // namespace subsim
