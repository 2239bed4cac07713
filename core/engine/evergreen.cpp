#include "engine/evergreen.hpp"

#include <algorithm>

#include "engine/simulation.hpp"

namespace subsim {
namespace {

// The last date the service must still be provided for the notice to be given from r: a grid date
// g qualifies when g > this date (g > r and r + notice ≤ g).
Date reach(Date r, Duration notice) { return std::max(r, notice.after(r).plus_days(-1)); }

BillingCalendar grid(Date t1, Duration period) { return BillingCalendar(t1, period, 1, 1); }

bool any_day(Duration period) { return period == Duration::days(1); }

Date t1_of(const SubscriptionRun& run) {
    return run.term_end.evergreen_since.value_or(run.lead_calendar.boundary(run.renewal.term_end));
}

Duration notice_in_evergreen(const Plan& plan) {
    return plan.at_term_end == AtTermEnd::evergreen ? plan.evergreen_notice : plan.notice;
}

Duration period_in_evergreen(const Plan& plan, const SubscriptionRun& run) {
    return plan.at_term_end == AtTermEnd::evergreen ? plan.evergreen_period : run.lead->evergreen_period;
}

// An end_of_term request on r ≥ T1: the grid decides.
CancellationDate on_grid(Date t1, Duration period, Duration notice, const BillingCalendar& billing, Date r) {
    CancellationDate out;
    out.rule = Rule::cancellation_evergreen;
    out.notice = notice;
    out.effective = evergreen_exit(t1, period, notice, r);
    if (any_day(period)) {  // no boundary can be missed
        out.notice_deadline = r;
        out.earliest = out.effective;
        return out;
    }
    const BillingCalendar g = grid(t1, period);
    const Date b0 = g.boundary(std::max(1L, g.first_boundary_after(r)));
    out.notice_deadline = notice_deadline(b0, notice);
    out.earliest = b0;
    out.deadline_missed = out.effective > b0;
    out.periods_added = boundaries_between(billing, b0, out.effective);
    return out;
}

}  // namespace

bool in_evergreen(const SubscriptionRun& run) { return run.term_end.evergreen_since.has_value(); }

void start_evergreen(Simulation& sim, SubscriptionRun& run, Date t1) {
    run.term_end.evergreen_since = t1;
    sim.emit(t1, EventType::evergreen_started, run.index, std::nullopt, Rule::term_evergreen,
             {{"period", run.lead->evergreen_period.iso()}, {"notice", run.lead->evergreen_notice.iso()}});
}

Date evergreen_exit(Date t1, Duration period, Duration notice, Date r) {
    const BillingCalendar g = grid(t1, period);
    return g.boundary(std::max(1L, g.first_boundary_after(reach(r, notice))));
}

std::optional<CancellationDate> evergreen_cancellation_date(const SubscriptionRun& run, const Plan& plan,
                                                            const BillingCalendar& billing, Date r) {
    if (run.lead->at_term_end != AtTermEnd::evergreen || !run.lead->auto_renew) return std::nullopt;
    if (plan.cancellation == CancellationPolicy::immediate) return std::nullopt;
    const Date t1 = t1_of(run);
    const Duration period = period_in_evergreen(plan, run);
    if (in_evergreen(run)) {
        if (plan.cancellation == CancellationPolicy::end_of_term)
            return on_grid(t1, period, notice_in_evergreen(plan), billing, r);
        return paid_cancellation_date(r, plan.cancellation, notice_in_evergreen(plan), billing, std::nullopt);
    }
    if (plan.cancellation != CancellationPolicy::end_of_term) return std::nullopt;
    // Before T1: v1.3 unless the request misses T1's deadline; then the first grid date meeting
    // evergreen_notice, instead of a term later (SPEC-v2 §5.2).
    const CancellationDate v1 = paid_cancellation_date(r, plan.cancellation, plan.notice, run.lead_calendar, std::nullopt);
    if (v1.earliest != t1 || !v1.deadline_missed) return std::nullopt;
    CancellationDate out = v1;
    out.rule = Rule::cancellation_evergreen;
    out.effective = evergreen_exit(t1, period, notice_in_evergreen(plan), r);
    out.periods_added = boundaries_between(billing, t1, out.effective);
    return out;
}

}  // namespace subsim
