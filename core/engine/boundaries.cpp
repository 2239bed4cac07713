#include "engine/boundaries.hpp"

#include <algorithm>

#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

// Some subscription has a boundary due on `day`, or was touched (wakeup_state.hpp). On most
// visited days none has (a reminder or an action woke the run): the rules are then not looped over.
bool any_due(const Simulation& sim, Date day) {
    return std::any_of(sim.subs.begin(), sim.subs.end(),
                       [&](const SubscriptionRun& run) { return !run.wakeup.boundaries_idle_on(day); });
}

// The same for the rules run before the renewals: a date of their own falls on `day`, or touched.
bool any_scheduled(const Simulation& sim, Date day) {
    return std::any_of(sim.subs.begin(), sim.subs.end(),
                       [&](const SubscriptionRun& run) { return !run.wakeup.scheduled_idle_on(day); });
}

}  // namespace

void run_boundaries(Simulation& sim, Date day) {
    // A subscription with no boundary due on `day` (wakeup_state.hpp) is passed over; once touched
    // (a cascade from another subscription, an account event) its later rules run as usual. Rules
    // run only for touched or due subscriptions, so with none of either no rule can touch one.
    const auto each_due = [&](void (*rule)(Simulation&, SubscriptionRun&, Date)) {
        for (SubscriptionRun& run : sim.subs)
            if (!run.wakeup.boundaries_idle_on(day)) rule(sim, run, day);
    };
    // The rules before the renewals act only on dates of their own (start, trial end, pause and
    // resume, plan change, cancellation: WakeupState::next_scheduled) or after a change of the
    // same day (which touches): a subscription due only for its billing boundary skips them.
    const auto each_scheduled = [&](void (*rule)(Simulation&, SubscriptionRun&, Date)) {
        for (SubscriptionRun& run : sim.subs)
            if (!run.wakeup.scheduled_idle_on(day)) rule(sim, run, day);
    };
    if (any_scheduled(sim, day)) {
        each_scheduled(start_if_due);
        each_scheduled(end_trial_if_due);
        each_scheduled(resume_if_due);
        each_scheduled(start_pause_if_due);
        each_scheduled(apply_changes_due);
        each_scheduled(take_effect_with_partial_refunds);
    }
    close_account_if_due(sim, day);  // may touch every subscription
    if (any_due(sim, day)) {
        each_due(renew_or_expire_if_due);
        each_due(end_grace_if_due);
        each_due(complete_transfer_if_due);
    }
    delete_data_if_due(sim, day);
}

}  // namespace subsim
