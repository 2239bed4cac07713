#pragma once
// Phase 2 of each day (SPEC §2.4): the scenario's actions, in file order. A refused action is
// not an error: it becomes an `action_refused` event, as the customer would see a refusal.
#include <optional>
#include <string_view>

#include "engine/simulation.hpp"

namespace subsim {

void run_action(Simulation& sim, const Action& action);

// Shared by the action handlers.
struct Refusal {
    Reason reason;  // what the customer is told, e.g. Reason::not_permitted
    Rule rule;    // the engine rule behind it, e.g. Rule::permission_denied
};
bool is_permitted(const Scenario& scenario, const Action& action);
// The refusals every action on a subscription checks first: the user's role, a closed account,
// a subscription transferred away.
std::optional<Refusal> standing_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run);
void refuse(Simulation& sim, const Action& action, std::optional<Index> sub, std::optional<Index> product,
            Reason reason, Rule rule);
DetailValue actor(const Scenario& scenario, const Action& action);

void cancel(Simulation& sim, const Action& action);
void reactivate(Simulation& sim, const Action& action);
void renew(Simulation& sim, const Action& action);
void close_account(Simulation& sim, const Action& action);
void transfer(Simulation& sim, const Action& action);
void activate(Simulation& sim, const Action& action);  // activation_actions.cpp

}  // namespace subsim
