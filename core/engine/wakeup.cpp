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

// A reminder's next date: walks term boundaries until one lies ahead (bounded walk).
std::optional<Date> next_reminder(const SubscriptionRun& run, Duration before, Date today) {
    const BillingCalendar& cal = run.lead_calendar;
    long k = run.term_end;
    for (int steps = 0; steps < 1000; ++steps, k = cal.next_term_index(k)) {
        const Date on = before.before(cal.boundary(k));
        if (on > today) return on;
    }
    return today.plus_days(1);
}

void consider_subscription(Earliest& e, const Simulation& sim, const SubscriptionRun& run) {
    e.consider(run.sub->start);
    e.consider(run.trial_end);
    e.consider(run.lead_calendar.boundary(run.term_end));
    e.consider(run.grace_end);
    e.consider(run.transfer_completes);
    if (run.bundle_calendar) e.consider(run.bundle_calendar->boundary(run.bundle_calendar->first_boundary_after(e.today)));
    for (const ProductLine& line : run.lines) {
        if (line.pending) e.consider(line.pending->effective);
        if (line.live()) e.consider(line.calendar.boundary(line.calendar.first_boundary_after(e.today)));
    }
    for (const Duration& before : run.lead->reminders) {
        if (run.trial_end) e.consider(before.before(*run.trial_end));
        e.consider(next_reminder(run, before, e.today));
    }
    (void)sim;
}

}  // namespace

Date next_day_to_visit(const Simulation& sim, Date today, std::optional<Date> next_action) {
    Earliest e{today, std::nullopt};
    e.consider(next_action);
    e.consider(sim.account.closing_on);
    e.consider(sim.account.data_deleted_on);
    for (const SubscriptionRun& run : sim.subs) consider_subscription(e, sim, run);
    return e.best.value_or(sim.scenario.until.plus_days(1));
}

}  // namespace subsim
