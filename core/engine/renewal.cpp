#include "engine/renewal.hpp"

#include <algorithm>

#include "engine/activation.hpp"
#include "engine/billing_day.hpp"
#include "engine/invoicing.hpp"
#include "engine/pause.hpp"
#include "engine/permissions.hpp"
#include "engine/simulation.hpp"
#include "engine/evergreen.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

void expire_term(Simulation& sim, SubscriptionRun& run, Date day) {
    const Duration grace = run.lead->renewal_grace;
    run.renewal.expired_on = day;
    run.renewal.grace_end = grace.after(day);
    sim.emit(day, EventType::expired, run.index, std::nullopt, Rule::term_expired,
             {{"renewable_until",
               grace.is_zero() ? DetailValue{nullptr} : DetailValue{run.renewal.grace_end->plus_days(-1)}}});
    for (ProductLine& line : run.lines)
        if (line.live()) {
            line.pending.reset();
            sim.change_state(line, day, State::expired);
        }
}

bool has_paid_live_line(const SubscriptionRun& run) {
    return std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) {
        return l.state == State::active || awaits_activation(l) || (l.state == State::pending_cancellation && l.pending &&
                                            l.pending->state_before == State::active);
    });
}

std::optional<Refusal> renewal_refusal(const Simulation& sim, const Action& action, const SubscriptionRun& run) {
    if (auto standing = standing_refusal(sim, action, run)) return standing;
    if (run.lead->channel == Channel::reseller) return Refusal{Reason::renew_through_reseller, Rule::renewal_reseller_channel};
    const std::optional<State> state = derived_state(run);
    if (state == State::pending_cancellation || state == State::cancelled)
        return Refusal{Reason::already_cancelled, Rule::renewal_already_cancelled};
    if (!state || state == State::trialing || run.trial.expired) return Refusal{Reason::not_active, Rule::renewal_not_active};
    if (run.dunning.expired) return Refusal{Reason::not_active, Rule::renewal_not_active};  // SPEC-v2 §4.3 expire
    if (pause_ahead_or_running(run)) return Refusal{Reason::paused, Rule::renewal_paused};  // SPEC-v2 §3.7
    if (state == State::active || state == State::pending_activation) {
        if (renews_by_itself(run)) return Refusal{Reason::auto_renewing, Rule::renewal_auto_renewing};
        if (run.renewal.prepaid_until && *run.renewal.prepaid_until > run.lead_calendar.boundary(run.renewal.term_end))
            return Refusal{Reason::already_renewed, Rule::renewal_already_renewed};
    }
    if (state == State::expired && !(action.on < *run.renewal.grace_end))
        return Refusal{Reason::grace_ended, Rule::renewal_grace_ended};
    return std::nullopt;
}

// While it lives, what `sim` does to a subscription only moves its term end forward and bills its
// lines (an automatic renewal, a period's invoice): its reminder dates and the dates of its
// scheduled changes stay (wakeup_state.hpp).
class KeepsReminderDates {
public:
    explicit KeepsReminderDates(Simulation& sim) : sim_(sim), was_(sim.keeps_reminder_dates) {
        sim.keeps_reminder_dates = true;
    }
    ~KeepsReminderDates() { sim_.keeps_reminder_dates = was_; }
    KeepsReminderDates(const KeepsReminderDates&) = delete;
    KeepsReminderDates& operator=(const KeepsReminderDates&) = delete;

private:
    Simulation& sim_;
    bool was_;
};

}  // namespace

std::optional<Date> renewal_cap(const SubscriptionRun& run) {
    if (renews_by_itself(run)) return std::nullopt;
    Date end = run.lead_calendar.boundary(run.renewal.term_end);
    if (run.renewal.prepaid_until && *run.renewal.prepaid_until > end) end = *run.renewal.prepaid_until;
    return end;
}

bool prepaid_on(const SubscriptionRun& run, Date day) {
    return run.renewal.prepaid_from && *run.renewal.prepaid_from <= day && day < *run.renewal.prepaid_until;
}

void renew_or_expire_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (!has_paid_live_line(run) || billing_suspended(run)) return;
    if (bill_stub_if_due(sim, run, day)) return;  // SPEC-v2 §6.2: the stub, on the base
    Rule invoice_rule = day == run.lead_calendar.anchor() && !resumed_on(run, day) ? anchor_invoice_rule(run) : Rule::billing_period;
    const Date term_end = run.lead_calendar.boundary(run.renewal.term_end);
    if (term_end == day && !in_evergreen(run)) {
        const long next = run.lead_calendar.next_term_index(run.renewal.term_end);
        const TermEndStep step = run.renewal.prepaid_from == day ? TermEndStep::v1 : apply_term_end(sim, run, day);
        if (step == TermEndStep::ended) return;
        if (step == TermEndStep::evergreen) {
            invoice_rule = Rule::billing_period;
        } else if (renews_by_itself(run) || step == TermEndStep::renewed) {
            const KeepsReminderDates keeps{sim};
            sim.emit(day, EventType::renewed, run.index, std::nullopt, Rule::renewal_auto,
                     Pair{"manual", false}, Pair{"term_from", day}, Pair{"term_to", run.lead_calendar.boundary(next)});
            invoice_rule = Rule::renewal_auto;
        } else if (run.renewal.prepaid_from != day) {
            expire_term(sim, run, day);
            return;
        }
        run.renewal.term_end = next;
    }
    const KeepsReminderDates keeps{sim};
    bill_due_lines(sim, run, day, invoice_rule);
}

void end_grace_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.renewal.grace_end != day || run.lead->renewal_grace.is_zero() || derived_state(run) != State::expired) return;
    sim.emit(day, EventType::grace_ended, run.index, std::nullopt, Rule::renewal_grace_ended);
}

void renew(Simulation& sim, const Action& action) {
    SubscriptionRun& run = sim.subs[*action.subscription];
    if (auto why = renewal_refusal(sim, action, run))
        return refuse(sim, action, run.index, std::nullopt, why->reason, why->rule);

    const bool was_expired = derived_state(run) == State::expired;
    const long next = run.lead_calendar.next_term_index(run.renewal.term_end);
    // The new term continues the calendar: it starts at the old term end, whatever the date.
    const Date from = run.lead_calendar.boundary(run.renewal.term_end);
    const Date to = run.lead_calendar.boundary(next);
    run.renewal.prepaid_from = from;
    run.renewal.prepaid_until = to;
    if (was_expired) {
        run.renewal.term_end = next;
        run.renewal.expired_on.reset();
        run.renewal.grace_end.reset();
        for (ProductLine& line : run.lines)
            if (line.state == State::expired) sim.change_state(line, action.on, renewed_state(run));
    }
    sim.emit(action.on, EventType::renewed, run.index, std::nullopt, Rule::renewal_manual,
             {{"manual", true}, {"term_from", from}, {"term_to", to}, {"by", actor(sim.scenario, action)}});
    bill_prepaid_term(sim, run, action.on, from, to);
}

}  // namespace subsim
