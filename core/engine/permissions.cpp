#include "engine/permissions.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "engine/simulation.hpp"

namespace subsim {

DetailValue actor(const Scenario& scenario, const Action& action) {
    if (action.by) return *action.by;
    if (scenario.account.owner) return *scenario.account.owner;
    return nullptr;
}

bool is_permitted(const Scenario& scenario, const Action& action) {
    // The actor's roles are the owner's (no `by`, or `by` the owner) and those of the account's
    // users with its id; any one allowed permits. Asked role by role: nothing is collected.
    const Account& account = scenario.account;
    const auto& allowed = scenario.permissions.roles(action.kind);
    const auto allows = [&](std::string_view role) {
        if (!allowed) return role == "owner";  // owner only
        return std::find(allowed->begin(), allowed->end(), role) != allowed->end();
    };
    const bool is_owner = !action.by || (account.owner && *account.owner == *action.by);
    if (is_owner && allows("owner")) return true;
    if (action.by)
        for (const User& u : account.users)
            if (u.id == *action.by && allows(u.role)) return true;
    return false;
}

std::optional<Refusal> standing_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run) {
    if (!is_permitted(sim.scenario, action)) return Refusal{Reason::not_permitted, Rule::permission_denied};
    if (sim.account.closed) return Refusal{Reason::account_closed, Rule::account_closed};
    if (run.transfer.done) return Refusal{Reason::transferred, Rule::transfer_completed};
    return std::nullopt;
}

void refuse(Simulation& sim, const Action& action, std::optional<Index> sub, std::optional<Index> product,
            Reason reason, Rule rule) {
    sim.emit(action.on, EventType::action_refused, sub, product, rule,
             Pair{"action", std::string_view(to_string(action.kind))}, Pair{"reason", to_string(reason)},  // literals
             Pair{"by", actor(sim.scenario, action)});
}

}  // namespace subsim
