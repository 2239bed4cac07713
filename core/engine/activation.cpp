#include "engine/activation.hpp"

#include "engine/permissions.hpp"
#include "engine/simulation.hpp"

namespace subsim {

State starting_state(const SubscriptionRun& run) {
    if (run.activation.awaiting) return State::pending_activation;
    return run.trial.end ? State::trialing : State::active;
}

Rule starting_rule(const SubscriptionRun& run) {
    return run.sub->activation_required ? Rule::activation_required : Rule::subscription_start;
}

State renewed_state(const SubscriptionRun& run) {
    return run.activation.awaiting ? State::pending_activation : State::active;
}

bool awaits_activation(const ProductLine& line) {
    if (line.state == State::pending_activation) return true;
    return line.state == State::pending_cancellation && line.pending &&
           line.pending->state_before == State::pending_activation;
}

namespace {

// Refusals in SPEC order: not_permitted, account_closed, transferred, not_active, already_active,
// wrong_number. E.g. an `activate` by an employee with the wrong number on an expired subscription
// is refused not_permitted: only the first that applies is reported.
std::optional<Refusal> activation_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run) {
    if (auto standing = standing_refusal(sim, action, run)) return standing;
    const std::optional<State> state = derived_state(run);
    if (!state || state == State::expired || state == State::cancelled)
        return Refusal{Reason::not_active, Rule::activation_not_active};
    if (!run.activation.awaiting) return Refusal{Reason::already_active, Rule::activation_already_active};
    if (action.number && run.sub->number && *action.number != *run.sub->number)
        return Refusal{Reason::wrong_number, Rule::activation_wrong_number};
    return std::nullopt;
}

}  // namespace

// Every line waiting for activation becomes active from today; a line whose cancellation was
// requested while pending stays pending_cancellation, but is now provided until it takes effect
// and a `reactivate` brings it back to active.
void activate(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (auto why = activation_refusal(sim, action, run))
        return refuse(sim, action, run.index, std::nullopt, why->reason, why->rule);
    run.activation.awaiting = false;
    for (ProductLine& line : run.lines) {
        if (line.state == State::pending_activation) sim.change_state(line, action.on, State::active);
        else if (awaits_activation(line)) line.pending->state_before = State::active;
    }
    sim.emit(action.on, EventType::activated, run.index, std::nullopt, Rule::activation_activated,
             {{"by", actor(sim.scenario, action)},
              {"number", action.number ? DetailValue{*action.number} : DetailValue{nullptr}}});
}

}  // namespace subsim
