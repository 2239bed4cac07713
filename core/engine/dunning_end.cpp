// The end of dunning (SPEC-v2 §4.3): `dunning_exhausted`, then `on_exhausted`: the subscription is
// cancelled (with its `requires` cascades, no request, e-mail, refund or fee) or expired (not
// renewable, no grace), or kept past_due.
//
//   Invoice of 2025-01-15, retries ["P2D", "P4D"], on_exhausted cancel: on 01-19 dunning_exhausted
//   (attempts 3), cancellation_effective (product null, rule dunning.exhausted_cancel); the invoice
//   becomes uncollectible (Example 4.B).
#include <algorithm>

#include "engine/bundle.hpp"
#include "engine/cancellation.hpp"
#include "engine/dunning.hpp"
#include "engine/invoicing.hpp"
#include "engine/pause.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

Rule exhausted_rule(OnExhausted how) {
    switch (how) {
        case OnExhausted::cancel: return Rule::dunning_exhausted_cancel;
        case OnExhausted::expire: return Rule::dunning_exhausted_expire;
        case OnExhausted::keep_past_due: return Rule::dunning_exhausted_keep_past_due;
    }
    return Rule::dunning_exhausted_cancel;
}

// The subscription ends on `day`. Pending cancellations are superseded and pending plan changes
// withdrawn; the lines billed that morning and not yet attempted are withdrawn, as on any same-day
// end (the engine decisions), but an invoice already attempted today stays, uncollectible.
void end_subscription(Simulation& sim, SubscriptionRun& run, Date day, OnExhausted how) {
    std::vector<Index> ended;
    for (const ProductLine& line : run.lines)
        if (line.live()) ended.push_back(line.product);
    if (how == OnExhausted::cancel) {
        sim.emit(day, EventType::cancellation_effective, run.index, std::nullopt, Rule::dunning_exhausted_cancel);
    } else {
        sim.emit(day, EventType::expired, run.index, std::nullopt, Rule::dunning_exhausted_expire,
                 {{"renewable_until", nullptr}});
        run.renewal.expired_on = day;
        run.dunning.expired = true;
    }
    for (ProductLine& line : run.lines)
        if (line.live()) {
            line.pending.reset();
            sim.change_state(line, day, how == OnExhausted::cancel ? State::cancelled : State::expired);
        }
    if (run.dunning.first_attempt_on != day) withdraw_lines_billed_on(sim, run, day, ended);
    end_bundle_price_if_member_left(sim, run, day, ended);
    if (how == OnExhausted::cancel) withdraw_changes_of_cancelled(sim, run, day);
    withdraw_pause_of_cancelled(sim, run, day);  // a scheduled pause is withdrawn (SPEC-v2 §4.3, §3.5)
    for (const Collection& c : run.dunning.open)
        if (Invoice* inv = find_invoice(sim.result, run.index, c.invoice)) inv->status = InvoiceStatus::uncollectible;
    run.dunning.open.clear();
    if (run.dunning.past_due_since && *run.dunning.past_due_since < day)
        run.dunning.past_due.emplace_back(*run.dunning.past_due_since, day);
    run.dunning.past_due_since.reset();
    // Ends no customer asked for: no refund, no fee (SPEC-v2 §4.3).
    if (how == OnExhausted::cancel) cascade_ends_through_requires(sim, run.index, day, ended, false);
}

}  // namespace

void exhaust(Simulation& sim, SubscriptionRun& run, Collection& c, const Invoice& inv, Date day) {
    const OnExhausted how = dunning_settings(sim, run).on_exhausted;
    sim.emit(day, EventType::dunning_exhausted, run.index, std::nullopt, exhausted_rule(how),
             {{"invoice_date", c.invoice}, {"amount", inv.amount.minor()}, {"attempts", std::int64_t{c.attempts}},
              {"on_exhausted", std::string(to_string(how))}});
    if (how == OnExhausted::keep_past_due) {
        c.exhausted = true;
        return;
    }
    end_subscription(sim, run, day, how);
}

}  // namespace subsim
