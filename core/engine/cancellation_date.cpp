#include "engine/cancellation_date.hpp"

#include <algorithm>

namespace subsim {
namespace {

Rule policy_rule(CancellationPolicy p) {
    switch (p) {
        case CancellationPolicy::immediate: return Rule::cancellation_immediate;
        case CancellationPolicy::end_of_period: return Rule::cancellation_end_of_period;
        case CancellationPolicy::end_of_next_period: return Rule::cancellation_end_of_next_period;
        case CancellationPolicy::end_of_term: return Rule::cancellation_end_of_term;
    }
    return Rule::cancellation_end_of_period;
}

// The last date the cancelled service must still be provided for the notice to be given:
// a boundary B qualifies when B > reach, i.e. B > r and r + notice <= B.
// last_day_the_notice_covers(2025-01-30, P1M) == 2025-02-27 (30 Jan + 1 month = 28 Feb).
Date last_day_the_notice_covers(Date r, Duration notice) {
    return std::max(r, notice.after(r).plus_days(-1));
}

// Index of the first boundary of the policy's kind after `date`.
long first_after(const BillingCalendar& cal, CancellationPolicy policy, Date date) {
    return policy == CancellationPolicy::end_of_term ? cal.first_term_boundary_after(date)
                                                     : cal.first_boundary_after(date);
}

Date capped(Date d, Date r, std::optional<Date> cap) { return cap && *cap < d ? std::max(*cap, r) : d; }

}  // namespace

Date notice_deadline(Date boundary, Duration notice) {
    // notice.before() clamps, so it may stop short of the last such day: 28 Feb - 1 month = 28 Jan,
    // yet 29, 30 and 31 Jan + 1 month also give 28 Feb. Step forward while the next day still fits
    // (at most to the end of that month: a later day would land in the month after `boundary`).
    Date d = notice.before(boundary);
    while (notice.after(d.plus_days(1)) <= boundary) d = d.plus_days(1);
    return d;
}

long boundaries_between(const BillingCalendar& cal, Date from, Date to) {
    if (!(from < to)) return 0;
    // first_boundary_after(x - 1 day) is the index of the first boundary on or after x.
    return cal.first_boundary_after(to.plus_days(-1)) - cal.first_boundary_after(from.plus_days(-1));
}

// Anchored on the 15th, monthly, P30D, requested 2025-03-17: B0 = 15 Apr, deadline 16 Mar
// (16 Mar + 30 days = 15 Apr), missed; 17 Mar + 30 days = 16 Apr, so E = 15 May, E0 = 15 Apr,
// periods_added = 1 (the invoice of 15 Apr).
CancellationDate paid_cancellation_date(Date r, CancellationPolicy policy, Duration notice,
                                        const BillingCalendar& cal, std::optional<Date> cap) {
    CancellationDate out;
    out.notice = notice;
    out.rule = policy_rule(policy);
    out.effective = out.notice_deadline = out.earliest = r;
    if (policy == CancellationPolicy::immediate) return out;

    const long first = first_after(cal, policy, r);
    long k = first_after(cal, policy, last_day_the_notice_covers(r, notice));
    long k0 = first;
    if (policy == CancellationPolicy::end_of_next_period) {
        out.cycle_end = cal.boundary(first);
        ++k;
        ++k0;
    }
    out.notice_deadline = notice_deadline(cal.boundary(first), notice);
    out.effective = capped(cal.boundary(k), r, cap);
    out.earliest = capped(cal.boundary(k0), r, cap);
    out.deadline_missed = out.effective > out.earliest;
    // Both on their boundaries (no cap cut them): boundaries grow strictly with the index, so the
    // ones in [boundary(k0), boundary(k)) are k - k0, without searching the calendar again.
    const bool uncapped = k >= k0 && out.effective == cal.boundary(k) && out.earliest == cal.boundary(k0);
    out.periods_added = uncapped ? k - k0 : boundaries_between(cal, out.earliest, out.effective);
    return out;
}

CancellationDate trial_cancellation_date(Date r, TrialCancel mode, Date trial_end, Duration notice) {
    CancellationDate out;
    out.notice = notice;
    const bool now = mode == TrialCancel::immediate;
    out.rule = now ? Rule::trial_cancel_immediate : Rule::trial_cancel_at_trial_end;
    out.effective = out.notice_deadline = out.earliest = now ? r : trial_end;
    return out;
}

void write_scheduled_details(Details& details, const CancellationDate& when) {
    details.fill(Pair{"effective", when.effective}, Pair{"access_until", when.effective.plus_days(-1)},
                 Pair{"notice", when.notice.iso()}, Pair{"notice_deadline", when.notice_deadline},
                 Pair{"deadline_missed", when.deadline_missed}, Pair{"earliest", when.earliest},
                 Pair{"periods_added", static_cast<std::int64_t>(when.periods_added)});
}

}  // namespace subsim
