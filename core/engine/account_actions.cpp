// `close_account` (ZENDESK: effective at the end of the cycle, then data deletion) and
// `transfer` (REDHAT: a separate legal entity takes 10 business days).
#include <algorithm>

#include "engine/actions.hpp"
#include "engine/boundaries.hpp"
#include "engine/business_days.hpp"
#include "engine/cancellation_date.hpp"

namespace subsim {
namespace {


// A trialing subscription ends at its trial end; a paid one at the end of its term, with its lead
// plan's notice (SPEC §3 Account closure).
CancellationDate closure_date(const SubscriptionRun& run, Date r) {
    CancellationDate when =
        run.trial_end && r < *run.trial_end
            ? trial_cancellation_date(r, TrialCancel::at_trial_end, *run.trial_end, run.lead->notice)
            : paid_cancellation_date(r, CancellationPolicy::end_of_term, run.lead->notice, run.lead_calendar,
                                     renewal_cap(run));
    when.rule = Rule::account_close;
    return when;
}

// Schedules the closure of one subscription; returns when it ends, if it had anything live.
std::optional<Date> close_subscription(Simulation& sim, const Action& action, SubscriptionRun& run) {
    std::optional<Date> ends;
    for (const ProductLine& line : run.lines)
        if (line.pending) ends = std::max(ends.value_or(line.pending->effective), line.pending->effective);
    if (std::none_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.cancellable(); }))
        return ends;
    const CancellationDate when = closure_date(run, action.on);
    for (ProductLine& line : run.lines)
        if (line.cancellable()) {
            line.pending = PendingCancellation{when.effective, true, when.rule, std::nullopt, true, *line.state, std::nullopt};
            sim.change_state(line, action.on, State::pending_cancellation);
        }
    sim.emit(action.on, EventType::cancellation_requested, run.index, std::nullopt, when.rule,
             {{"by", actor(sim.scenario, action)}});
    sim.emit(action.on, EventType::cancellation_scheduled, run.index, std::nullopt,
             when.deadline_missed ? Rule::notice_deadline_missed : when.rule,
             scheduled_details(when));
    return std::max(ends.value_or(when.effective), when.effective);
}

}  // namespace

void close_account(Simulation& sim, const Action& action) {
    if (!is_permitted(sim.scenario, action))
        return refuse(sim, action, std::nullopt, std::nullopt, Reason::not_permitted, Rule::permission_denied);
    if (sim.account.closed)
        return refuse(sim, action, std::nullopt, std::nullopt, Reason::account_closed, Rule::account_closed);
    if (sim.account.closing_on)
        return refuse(sim, action, std::nullopt, std::nullopt, Reason::already_cancelled, Rule::account_closing);
    Date closes = action.on;
    for (SubscriptionRun& run : sim.subs) {
        if (run.transferred) continue;
        for (ProductLine& line : run.lines)
            if (line.pending) line.pending->account_closure = true;
        if (auto ends = close_subscription(sim, action, run)) closes = std::max(closes, *ends);
    }
    sim.account.closing_on = closes;
    sim.emit(action.on, EventType::email, std::nullopt, std::nullopt, Rule::account_close,
             {{"kind", std::string("cancellation_confirmation")}, {"effective", closes}, {"access_until", closes.plus_days(-1)}});
    for (SubscriptionRun& run : sim.subs) take_effect(sim, run, action.on);
    close_account_if_due(sim, action.on);
}

void transfer(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    const auto refuse_with = [&](Reason reason, Rule rule) {
        refuse(sim, action, run.index, std::nullopt, reason, rule);
    };
    if (auto why = standing_refusal(sim, action, run)) return refuse_with(why->reason, why->rule);
    const std::optional<State> state = derived_state(run);
    if (!state || state == State::cancelled || state == State::expired) return refuse_with(Reason::not_active, Rule::transfer_not_active);
    if (run.transfer_completes) return refuse_with(Reason::transfer_pending, Rule::transfer_pending);

    const Date completes = action.separate_entity ? nth_business_day_after(action.on, 10, sim.scenario.holidays) : action.on;
    const Rule rule = action.separate_entity ? Rule::transfer_separate_entity : Rule::transfer_same_organization;
    sim.emit(action.on, EventType::transfer_requested, run.index, std::nullopt, rule,
             {{"to", action.transfer_to}, {"separate_entity", action.separate_entity}, {"completes_on", completes},
              {"by", actor(sim.scenario, action)}});
    if (action.separate_entity) {
        run.transfer_completes = completes;
        run.transfer_to = action.transfer_to;
        return;
    }
    run.transferred = true;
    sim.emit(action.on, EventType::transfer_completed, run.index, std::nullopt, rule, {{"to", action.transfer_to}});
}

}  // namespace subsim
