#include "engine/cancellation_date.hpp"

#include <algorithm>

namespace subsim {
namespace {

// The notice is met at boundary k when the request is on or before that boundary's deadline.
bool notice_met(Date requested, Duration notice, Date boundary) { return requested <= notice.before(boundary); }

long first_period_boundary_meeting_notice(Date r, Duration notice, const BillingCalendar& cal, long first) {
    // Jump near the answer, then settle: the deadline grows with k, so the condition is monotone.
    long k = std::max(first, cal.first_boundary_after(notice.after(r).plus_days(-1)));
    while (k > first && notice_met(r, notice, cal.boundary(k - 1))) --k;
    while (!notice_met(r, notice, cal.boundary(k))) ++k;
    return k;
}

long first_term_boundary_meeting_notice(Date r, Duration notice, const BillingCalendar& cal, long first) {
    // At most notice / term steps, and a notice is bounded (Duration::max_count).
    long k = first;
    while (!notice_met(r, notice, cal.boundary(k))) k = cal.next_term_index(k);
    return k;
}

Rule policy_rule(CancellationPolicy p) {
    switch (p) {
        case CancellationPolicy::immediate: return Rule::cancellation_immediate;
        case CancellationPolicy::end_of_period: return Rule::cancellation_end_of_period;
        case CancellationPolicy::end_of_next_period: return Rule::cancellation_end_of_next_period;
        case CancellationPolicy::end_of_term: return Rule::cancellation_end_of_term;
    }
    return Rule::cancellation_end_of_period;
}

}  // namespace

CancellationDate paid_cancellation_date(Date r, CancellationPolicy policy, Duration notice,
                                        const BillingCalendar& cal, std::optional<Date> cap) {
    CancellationDate out{r, r, false, policy_rule(policy)};
    if (policy == CancellationPolicy::immediate) return out;

    long k = 0;
    if (policy == CancellationPolicy::end_of_term) {
        const long first = cal.first_term_boundary_after(r);
        out.notice_deadline = notice.before(cal.boundary(first));
        k = first_term_boundary_meeting_notice(r, notice, cal, first);
    } else {
        const long first = cal.first_boundary_after(r);
        out.notice_deadline = notice.before(cal.boundary(first));
        k = first_period_boundary_meeting_notice(r, notice, cal, first);
        if (policy == CancellationPolicy::end_of_next_period) ++k;
    }
    out.deadline_missed = r > out.notice_deadline;
    out.effective = cal.boundary(k);
    if (cap && *cap < out.effective) out.effective = std::max(*cap, r);
    return out;
}

CancellationDate trial_cancellation_date(Date r, TrialCancel mode, Date trial_end) {
    if (mode == TrialCancel::immediate) return CancellationDate{r, r, false, Rule::trial_cancel_immediate};
    return CancellationDate{trial_end, trial_end, false, Rule::trial_cancel_at_trial_end};
}

}  // namespace subsim
