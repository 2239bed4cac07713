#include "engine/bundle.hpp"

#include <algorithm>

#include "engine/simulation.hpp"

namespace subsim {
namespace {

std::int64_t list_price_of_live_members(const SubscriptionRun& run) {
    std::int64_t total = 0;
    for (const ProductLine& line : run.lines)
        if (line.live()) total += line.plan->price.minor();
    return total;
}

}  // namespace

BundleState bundle_for(const Scenario& scenario, const Subscription& sub, Date anchor) {
    BundleState state;
    if (!sub.bundle) return state;
    const Bundle& bundle = scenario.catalog.bundles[*sub.bundle];
    state.priced = true;
    state.calendar.emplace(anchor, bundle.period, 1, 1);
    return state;
}

const std::vector<Index>* billed_bundle_members(const Simulation& sim, const SubscriptionRun& run) {
    return run.bundle.priced ? &sim.scenario.catalog.bundles[*run.sub->bundle].products : nullptr;
}

bool billed_through_bundle(const Simulation& sim, const SubscriptionRun& run, Index product) {
    return among_members(billed_bundle_members(sim, run), product);
}

bool any_member_billable(const SubscriptionRun& run) {
    // The members' lines carry the flag (a product has one line per subscription): no search by product.
    for (const ProductLine& line : run.lines)
        if (line.bundle_member && (line.state == State::active || line.state == State::pending_cancellation)) return true;
    return false;
}

void end_bundle_price_if_member_left(Simulation& sim, SubscriptionRun& run, Date day,
                                     const std::vector<Index>& removed) {
    if (!run.bundle.priced) return;
    const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
    std::optional<Index> removed_member;
    for (Index p : removed)
        if (std::find(bundle.products.begin(), bundle.products.end(), p) != bundle.products.end()) {
            removed_member = p;
            break;
        }
    if (!removed_member) return;
    run.bundle.priced = false;
    const bool members_remain = std::any_of(bundle.products.begin(), bundle.products.end(), [&](Index p) {
        const ProductLine* line = run.line_for(p);
        return line && line->live();
    });
    if (!members_remain || run.sub->activation_required) return;  // no price here: the third party bills it
    sim.emit(day, EventType::price_changed, run.index, std::nullopt, Rule::bundle_price_ends,
             {{"bundle", bundle.id},
              {"removed", sim.scenario.catalog.products[*removed_member].id},
              {"old_amount", bundle.price.minor()},
              {"new_amount", list_price_of_live_members(run)}});
}

bool splits_locked_bundle(const Simulation& sim, const SubscriptionRun& run, const Action& action, Index product) {
    if (!run.bundle.priced) return false;
    const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
    const auto& members = bundle.products;
    if (bundle.members_cancellable || std::find(members.begin(), members.end(), product) == members.end()) return false;
    for (Index m : members) {
        const ProductLine* line = run.line_for(m);
        const bool listed = std::find(action.products.begin(), action.products.end(), m) != action.products.end();
        if (line && line->cancellable() && !listed) return true;
    }
    return false;
}

}  // namespace subsim
