#include "engine/wakeup.hpp"

#include "engine/dunning.hpp"
#include "engine/earliest.hpp"
#include "engine/law_compliance.hpp"
#include "engine/pause.hpp"
#include "engine/reminders.hpp"

namespace subsim {
namespace {

// Every date a boundary rule other than the renewal (boundaries.hpp) or a payment retry acts on.
void consider_scheduled(const Simulation& sim, Earliest& e, const SubscriptionRun& run) {
    e.consider(run.sub->start);
    e.consider(run.trial.end);
    e.consider(run.renewal.grace_end);
    e.consider(run.transfer.completes);
    e.consider(next_pause_date(run));
    for (const ProductLine& line : run.lines) {
        if (line.pending) e.consider(line.pending->effective);
        if (line.change) e.consider(line.change->effective);
    }
    e.consider(next_retry_after(sim, run, e.today));  // SPEC-v2 §4.3
}

// Every billing boundary the renewal (renewal.hpp) acts on: the term end, the bundle's and the lines'.
void consider_billing(Earliest& e, SubscriptionRun& run) {
    e.consider(run.lead_calendar.boundary(run.renewal.term_end));
    if (run.bundle.calendar) e.consider(run.bundle.wake.after(*run.bundle.calendar, e.today));
    SharedBoundary boundaries;  // the products of one period and anchor share theirs
    for (ProductLine& line : run.lines)
        if (line.live()) e.consider(line.wake.after(line.calendar, e.today, boundaries));
}

// Every date a boundary rule (boundaries.hpp) or a payment retry can act on.
void consider_boundaries(const Simulation& sim, Earliest& e, SubscriptionRun& run) {
    consider_scheduled(sim, e, run);
    consider_billing(e, run);
}

// Every date a reminder (reminders.hpp) can be sent on. Each reminder's cursor carries its date
// from one visited day to the next: computed again only when its boundary moved or was passed.
void consider_reminders(Earliest& e, SubscriptionRun& run) {
    const std::vector<Duration>& reminders = run.lead->reminders;
    if (reminders.empty()) return;
    std::vector<ReminderCursor>& cursors = run.reminders.wake_term;
    if (cursors.size() != reminders.size()) cursors.resize(reminders.size());
    const BillingCalendar& cal = reminder_boundaries(run);
    for (std::size_t i = 0; i < reminders.size(); ++i) {
        if (run.trial.end) e.consider(reminders[i].before(*run.trial.end));
        consider_next_reminder(e, run, cal, cursors[i], reminders[i]);
    }
}

// The kept boundary dates of `run` brought up to `next.today` (computed again only when touched or
// passed); the earliest of them into `next`.
void bring_boundaries_up(Simulation& sim, SubscriptionRun& run, Earliest& next) {
    WakeupState& kept = run.wakeup;
    const Date today = next.today;
    Earliest e{today};
    if (kept.scheduled_kept_after(today)) {
        e.consider(kept.next_scheduled);  // touched only by a renewal or an invoice (wakeup_state.hpp)
    } else {
        consider_scheduled(sim, e, run);
        e.found_into(kept.next_scheduled);
    }
    if (kept.billing_kept_after(today)) e.consider(kept.next_billing);  // the last invoice's (bill_due_lines)
    else consider_billing(e, run);
    e.found_into(kept.next_boundary);
    next.consider(e.best);
}

// Brings the dates kept in run.wakeup up to `into.today` and considers the earliest of them. A date
// just computed is considered as computed, not read back from the optional it was stored in: that
// optional, just written in two stores, would be read in one wider load that waits for both (no
// store forwarding; the WebAssembly build reads an optional<Date> so).
void consider_ahead(Simulation& sim, SubscriptionRun& run, Earliest& into) {
    WakeupState& kept = run.wakeup;
    const Date today = into.today;
    if (kept.idle_on(today)) return into.consider(kept.next);  // untouched, both dates still ahead (most calls)
    const bool boundaries = !kept.boundaries_idle_on(today);
    const bool reminders = !kept.reminders_idle_on(today);
    if (!boundaries && !reminders) return into.consider(kept.next);
    Earliest next{today};
    if (boundaries) bring_boundaries_up(sim, run, next);
    else next.consider(kept.next_boundary);
    if (reminders) {
        Earliest e{today};
        consider_reminders(e, run);
        e.found_into(kept.next_reminder);
        next.consider(e.best);
    } else {
        next.consider(kept.next_reminder);
    }
    next.found_into(kept.next);
    kept.touched = false;
    kept.reminders_touched = false;
    kept.scheduled_touched = false;
    into.consider(next.best);
}

}  // namespace

std::optional<Date> earliest_ahead(Simulation& sim, SubscriptionRun& run, Date today) {
    Earliest e{today};
    consider_ahead(sim, run, e);
    return e.found();
}

std::optional<Date> earliest_ahead_by_full_scan(Simulation& sim, SubscriptionRun& run, Date today) {
    Earliest e{today};
    consider_boundaries(sim, e, run);
    consider_reminders(e, run);
    return e.found();
}

std::optional<Date> earliest_boundary_by_full_scan(Simulation& sim, SubscriptionRun& run, Date today) {
    Earliest e{today};
    consider_boundaries(sim, e, run);
    return e.found();
}

std::optional<Date> earliest_billing_by_full_scan(SubscriptionRun& run, Date today) {
    Earliest e{today};
    consider_billing(e, run);
    return e.found();
}

Date next_day_to_visit(Simulation& sim, Date today, const ActionAgenda& agenda) {
    Earliest e{today};
    e.consider(agenda.next_date());
    e.consider(sim.account.closing_on);
    e.consider(sim.account.data_deleted_on);
    for (SubscriptionRun& run : sim.subs) consider_ahead(sim, run, e);
    if (laws_in_scope(sim.scenario))
        for (const SubscriptionRun& run : sim.subs) e.consider(next_law_date(sim, run, today));
    return e.found().value_or(sim.scenario.until.plus_days(1));
}

}  // namespace subsim
