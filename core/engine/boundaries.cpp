#include "engine/boundaries.hpp"

#include <algorithm>

#include "engine/invoicing.hpp"

namespace subsim {
namespace {

void start_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.sub->start != day) return;
    sim.emit(day, EventType::subscription_started, run.index, std::nullopt, Rule::subscription_start,
             {{"anchor", run.lead_calendar.anchor()}});
    if (run.trial_end)
        sim.emit(day, EventType::trial_started, run.index, std::nullopt, Rule::trial_start, {{"ends", *run.trial_end}});
    for (ProductLine& line : run.lines) sim.change_state(line, day, run.trial_end ? State::trialing : State::active);
}

void end_trial_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.trial_end != day) return;
    const bool any_trialing = std::any_of(run.lines.begin(), run.lines.end(),
                                          [](const ProductLine& l) { return l.state == State::trialing; });
    if (!any_trialing) return;  // cancelled at trial end: handled by take_effect
    const bool converts = sim.account.payment_method || run.lead->trial->requires_payment_method;
    if (converts) {
        sim.emit(day, EventType::trial_converted, run.index, std::nullopt, Rule::trial_converted);
    } else {
        sim.emit(day, EventType::trial_expired, run.index, std::nullopt, Rule::trial_no_payment_method);
        run.trial_expired = true;
        run.expired_on = day;
    }
    for (ProductLine& line : run.lines)
        if (line.state == State::trialing) sim.change_state(line, day, converts ? State::active : State::expired);
}

std::int64_t list_price_of_live_members(const SubscriptionRun& run) {
    std::int64_t total = 0;
    for (const ProductLine& line : run.lines)
        if (line.live()) total += line.plan->price.minor();
    return total;
}

void end_bundle_price_if_member_left(Simulation& sim, SubscriptionRun& run, Date day,
                                     const std::vector<Index>& removed) {
    if (!run.bundle_priced) return;
    const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
    std::optional<Index> removed_member;
    for (Index p : removed)
        if (std::find(bundle.products.begin(), bundle.products.end(), p) != bundle.products.end()) {
            removed_member = p;
            break;
        }
    if (!removed_member) return;
    run.bundle_priced = false;
    const bool members_remain = std::any_of(bundle.products.begin(), bundle.products.end(), [&](Index p) {
        const ProductLine* line = run.line_for(p);
        return line && line->live();
    });
    if (!members_remain) return;
    sim.emit(day, EventType::price_changed, run.index, std::nullopt, Rule::bundle_price_ends,
             {{"bundle", bundle.id},
              {"removed", sim.scenario.catalog.products[*removed_member].id},
              {"old_amount", bundle.price.minor()},
              {"new_amount", list_price_of_live_members(run)}});
}

void expire_term(Simulation& sim, SubscriptionRun& run, Date day) {
    const Duration grace = run.lead->renewal_grace;
    run.expired_on = day;
    run.grace_end = grace.after(day);
    sim.emit(day, EventType::expired, run.index, std::nullopt, Rule::term_expired,
             {{"renewable_until", grace.is_zero() ? DetailValue{nullptr} : DetailValue{run.grace_end->plus_days(-1)}}});
    for (ProductLine& line : run.lines)
        if (line.live()) {
            line.pending.reset();
            sim.change_state(line, day, State::expired);
        }
}

bool has_paid_live_line(const SubscriptionRun& run) {
    return std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) {
        return l.state == State::active || (l.state == State::pending_cancellation && l.pending &&
                                            l.pending->state_before == State::active);
    });
}

void renew_or_expire_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!has_paid_live_line(run)) return;
    Rule invoice_rule = day == run.lead_calendar.anchor()
                                        ? (run.trial_end ? Rule::trial_converted : Rule::billing_first_period)
                                        : Rule::billing_period;
    const Date term_end = run.lead_calendar.boundary(run.term_end);
    if (term_end == day) {
        const long next = run.lead_calendar.next_term_index(run.term_end);
        if (run.lead->auto_renew) {
            sim.emit(day, EventType::renewed, run.index, std::nullopt, Rule::renewal_auto,
                     {{"manual", false}, {"term_from", day}, {"term_to", run.lead_calendar.boundary(next)}});
            invoice_rule = Rule::renewal_auto;
        } else if (run.prepaid_from != day) {
            expire_term(sim, run, day);
            return;
        }
        run.term_end = next;
    }
    bill_due_lines(sim, run, day, invoice_rule);
}

void end_grace_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.grace_end != day || run.lead->renewal_grace.is_zero() || derived_state(run) != State::expired) return;
    sim.emit(day, EventType::grace_ended, run.index, std::nullopt, Rule::renewal_grace_ended);
}

void complete_transfer_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.transfer_completes != day) return;
    run.transfer_completes.reset();
    run.transferred = true;
    sim.emit(day, EventType::transfer_completed, run.index, std::nullopt, Rule::transfer_separate_entity,
             {{"to", run.transfer_to}});
}

void delete_data_if_due(Simulation& sim, Date day) {
    if (sim.account.data_deleted_on != day) return;
    sim.emit(day, EventType::data_deleted, std::nullopt, std::nullopt, Rule::account_data_retention);
}

}  // namespace

// A whole-subscription `cancellation_effective` (product null) comes only when no product of the
// subscription is left alive. Example: s1 holds a and b; b's removal is pending until 15 May, then
// s1 is cancelled as a whole for 15 Mar: on 15 Mar a's `cancellation_effective` names a, and the
// one with product null comes on 15 May, after b's.
void take_effect(Simulation& sim, SubscriptionRun& run, Date day) {
    const auto ends_today = [day](const ProductLine& l) { return l.pending && l.pending->effective == day; };
    if (std::none_of(run.lines.begin(), run.lines.end(), ends_today)) return;
    const bool survivors = std::any_of(run.lines.begin(), run.lines.end(),
                                       [&](const ProductLine& l) { return l.live() && !ends_today(l); });
    std::vector<Index> removed_products;
    std::optional<Rule> whole_rule;
    for (ProductLine& line : run.lines) {
        if (!ends_today(line)) continue;
        if (line.pending->whole_subscription && !survivors) {
            if (!whole_rule) whole_rule = line.pending->rule;
            continue;
        }
        if (line.pending->whole_subscription && !run.deferred_whole_effective)
            run.deferred_whole_effective = line.pending->rule;
        removed_products.push_back(line.product);
        sim.emit(day, EventType::cancellation_effective, run.index, line.product, line.pending->rule);
    }
    if (!survivors && !whole_rule) whole_rule = run.deferred_whole_effective;
    if (whole_rule) sim.emit(day, EventType::cancellation_effective, run.index, std::nullopt, *whole_rule);
    std::vector<Index> cancelled;
    for (ProductLine& line : run.lines)
        if (ends_today(line)) {
            line.pending.reset();
            sim.change_state(line, day, State::cancelled);
            cancelled.push_back(line.product);
        }
    withdraw_lines_billed_on(sim, run, day, cancelled);
    end_bundle_price_if_member_left(sim, run, day, removed_products);
}

void close_account_if_due(Simulation& sim, Date day) {
    if (sim.account.closed || sim.account.closing_on != day) return;
    sim.account.closed = true;
    sim.account.data_deleted_on = sim.scenario.account.data_retention.after(day);
    sim.emit(day, EventType::account_closed, std::nullopt, std::nullopt, Rule::account_closure,
             {{"data_deleted_on", *sim.account.data_deleted_on}});
}

void run_boundaries(Simulation& sim, Date day) {
    for (SubscriptionRun& run : sim.subs) start_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) end_trial_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) take_effect(sim, run, day);
    close_account_if_due(sim, day);
    for (SubscriptionRun& run : sim.subs) renew_or_expire_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) end_grace_if_due(sim, run, day);
    for (SubscriptionRun& run : sim.subs) complete_transfer_if_due(sim, run, day);
    delete_data_if_due(sim, day);
}

}  // namespace subsim
