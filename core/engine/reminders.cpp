#include "engine/reminders.hpp"

#include <algorithm>

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
    std::optional<State> get() {
        if (!known_) state_ = derived_state(run_), known_ = true;
        return state_;
    }

private:
    const SubscriptionRun& run_;
    std::optional<State> state_;
    bool known_ = false;
};

void remind_trial_end(Simulation& sim, const SubscriptionRun& run, Date day, Duration before, StateOnce& state) {
    if (!run.trial.end || before.before(*run.trial.end) != day || !(day < *run.trial.end)) return;
    if (state.get() != State::trialing || !runs_until(run, *run.trial.end)) return;
    sim.emit(day, EventType::trial_ending, run.index, std::nullopt, Rule::reminder_trial_ending,
             {{"ends", *run.trial.end}, {"before", before.iso()}});
}

void remind_renewal(Simulation& sim, const SubscriptionRun& run, Date day, Duration before, StateOnce& state) {
    if (in_evergreen(run)) return;  // no renewal reminders in the evergreen phase (SPEC-v2 §5.2)
    std::optional<BillingCalendar> moved;  // the boundaries as a scheduled pause will move them (SPEC-v2 §3.8)
    const BillingCalendar& cal = reminder_calendar(run, moved);
    // The boundaries B with B - before == day: day + before, and with month units, when `day` is a
    // month's last day, the later days of the target month too (end-of-month clamping).
    const Date lo = before.after(day);
    Date hi = lo;
    if (before.is_calendar() && day.plus_days(1).day() == 1) hi = Duration::months(1).after(lo.plus_days(1 - static_cast<long>(lo.day()))).plus_days(-1);
    // Boundaries grow with k and the walk starts at the current term end or later: when that term
    // end lies past `hi`, no boundary is in reach (most days; the search below is the costly part).
    const Date current_end = cal.boundary(run.renewal.term_end);
    if (current_end > hi) return;
    const std::optional<State> now = state.get();
    if (now != State::active && now != State::pending_activation && now != State::pending_cancellation) return;
    // The first term boundary on or after `lo`, from the current term end on: that end itself when
    // it is not before `lo` (the usual reminder day), else found by search.
    const long first = current_end < lo ? std::max(run.renewal.term_end, cal.first_term_boundary_after(lo.plus_days(-1)))
                                        : run.renewal.term_end;
    for (long k = first; cal.boundary(k) <= hi;
         k = cal.next_term_index(k)) {
        if (pause_hides_boundary(run, k)) return;  // an open-ended pause: no renewal date known (SPEC-v2 §3.3)
        const Date boundary = cal.boundary(k);
        if (before.before(boundary) != day || !(boundary > day) || !runs_until(run, boundary)) continue;
        const bool renews = renews_at(run, k);
        if (!renews && k != run.renewal.term_end) return;  // a manual term ends at the current boundary
        const bool renewed_by_hand = run.renewal.prepaid_from && *run.renewal.prepaid_from <= boundary && boundary < *run.renewal.prepaid_until;
        if (renewed_by_hand) continue;
        sim.emit(day, EventType::renewal_reminder, run.index, std::nullopt, Rule::reminder_renewal,
                 {{"renews_on", boundary}, {"before", before.iso()}, {"auto_renew", renews}});
    }
}

}  // namespace

void send_reminders(Simulation& sim, Date day) {
    for (const SubscriptionRun& run : sim.subs) {
        if (run.lead->reminders.empty() || run.sub->start > day || run.wakeup.idle_on(day)) continue;
        // A trialing subscription gets trial_ending reminders, an active, pending_activation or
        // pending_cancellation one renewal reminders (each function checks the state it needs).
        StateOnce state(run);
        for (const Duration& before : run.lead->reminders) {
            remind_trial_end(sim, run, day, before, state);
            remind_renewal(sim, run, day, before, state);
        }
    }
}

std::optional<Date> next_reminder(const SubscriptionRun& run, long& cursor, Duration before, Date today) {
    std::optional<BillingCalendar> moved;
    const BillingCalendar& cal = reminder_calendar(run, moved);
    if (cursor < run.renewal.term_end) cursor = run.renewal.term_end;
    for (int steps = 0; steps < 1000; ++steps, cursor = cal.next_term_index(cursor)) {
        if (pause_hides_boundary(run, cursor)) return std::nullopt;
        const Date on = before.before(cal.boundary(cursor));
        if (on > today) return on;
    }
    return today.plus_days(1);
}

}  // namespace subsim
