#pragma once
// Who may act (SPEC §2.4 `permissions`, roles) and the refusals every action checks first.
// A refused action is not an error: it becomes one `action_refused` event, as the customer
// would see a refusal.
#include <optional>

#include "model/result.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

struct Refusal {
    Reason reason;  // what the customer is told, e.g. Reason::not_permitted
    Rule rule;      // the engine rule behind it, e.g. Rule::permission_denied
};

// Whether the action's user holds a role the scenario's `permissions` allow (owner only when
// the action is not listed).
bool is_permitted(const Scenario& scenario, const Action& action);

// The refusals every action on a subscription checks first, in this order: the user's role, a
// closed account, a subscription transferred away.
std::optional<Refusal> standing_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run);

// The `action_refused` event.
void refuse(Simulation& sim, const Action& action, std::optional<Index> sub, std::optional<Index> product,
            Reason reason, Rule rule);

// `by` in the details of what an action causes: its `by`, else the account owner, else null.
DetailValue actor(const Scenario& scenario, const Action& action);

}  // namespace subsim
