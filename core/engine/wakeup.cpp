#include "engine/wakeup.hpp"

namespace subsim {
namespace {

struct Earliest {
    Date today;
    std::optional<Date> best;
    void consider(std::optional<Date> d) {
        if (d && *d > today && (!best || *d < *best)) best = d;
    }
};

// A reminder's next date: walks term boundaries until one lies ahead (bounded walk per call).
std::optional<Date> next_reminder(const SubscriptionRun& run, long& cursor, Duration before, Date today) {
    const BillingCalendar& cal = run.lead_calendar;
    if (cursor < run.term_end) cursor = run.term_end;
    for (int steps = 0; steps < 1000; ++steps, cursor = cal.next_term_index(cursor)) {
        const Date on = before.before(cal.boundary(cursor));
        if (on > today) return on;
    }
    return today.plus_days(1);
}

void consider_subscription(Earliest& e, SubscriptionRun& run) {
    e.consider(run.sub->start);
    e.consider(run.trial_end);
    e.consider(run.lead_calendar.boundary(run.term_end));
    e.consider(run.grace_end);
    e.consider(run.transfer_completes);
    if (run.bundle_calendar) e.consider(run.bundle_wake.after(*run.bundle_calendar, e.today));
    for (ProductLine& line : run.lines) {
        if (line.pending) e.consider(line.pending->effective);
        if (line.live()) e.consider(line.wake.after(line.calendar, e.today));
    }
    run.reminder_wake_term.resize(run.lead->reminders.size());
    for (std::size_t i = 0; i < run.lead->reminders.size(); ++i) {
        const Duration before = run.lead->reminders[i];
        if (run.trial_end) e.consider(before.before(*run.trial_end));
        e.consider(next_reminder(run, run.reminder_wake_term[i], before, e.today));
    }
}

}  // namespace

Date next_day_to_visit(Simulation& sim, Date today, std::optional<Date> next_action) {
    Earliest e{today, std::nullopt};
    e.consider(next_action);
    e.consider(sim.account.closing_on);
    e.consider(sim.account.data_deleted_on);
    for (SubscriptionRun& run : sim.subs) consider_subscription(e, run);
    return e.best.value_or(sim.scenario.until.plus_days(1));
}

}  // namespace subsim
