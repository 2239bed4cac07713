#include "engine/boundaries.hpp"

#include <algorithm>

#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

// The subscriptions with a boundary due on `day` or touched (wakeup_state.hpp), in order. Rules
// never untouch a subscription nor move its kept dates (only the lookahead does, between days),
// so the list only grows: built again only when sim.touches moved.
void list_due(Simulation& sim, Date day, std::vector<Index>& due) {
    due.clear();
    for (Index i = 0; i < sim.subs.size(); ++i)
        if (!sim.subs[i].wakeup.boundaries_idle_on(day)) due.push_back(i);
}

}  // namespace

void run_boundaries(Simulation& sim, Date day) {
    // A subscription with no boundary due on `day` (wakeup_state.hpp) is passed over; once touched
    // (a cascade from another subscription, an account event) its later rules run as usual. Rules
    // run only for touched or due subscriptions, so with none of either no rule can touch one.
    std::vector<Index>& due = sim.due_scratch;
    std::size_t seen = sim.touches;
    list_due(sim, day, due);
    const auto refresh = [&] {
        if (seen == sim.touches) return;
        seen = sim.touches;
        list_due(sim, day, due);
    };
    const auto each_due = [&](void (*rule)(Simulation&, SubscriptionRun&, Date)) {
        refresh();
        for (std::size_t pos = 0; pos < due.size(); ++pos) {
            const Index i = due[pos];
            rule(sim, sim.subs[i], day);
            if (seen == sim.touches) continue;
            refresh();  // one touched meanwhile gets the rule too when it comes later
            pos = static_cast<std::size_t>(std::upper_bound(due.begin(), due.end(), i) - due.begin()) - 1;
        }
    };
    if (!due.empty()) {
        each_due(start_if_due);
        each_due(end_trial_if_due);
        each_due(resume_if_due);
        each_due(start_pause_if_due);
        each_due(apply_changes_due);
        each_due(take_effect_with_partial_refunds);
    }
    close_account_if_due(sim, day);  // may touch every subscription
    refresh();
    if (!due.empty()) {
        each_due(renew_or_expire_if_due);
        each_due(end_grace_if_due);
        each_due(complete_transfer_if_due);
    }
    delete_data_if_due(sim, day);
}

}  // namespace subsim
