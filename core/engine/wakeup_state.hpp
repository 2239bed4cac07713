#pragma once
// The day-skipping lookahead's memory of one subscription (wakeup.hpp): the earliest date still
// ahead for it, as last computed, and whether anything happened to it since.
//
// A subscription's dates move only when something happens to it (an event about it, a state
// change of one of its lines, an invoice, an action on it or on the whole account) or when the
// earliest of them arrives. Until then its earliest date ahead stays what it was, so the lookahead reuses it
// instead of recomputing every boundary, line and reminder on each visited day.
#include <optional>

#include "domain/date.hpp"

namespace subsim {

struct WakeupState {
    std::optional<Date> next;  // none: nothing ahead for this subscription
    // The same without the reminder dates: the earliest date a boundary rule can act on. A day
    // woken only by a reminder (about half the days visited) runs no boundary rule of this one.
    std::optional<Date> next_boundary;
    // The same without the billing boundaries (term end, bundle and lines, renewal.hpp): the
    // earliest date a rule run before the renewals acts on (a start, a trial end, a pause or resume,
    // a plan change, a cancellation taking effect; a grace end, a transfer, a payment retry). On a
    // billing day these rules have nothing to do for a subscription untouched since.
    std::optional<Date> next_scheduled;
    // The earliest reminder date. A reminder changes nothing of the run (its event does not touch
    // it): on a day woken only by a reminder, next_boundary stays and only this one is computed again.
    std::optional<Date> next_reminder;
    bool touched = true;       // all must be computed again (nothing computed yet, or something happened)
    // The reminder dates may have moved earlier: next_reminder must be computed again too. Not
    // set by what only moves the current term end forward and bills (an automatic renewal, a
    // period's invoice: Simulation::keeps_reminder_dates): the reminder dates then only lose the
    // ones behind, and next_reminder stays the earliest of those still ahead. Implies `touched`.
    bool reminders_touched = true;
    // The same for next_scheduled, set by the same touches: an automatic renewal or a period's
    // invoice moves no start, trial end, pause, plan change, cancellation, grace end, transfer or
    // retry date, so next_scheduled stays while still ahead and only the billing boundaries are
    // computed again. Implies `touched`.
    bool scheduled_touched = true;
    // The earliest billing boundary after the day of the subscription's last invoice (its term
    // end, its bundle's and its lines'), as bill_due_lines leaves them: that rule moves every one of
    // them, so it schedules its own next date instead of the lookahead scanning them again. Valid
    // while billing_kept: dropped by any touch but a renewal's or an invoice's (the ones around it),
    // and by a line that lives unbilled (trialing, awaiting activation: its boundary is not moved).
    Date next_billing;
    bool billing_kept = false;

    // Nothing of this subscription's is due on `day` (laws aside): untouched since its earliest
    // date ahead was computed, and that date is later. Its rules have nothing to do that day.
    bool idle_on(Date day) const { return !touched && (!next || *next > day); }
    // The same for the boundary rules (boundaries.hpp): no boundary of this subscription's is due on `day`.
    bool boundaries_idle_on(Date day) const { return !touched && (!next_boundary || *next_boundary > day); }
    // The same for the rules run before the renewals (boundaries.cpp): nothing they act on falls on `day`.
    bool scheduled_idle_on(Date day) const { return !touched && (!next_scheduled || *next_scheduled > day); }
    // The kept next_scheduled still holds after `today` (the lookahead reuses it).
    bool scheduled_kept_after(Date today) const {
        return !scheduled_touched && (!next_scheduled || *next_scheduled > today);
    }
    // The kept next_billing still holds after `today` (the lookahead reuses it; never later than
    // the first billing boundary after `today`, kept_billing_dates_test.cpp).
    bool billing_kept_after(Date today) const { return billing_kept && next_billing > today; }
    // The same for the reminders (reminders.hpp): no reminder of this subscription's can be sent on `day`.
    bool reminders_idle_on(Date day) const { return !reminders_touched && (!next_reminder || *next_reminder > day); }
};

}  // namespace subsim
