// `reactivate`: withdraw a pending cancellation before it takes effect (RESCUEASSIST, ZENDESK).
//
// Refusals, in SPEC §3 order: not_permitted, account_closed, transferred (standing_refusal), then
// already_cancelled, cycle_ended, not_pending, account_closing, requires_cancelled, contact_support.
// A whole-subscription reactivation is refused with the first reason, in that order, that any of
// its pending products has.
#include <algorithm>
#include <array>

#include "engine/reactivation.hpp"

#include "engine/permissions.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

using Lines = std::vector<const ProductLine*>;

bool listed(const Lines& lines, const ProductLine* line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// An add-on never outlives its base: some line of a product it requires stays pending or
// cancelled (it is not among the lines this reactivation reinstates).
bool base_stays_cancelled(const Simulation& sim, Index product, const Lines& reinstated) {
    for (Index base : sim.scenario.catalog.products[product].requires_products)
        for (const SubscriptionRun& run : sim.subs) {
            const ProductLine* line = run.transfer.done ? nullptr : run.line_for(base);
            if (line && (line->state == State::pending_cancellation || line->state == State::cancelled) &&
                !listed(reinstated, line))
                return true;
        }
    return false;
}

std::optional<Refusal> line_refusal(const Simulation& sim, const ProductLine& line, const Plan& policy_plan, Date r,
                                    const Lines& reinstated) {
    if (!line.pending) {
        if (line.state == State::cancelled) return Refusal{Reason::already_cancelled, Rule::reactivation_too_late};
        return Refusal{Reason::not_pending, Rule::reactivation_nothing_pending};
    }
    const PendingCancellation& p = *line.pending;
    if (p.cycle_end && !(r < *p.cycle_end)) return Refusal{Reason::cycle_ended, Rule::reactivation_cycle_ended};
    if (p.account_closure) return Refusal{Reason::account_closing, Rule::reactivation_account_closing};
    if (base_stays_cancelled(sim, line.product, reinstated))
        return Refusal{Reason::requires_cancelled, Rule::reactivation_requires_cancelled};
    if (!policy_plan.reactivation) return Refusal{Reason::contact_support, Rule::reactivation_disabled};
    return std::nullopt;
}

// The position of a reason in the reactivation refusal order.
std::size_t rank(Reason reason) {
    static constexpr std::array order{Reason::already_cancelled, Reason::cycle_ended,      Reason::not_pending,
                                      Reason::account_closing,   Reason::requires_cancelled, Reason::contact_support};
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), reason) - order.begin());
}

Date withdraw(Simulation& sim, SubscriptionRun& run, ProductLine& line, Date r) {
    const Date effective = line.pending->effective;
    const State back = line.pending->state_before;
    line.pending.reset();
    run.cancellation.deferred_whole_effective.reset();
    sim.change_state(line, r, back);
    return effective;
}

// Reactivating a base also reinstates what was cascaded from it through `requires`.
void withdraw_cascaded_from(Simulation& sim, const Action& action, Index base) {
    for (SubscriptionRun& other : sim.subs)
        for (ProductLine& dependent : other.lines)
            if (dependent.pending && dependent.pending->cascaded_from == base) {
                const Date e = withdraw(sim, other, dependent, action.on);
                sim.emit(action.on, EventType::reactivated, other.index, dependent.product,
                         Rule::reactivation_requires_cascade, {{"withdrawn_effective", e}, {"by", actor(sim.scenario, action)}});
            }
}

void reactivate_subscription(Simulation& sim, const Action& action, SubscriptionRun& run) {
    const auto refuse_with = [&](Refusal why) { refuse(sim, action, run.index, std::nullopt, why.reason, why.rule); };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(*why);
    Lines pending;
    for (const ProductLine& line : run.lines)
        if (line.pending) pending.push_back(&line);
    if (pending.empty()) {
        if (derived_state(run) == State::cancelled) return refuse_with({Reason::already_cancelled, Rule::reactivation_too_late});
        return refuse_with({Reason::not_pending, Rule::reactivation_nothing_pending});
    }
    std::optional<Refusal> first;
    for (const ProductLine* line : pending)
        if (auto why = line_refusal(sim, *line, *run.lead, action.on, pending); why && (!first || rank(why->reason) < rank(first->reason)))
            first = why;
    if (first) return refuse_with(*first);
    Date latest = pending.front()->pending->effective;
    std::vector<Index> withdrawn;
    for (ProductLine& line : run.lines)
        if (line.pending) {
            withdrawn.push_back(line.product);
            latest = std::max(latest, withdraw(sim, run, line, action.on));
        }
    sim.emit(action.on, EventType::reactivated, run.index, std::nullopt, Rule::reactivation_withdrawn,
             {{"withdrawn_effective", latest}, {"by", actor(sim.scenario, action)}});
    for (Index p : withdrawn) withdraw_cascaded_from(sim, action, p);
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
    // Products listed together are reinstated together: a base listed beside its add-on counts
    // as reinstated when the add-on is judged.
    Lines reinstated;
    for (Index p : action.products)
        if (const ProductLine* line = run.line_for(p); line->pending) reinstated.push_back(line);
    for (Index p : action.products) {
        ProductLine& line = *run.line_for(p);
        if (auto why = line_refusal(sim, line, *line.plan, action.on, reinstated)) {
            refuse(sim, action, run.index, p, why->reason, why->rule);
            continue;
        }
        split_whole_cancellation(run);
        const Date effective = withdraw(sim, run, line, action.on);
        sim.emit(action.on, EventType::reactivated, run.index, p, Rule::reactivation_withdrawn,
                 {{"withdrawn_effective", effective}, {"by", actor(sim.scenario, action)}});
        withdraw_cascaded_from(sim, action, p);
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
