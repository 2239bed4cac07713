#pragma once
// When does a cancellation requested on date r take effect, and what did a late request cost?
// (SPEC §3, "Cancellation date")
//
// Vocabulary
//   B0        the first boundary of the policy's kind after r (billing boundary, or term boundary
//             for end_of_term).
//   E0        `earliest`: the effective date the policy gives with no notice at all.
//   E         `effective`: the first boundary of the policy's kind with r + notice <= E (the
//             boundary after that one for end_of_next_period).
//   deadline  `notice_deadline`: the last date d with d + notice <= B0, found forward.
//
// Notice is counted forward from the request, with the clamped month arithmetic of SPEC §1:
// anchored on the 31st, a request on 2025-01-30 with P1M reaches 2025-02-28, a boundary, so
// E == E0 == 2025-02-28, and the deadline is 2025-01-31 (31 Jan + 1 month = 28 Feb), not 28 Jan.
#include <optional>
#include <vector>

#include "engine/billing_calendar.hpp"
#include "model/result.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct CancellationDate {
    Date effective;
    Date notice_deadline;
    bool deadline_missed = false;
    Date earliest;                  // E0
    long periods_added = 0;         // billing boundaries b of the cancelled plan with E0 <= b < E
    Duration notice;                // the plan's notice as written
    std::optional<Date> cycle_end;  // end_of_next_period only: B0, the last day to reinstate is B0 - 1
    Rule rule = Rule::cancellation_end_of_period;  // the policy's rule
};

// A paid subscription: the first boundary of the policy's kind that the notice still reaches.
// `cap` is the end of the last paid term of a subscription that does not renew by itself.
CancellationDate paid_cancellation_date(Date requested, CancellationPolicy policy, Duration notice,
                                        const BillingCalendar& calendar, std::optional<Date> cap);

// A trial: at its end or on the request date; trials ignore notice (the plan's notice is still
// reported as written).
CancellationDate trial_cancellation_date(Date requested, TrialCancel mode, Date trial_end, Duration notice);

// The last date d with d + notice <= boundary (monotone in d, so it is a prefix of the days).
// notice_deadline(2025-02-28, P1M) == 2025-01-31; notice_deadline(2025-03-15, P30D) == 2025-02-13.
Date notice_deadline(Date boundary, Duration notice);

// Billing boundaries b of `calendar` with from <= b < to.
// Anchored on the 15th: boundaries_between(cal, 2025-03-15, 2025-05-15) == 2 (15 Mar, 15 Apr).
long boundaries_between(const BillingCalendar& calendar, Date from, Date to);

// `cancellation_scheduled.details` in the contract's order: effective, access_until, notice,
// notice_deadline, deadline_missed, earliest, periods_added. Written into the event's own
// details (one allocation for the 7 pairs, none copied from a list first).
void write_scheduled_details(Details& details, const CancellationDate& when);

}  // namespace subsim
