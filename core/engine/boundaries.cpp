#include "engine/boundaries.hpp"

#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"
#include "engine/term_end.hpp"
#include "engine/wakeup_state.hpp"

namespace subsim {
namespace {

using RuleStep = void (*)(Simulation&, SubscriptionRun&, Date);

bool idle_for_boundaries(const WakeupState& w, Date day) { return w.boundaries_idle_on(day); }
bool idle_for_scheduled(const WakeupState& w, Date day) { return w.scheduled_idle_on(day); }

// Runs `rule` for every subscription not idle on `day`; whether it ran for any.
template <class IdleOn>
bool run_where_not(IdleOn idle_on, Simulation& sim, Date day, RuleStep rule) {
    bool any = false;
    for (SubscriptionRun& run : sim.subs)
        if (!idle_on(run.wakeup, day)) {
            rule(sim, run, day);
            any = true;
        }
    return any;
}

}  // namespace

void run_boundaries(Simulation& sim, Date day) {
    // A subscription with no boundary due on `day` (wakeup_state.hpp) is passed over; once touched
    // (a cascade from another subscription, an account event) its later rules run as usual. Rules
    // run only for touched or due subscriptions, so with none of either no rule can touch one.
    // Each returns whether the rule ran for any subscription. When the first of a group ran for
    // none, no subscription was due or touched (on most visited days a reminder or an action woke
    // the run), and the later rules of the group have none either: they are not looped over.
    const auto each_due = [&](RuleStep rule) { return run_where_not(idle_for_boundaries, sim, day, rule); };
    // The rules before the renewals act only on dates of their own (start, trial end, pause and
    // resume, plan change, cancellation: WakeupState::next_scheduled) or after a change of the
    // same day (which touches): a subscription due only for its billing boundary skips them.
    const auto each_scheduled = [&](RuleStep rule) { return run_where_not(idle_for_scheduled, sim, day, rule); };
    if (each_scheduled(start_if_due)) {
        each_scheduled(end_trial_if_due);
        each_scheduled(resume_if_due);
        each_scheduled(start_pause_if_due);
        each_scheduled(apply_changes_due);
        each_scheduled(take_effect_with_partial_refunds);
    }
    close_account_if_due(sim, day);  // may touch every subscription
    if (each_due(renew_or_expire_if_due)) {
        each_due(end_grace_if_due);
        each_due(complete_transfer_if_due);
    }
    delete_data_if_due(sim, day);
}

}  // namespace subsim
