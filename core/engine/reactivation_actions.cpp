// `reactivate`: withdraw a pending cancellation before it takes effect (RESCUEASSIST, ZENDESK).
#include <algorithm>

#include "engine/actions.hpp"

namespace subsim {
namespace {

Date withdraw(Simulation& sim, ProductLine& line, Date r) {
    const Date effective = line.pending->effective;
    const State back = line.pending->state_before;
    line.pending.reset();
    sim.change_state(line, r, back);
    return effective;
}

std::optional<Refusal> line_refusal(const ProductLine& line, const Plan& policy_plan) {
    if (!line.pending) {
        if (line.state == State::cancelled) return Refusal{Reason::already_cancelled, Rule::reactivation_too_late};
        return Refusal{Reason::not_pending, Rule::reactivation_nothing_pending};
    }
    if (!policy_plan.reactivation) return Refusal{Reason::contact_support, Rule::reactivation_disabled};
    if (line.pending->account_closure) return Refusal{Reason::account_closing, Rule::reactivation_account_closing};
    return std::nullopt;
}

void reactivate_subscription(Simulation& sim, const Action& action, SubscriptionRun& run) {
    const auto refuse_with = [&](Reason reason, Rule rule) {
        refuse(sim, action, run.index, std::nullopt, reason, rule);
    };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(why->reason, why->rule);
    std::vector<ProductLine*> pending;
    for (ProductLine& line : run.lines)
        if (line.pending) pending.push_back(&line);
    if (pending.empty()) {
        if (derived_state(run) == State::cancelled) return refuse_with(Reason::already_cancelled, Rule::reactivation_too_late);
        return refuse_with(Reason::not_pending, Rule::reactivation_nothing_pending);
    }
    for (ProductLine* line : pending)
        if (auto why = line_refusal(*line, *run.lead)) return refuse_with(why->reason, why->rule);
    Date latest = pending.front()->pending->effective;
    for (ProductLine* line : pending) latest = std::max(latest, withdraw(sim, *line, action.on));
    sim.emit(action.on, EventType::reactivated, run.index, std::nullopt, Rule::reactivation_withdrawn,
             {{"withdrawn_effective", latest}, {"by", actor(sim.scenario, action)}});
}

// Withdrawing one product from a whole-subscription cancellation leaves the others cancelled
// product by product, so their events name them.
void split_whole_cancellation(SubscriptionRun& run) {
    for (ProductLine& line : run.lines)
        if (line.pending) line.pending->whole_subscription = false;
}

void reactivate_products(Simulation& sim, const Action& action, SubscriptionRun& run) {
    if (auto why = standing_refusal(sim, action, run)) {
        for (Index p : action.products) refuse(sim, action, run.index, p, why->reason, why->rule);
        return;
    }
    for (Index p : action.products) {
        ProductLine& line = *run.line_for(p);
        if (auto why = line_refusal(line, *line.plan)) {
            refuse(sim, action, run.index, p, why->reason, why->rule);
            continue;
        }
        split_whole_cancellation(run);
        const Date effective = withdraw(sim, line, action.on);
        sim.emit(action.on, EventType::reactivated, run.index, p, Rule::reactivation_withdrawn,
                 {{"withdrawn_effective", effective}, {"by", actor(sim.scenario, action)}});
        for (SubscriptionRun& other : sim.subs)
            for (ProductLine& dependent : other.lines)
                if (dependent.pending && dependent.pending->cascaded_from == p) {
                    const Date e = withdraw(sim, dependent, action.on);
                    sim.emit(action.on, EventType::reactivated, other.index, dependent.product, Rule::reactivation_requires_cascade,
                             {{"withdrawn_effective", e}, {"by", actor(sim.scenario, action)}});
                }
    }
}

}  // namespace

void reactivate(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (action.products.empty())
        reactivate_subscription(sim, action, run);
    else
        reactivate_products(sim, action, run);
}

}  // namespace subsim
