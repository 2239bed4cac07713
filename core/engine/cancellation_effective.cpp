// The day a pending cancellation takes effect: its `cancellation_effective` events, the lines
// cancelled, the morning's invoice lines withdrawn, the bundle price ended, then (format 2) the
// pending plan changes withdrawn and the refunds and fee settled.
#include <algorithm>

#include "engine/bundle.hpp"
#include "engine/cancellation.hpp"
#include "engine/invoicing.hpp"
#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/settlement.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// The FR free termination and the EU withdrawal settle by their own rule (SPEC-v2 §2.2, §7).
EndedLine ended_line(const ProductLine& line) {
    const Rule rule = line.pending->rule;
    if (rule == Rule::law_fr_free_termination || rule == Rule::law_eu_withdrawal)
        return {line.product, line.plan, line.pending->whole_subscription, false, rule};
    return {line.product, line.plan, line.pending->whole_subscription,
            line.pending->state_before != State::trialing && line.pending->customer};
}

}  // namespace

namespace {

bool ends_on(const ProductLine& line, Date day) { return line.pending && line.pending->effective == day; }

// A whole-subscription `cancellation_effective` (product null) comes only when no product of the
// subscription is left alive. Example: s1 holds a and b; b's removal is pending until 15 May, then
// s1 is cancelled as a whole for 15 Mar: on 15 Mar a's `cancellation_effective` names a, and the
// one with product null comes on 15 May, after b's.
// Out of line: take_effect is asked for every subscription after every cancellation, and finds
// nothing ending that day for nearly all, without setting up what this part needs.
[[gnu::noinline]] void take_effect_of_lines_ending(Simulation& sim, SubscriptionRun& run, Date day) {
    const auto ends_today = [day](const ProductLine& l) { return ends_on(l, day); };
    const bool survivors = std::any_of(run.lines.begin(), run.lines.end(),
                                       [&](const ProductLine& l) { return l.live() && !ends_today(l); });
    std::vector<Index> removed_products;
    std::optional<Rule> whole_rule;
    std::optional<Rule>& deferred = run.cancellation.deferred_whole_effective;
    for (ProductLine& line : run.lines) {
        if (!ends_today(line)) continue;
        if (line.pending->whole_subscription && !survivors) {
            if (!whole_rule) whole_rule = line.pending->rule;
            continue;
        }
        if (line.pending->whole_subscription && !deferred) deferred = line.pending->rule;
        removed_products.push_back(line.product);
        sim.emit(day, EventType::cancellation_effective, run.index, line.product, line.pending->rule);
    }
    if (!survivors && !whole_rule) whole_rule = deferred;
    if (whole_rule) sim.emit(day, EventType::cancellation_effective, run.index, std::nullopt, *whole_rule);
    std::vector<Index> cancelled;
    std::vector<EndedLine> ended;
    for (ProductLine& line : run.lines)
        if (ends_today(line)) {
            ended.push_back(ended_line(line));
            line.pending.reset();
            sim.change_state(line, day, State::cancelled);
            cancelled.push_back(line.product);
        }
    withdraw_lines_billed_on(sim, run, day, cancelled);
    end_bundle_price_if_member_left(sim, run, day, removed_products);
    withdraw_changes_of_cancelled(sim, run, day);
    withdraw_pause_of_cancelled(sim, run, day);
    settle_cancellation(sim, run, day, ended);
}

}  // namespace

void take_effect(Simulation& sim, SubscriptionRun& run, Date day) {
    for (const ProductLine& line : run.lines)
        if (ends_on(line, day)) return take_effect_of_lines_ending(sim, run, day);
}

namespace {

bool requires_product(const Scenario& scenario, Index dependent, Index base) {
    const auto& req = scenario.catalog.products[dependent].requires_products;
    return std::find(req.begin(), req.end(), base) != req.end();
}

}  // namespace

void cascade_ends_through_requires(Simulation& sim, Index origin, Date day, std::vector<Index> ended, bool customer) {
    for (std::size_t pass = 0; pass < ended.size(); ++pass)
        for (SubscriptionRun& run : sim.subs) {
            if (run.transfer.done || run.index == origin) continue;
            bool any = false;
            for (ProductLine& line : run.lines)
                if (line.live() && requires_product(sim.scenario, line.product, ended[pass])) {
                    line.pending = PendingCancellation{day, false, Rule::cancellation_requires_cascade, ended[pass], false,
                                                       *line.state, std::nullopt, customer};
                    ended.push_back(line.product);
                    any = true;
                }
            if (any) take_effect(sim, run, day);
        }
}

}  // namespace subsim
