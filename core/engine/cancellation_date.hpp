#pragma once
// When does a cancellation requested on date r take effect? (SPEC §3, "Cancellation date")
#include <optional>
#include <string_view>

#include "engine/billing_calendar.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct CancellationDate {
    Date effective;
    Date notice_deadline;
    bool deadline_missed = false;
    Rule rule;  // the policy's rule, e.g. Rule::cancellation_end_of_period
};

// A paid subscription: the first boundary of the policy's kind that the notice still reaches.
// `cap` is the end of the last paid term of a subscription that does not renew by itself.
CancellationDate paid_cancellation_date(Date requested, CancellationPolicy policy, Duration notice,
                                        const BillingCalendar& calendar, std::optional<Date> cap);

// A trial: at its end or on the request date; trials ignore notice.
CancellationDate trial_cancellation_date(Date requested, TrialCancel mode, Date trial_end);

}  // namespace subsim
