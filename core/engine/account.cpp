#include "engine/evergreen.hpp"
#include "engine/law_france.hpp"
#include "engine/account.hpp"

#include <algorithm>

#include "engine/cancellation.hpp"
#include "engine/cancellation_date.hpp"
#include "engine/dunning.hpp"
#include "engine/pause.hpp"
#include "engine/permissions.hpp"
#include "engine/plan_change.hpp"
#include "engine/renewal.hpp"
#include "engine/simulation.hpp"
#include "engine/trial.hpp"

namespace subsim {
namespace {

// A trialing subscription ends at its trial end; a paid one at the end of its term, with its lead
// plan's notice (SPEC §3 Account closure).
CancellationDate closure_date(const SubscriptionRun& run, Date r) {
    if (auto free = free_termination_date(run, r)) return *free;  // SPEC-v2 §7.3: ends on r
    if (is_paused(run)) return paused_cancellation_date(r, run.lead->notice);  // ends on r (SPEC-v2 §3.5)
    Plan by_term = *run.lead;  // in the evergreen phase, end_of_term uses the grid (SPEC-v2 §5.5)
    by_term.cancellation = CancellationPolicy::end_of_term;
    if (auto evergreen = in_trial(run, r) ? std::nullopt : evergreen_cancellation_date(run, by_term, run.lead_calendar, r)) {
        evergreen->rule = Rule::account_close;
        return *evergreen;
    }
    CancellationDate when =
        in_trial(run, r)
            ? trial_cancellation_date(r, TrialCancel::at_trial_end, *run.trial.end, run.lead->notice)
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
    Event& scheduled = sim.emit(action.on, EventType::cancellation_scheduled, run.index, std::nullopt,
                                when.deadline_missed ? Rule::notice_deadline_missed : when.rule);
    write_scheduled_details(scheduled.details, when);
    return std::max(ends.value_or(when.effective), when.effective);
}

// The refusals of an account-wide action, which names no subscription.
std::optional<Refusal> account_refusal(const Simulation& sim, const Action& action) {
    if (!is_permitted(sim.scenario, action)) return Refusal{Reason::not_permitted, Rule::permission_denied};
    if (sim.account.closed) return Refusal{Reason::account_closed, Rule::account_closed};
    return std::nullopt;
}

}  // namespace

namespace {

// Out of line: close_account_if_due is asked on every visited day and answers no on nearly all,
// without setting up the event's details first.
[[gnu::noinline]] void close_account_on(Simulation& sim, Date day) {
    sim.account.closed = true;
    sim.account.data_deleted_on = sim.scenario.account.data_retention.after(day);
    sim.emit(day, EventType::account_closed, std::nullopt, std::nullopt, Rule::account_closure,
             {{"data_deleted_on", *sim.account.data_deleted_on}});
}

}  // namespace

void close_account_if_due(Simulation& sim, Date day) {
    if (!sim.account.closed && sim.account.closing_on == day) close_account_on(sim, day);
}

void delete_data_if_due(Simulation& sim, Date day) {
    if (sim.account.data_deleted_on != day) return;
    sim.emit(day, EventType::data_deleted, std::nullopt, std::nullopt, Rule::account_data_retention);
}

void close_account(Simulation& sim, const Action& action) {
    if (auto why = account_refusal(sim, action))
        return refuse(sim, action, std::nullopt, std::nullopt, why->reason, why->rule);
    if (sim.account.closing_on)
        return refuse(sim, action, std::nullopt, std::nullopt, Reason::already_cancelled, Rule::account_closing);
    Date closes = action.on;
    for (SubscriptionRun& run : sim.subs) {
        if (run.transfer.done) continue;
        for (ProductLine& line : run.lines)
            if (line.pending) line.pending->account_closure = true;
        if (auto ends = close_subscription(sim, action, run)) closes = std::max(closes, *ends);
    }
    sim.account.closing_on = closes;
    sim.emit(action.on, EventType::email, std::nullopt, std::nullopt, Rule::account_close,
             {{"kind", std::string_view("cancellation_confirmation")}, {"effective", closes}, {"access_until", closes.plus_days(-1)}});
    for (SubscriptionRun& run : sim.subs) take_effect(sim, run, action.on);
    for (SubscriptionRun& run : sim.subs) withdraw_changes_of_cancelled(sim, run, action.on);
    for (SubscriptionRun& run : sim.subs) withdraw_pause_of_cancelled(sim, run, action.on);
    close_account_if_due(sim, action.on);
}

void add_payment_method(Simulation& sim, const Action& action) {
    if (auto why = account_refusal(sim, action))
        return refuse(sim, action, std::nullopt, std::nullopt, why->reason, why->rule);
    sim.account.payment_method = true;
    payment_method_updated(sim);  // SPEC-v2 §4.3: the next retry succeeds
}

}  // namespace subsim
