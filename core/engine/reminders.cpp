#include "engine/reminders.hpp"

#include <algorithm>

#include "engine/earliest.hpp"
#include "engine/evergreen.hpp"
#include "engine/pause.hpp"
#include "engine/simulation.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

// True when, as things stand today, the subscription still runs up to `boundary`.
bool runs_until(const SubscriptionRun& run, Date boundary) {
    return std::any_of(run.lines.begin(), run.lines.end(), [&](const ProductLine& l) {
        return l.live() && (!l.pending || l.pending->effective > boundary);
    });
}

// The subscription's state (derived_state), worked out at most once per visit and only when a
// reminder may fall on the day: most visited days have none in reach.
class StateOnce {
public:
    explicit StateOnce(const SubscriptionRun& run) : run_(run) {}
    // By reference: a copy of the optional, written in two parts just before, read back as one
    // wider load would wait for those stores (no store forwarding).
    const std::optional<State>& get() {
        if (!known_) state_ = derived_state(run_), known_ = true;
        return state_;
    }

private:
    const SubscriptionRun& run_;
    std::optional<State> state_ = State{};  // read only after get() computed it (engaged, GCC sees no uninitialised read)
    bool known_ = false;
};

// `before` goes into the event as Pair<const std::string&>: copied once, straight into its
// detail, not into a Pair's own string first.
void remind_trial_end(Simulation& sim, const SubscriptionRun& run, Date day, Duration before, const std::string& before_iso,
                      StateOnce& state) {
    if (!run.trial.end || before.before(*run.trial.end) != day || !(day < *run.trial.end)) return;
    if (state.get() != State::trialing || !runs_until(run, *run.trial.end)) return;
    sim.emit(day, EventType::trial_ending, run.index, std::nullopt, Rule::reminder_trial_ending,
             Pair{"ends", *run.trial.end}, Pair<const std::string&>{"before", before_iso});
}

// The renewal reminder of term boundary k of `cal`, if one is due on `day`. False when no later
// boundary can have one either (the walk of remind_renewal stops).
bool remind_of_boundary(Simulation& sim, const SubscriptionRun& run, const BillingCalendar& cal, long k, Date day,
                        Duration before, const std::string& before_iso) {
    if (pause_hides_boundary(run.pause, k)) return false;  // an open-ended pause: no renewal date known (SPEC-v2 §3.3)
    const Date boundary = cal.boundary(k);
    if (before.before(boundary) != day || !(boundary > day) || !runs_until(run, boundary)) return true;
    const bool renews = renews_at(run, k);
    if (!renews && k != run.renewal.term_end) return false;  // a manual term ends at the current boundary
    const bool renewed_by_hand = run.renewal.prepaid_from && *run.renewal.prepaid_from <= boundary && boundary < *run.renewal.prepaid_until;
    if (renewed_by_hand) return true;
    sim.emit(day, EventType::renewal_reminder, run.index, std::nullopt, Rule::reminder_renewal,
             Pair{"renews_on", boundary}, Pair<const std::string&>{"before", before_iso}, Pair{"auto_renew", renews});
    return true;
}

void remind_renewal(Simulation& sim, SubscriptionRun& run, Date day, Duration before, const std::string& before_iso,
                    StateOnce& state) {
    if (in_evergreen(run)) return;  // no renewal reminders in the evergreen phase (SPEC-v2 §5.2)
    const BillingCalendar& cal = reminder_boundaries(run);  // as a scheduled pause will move them (SPEC-v2 §3.8)
    // The boundaries B with B - before == day: day + before, and with month units, when `day` is a
    // month's last day, the later days of the target month too (end-of-month clamping).
    const Date lo = before.after(day);
    Date hi = lo;
    if (before.is_calendar() && day.plus_days(1).day() == 1) hi = Duration::months(1).after(lo.plus_days(1 - static_cast<long>(lo.day()))).plus_days(-1);
    // Boundaries grow with k and the walk starts at the current term end or later: when that term
    // end lies past `hi`, no boundary is in reach (most days; the search below is the costly part).
    const Date current_end = cal.boundary(run.renewal.term_end);
    if (current_end > hi) return;
    const std::optional<State>& now = state.get();
    if (now != State::active && now != State::pending_activation && now != State::pending_cancellation) return;
    // The first term boundary on or after `lo`, from the current term end on: that end itself when
    // it is not before `lo` (the usual reminder day), else found by search. Term boundaries grow
    // strictly with k: the walk ends at the first one on or past `hi` (usually the first).
    long k = current_end < lo ? std::max(run.renewal.term_end, cal.first_term_boundary_after(lo.plus_days(-1)))
                              : run.renewal.term_end;
    for (; cal.boundary(k) <= hi; k = cal.next_term_index(k)) {
        const Date boundary = cal.boundary(k);
        if (!remind_of_boundary(sim, run, cal, k, day, before, before_iso) || boundary == hi) return;
    }
}

// Each reminder's `before` as its events write it, for the subscription's current lead plan.
const std::vector<std::string>& before_iso(SubscriptionRun& run) {
    ReminderState& r = run.reminders;
    const std::vector<Duration>& reminders = run.lead->reminders;
    if (r.before_iso_of != &reminders) {
        r.before_iso.clear();
        for (const Duration& before : reminders) r.before_iso.push_back(before.iso());
        r.before_iso_of = &reminders;
    }
    return r.before_iso;
}

}  // namespace

const BillingCalendar& reminder_boundaries(SubscriptionRun& run) {
    return pause_moves_reminder_calendar(run.pause) ? reminder_calendar(run, run.reminders.moved) : run.lead_calendar;
}

void send_reminders(Simulation& sim, Date day) {
    for (SubscriptionRun& run : sim.subs) {
        // No reminder date of its own on `day` and none moved (an idle run is reminder-idle too; a run
        // touched only by a renewal or an invoice keeps the lookahead's reminder dates).
        if (run.wakeup.reminders_idle_on(day) || run.lead->reminders.empty() || run.sub->start > day) continue;
        // A trialing subscription gets trial_ending reminders, an active, pending_activation or
        // pending_cancellation one renewal reminders (each function checks the state it needs).
        StateOnce state(run);
        const std::vector<std::string>& iso = before_iso(run);
        for (std::size_t i = 0; i < run.lead->reminders.size(); ++i) {
            const Duration before = run.lead->reminders[i];
            remind_trial_end(sim, run, day, before, iso[i], state);
            remind_renewal(sim, run, day, before, iso[i], state);
        }
    }
}

void consider_next_reminder(Earliest& e, const SubscriptionRun& run, const BillingCalendar& cal, ReminderCursor& cursor,
                            Duration before) {
    if (cursor.term < run.renewal.term_end) cursor.term = run.renewal.term_end;
    for (int steps = 0; steps < 1000; ++steps, cursor.term = cal.next_term_index(cursor.term)) {
        if (pause_hides_boundary(run.pause, cursor.term)) return;
        const Date boundary = cal.boundary(cursor.term);
        if (!cursor.known || cursor.boundary != boundary) {
            cursor.boundary = boundary;
            cursor.on = before.before(boundary);
            cursor.known = true;
        }
        if (cursor.on > e.today) return e.consider(cursor.on);
    }
    e.consider(e.today.plus_days(1));
}

std::optional<Date> next_reminder(const SubscriptionRun& run, const BillingCalendar& cal, ReminderCursor& cursor,
                                  Duration before, Date today) {
    Earliest e{today};
    consider_next_reminder(e, run, cal, cursor, before);
    return e.found();
}

}  // namespace subsim
