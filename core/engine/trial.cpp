#include "engine/trial.hpp"

#include <algorithm>

#include "engine/simulation.hpp"

namespace subsim {

TrialState trial_for(const Subscription& sub, const Plan& lead) {
    if (!lead.trial || sub.activation_required) return {};
    return TrialState{lead.trial->length.after(sub.start), false};
}

bool in_trial(const SubscriptionRun& run, Date day) { return run.trial.end && day < *run.trial.end; }

void end_trial_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.trial.end != day) return;
    const bool any_trialing = std::any_of(run.lines.begin(), run.lines.end(),
                                          [](const ProductLine& l) { return l.state == State::trialing; });
    if (!any_trialing) return;  // cancelled at trial end: handled by take_effect
    const bool converts = sim.account.payment_method || run.lead->trial->requires_payment_method;
    if (converts) {
        sim.emit(day, EventType::trial_converted, run.index, std::nullopt, Rule::trial_converted);
    } else {
        sim.emit(day, EventType::trial_expired, run.index, std::nullopt, Rule::trial_no_payment_method);
        run.trial.expired = true;
        run.renewal.expired_on = day;
    }
    for (ProductLine& line : run.lines)
        if (line.state == State::trialing) sim.change_state(line, day, converts ? State::active : State::expired);
}

}  // namespace subsim
