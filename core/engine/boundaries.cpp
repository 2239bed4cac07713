#include "engine/boundaries.hpp"

#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"
#include "engine/term_end.hpp"

namespace subsim {

void run_boundaries(Simulation& sim, Date day) {
    for (SubscriptionRun& run : sim.subs) start_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) end_trial_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) resume_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) start_pause_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) apply_changes_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) take_effect_with_partial_refunds(sim, run, day);
    close_account_if_due(sim, day);
    for (SubscriptionRun& run : sim.subs) renew_or_expire_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) end_grace_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) complete_transfer_if_due(sim, run, day);
    delete_data_if_due(sim, day);
}

}  // namespace subsim
