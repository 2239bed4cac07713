#pragma once
// REDHAT third-party purchases (SPEC §2.3 `activation_required`): the `activate` action and the
// pieces of the rule the calendar and the other actions ask about.
//
//   A server subscription bought from a hardware vendor, start 2025-03-03, yearly, auto-renewing:
//   2025-03-03 subscription_started (rule activation.required), state pending_activation, no invoice;
//   2025-03-07 activate with the right number: `activated`, state active; still no invoice, ever;
//   2026-03-03 renewed (the reseller's term), no invoice.
//   Never activated: pending_activation carries over each renewal; without auto-renewal it
//   becomes expired at the term end like any other subscription.
#include "model/result.hpp"
#include "model/rules.hpp"

namespace subsim {

struct Action;
struct ProductLine;
struct Simulation;
struct SubscriptionRun;

// The activation slice of a subscription's run state.
struct ActivationState {
    bool awaiting = false;  // activation_required and not activated yet
};

// The state a subscription enters on its start date: pending_activation, trialing or active.
State starting_state(const SubscriptionRun& run);

// The rule of its subscription_started event: activation.required or subscription.start.
Rule starting_rule(const SubscriptionRun& run);

// The state an expired subscription returns to when renewed inside its grace: active, or
// pending_activation when it was never activated.
State renewed_state(const SubscriptionRun& run);

// A line whose term runs although nothing is provided: pending_activation, or a cancellation
// requested while pending_activation. Such a line renews and expires like a paid one.
bool awaits_activation(const ProductLine& line);

// The `activate` action.
void activate(Simulation& sim, const Action& action);

}  // namespace subsim
