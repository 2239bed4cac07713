#pragma once
// The dates a customer acts on, taken from a result (docs/outputs.md, "Calendar"):
//   last_day_to_cancel  before every automatic renewal: the last request date that still stops it
//                       (the plan's notice counted back from the renewal with the engine's own
//                       notice_deadline(), and at the latest the day before the renewal);
//   renewal             every `renewed` event;
//   trial_end           `trial_converted` and `trial_expired`;
//   access_end          `cancellation_effective`, `expired` and `grace_ended`.
// Pure: a function of the scenario and its result only.
#include <cstddef>
#include <optional>
#include <vector>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/output_phrases.hpp"

namespace subsim {

struct CustomerDate {
    Date date;
    OutputTitle kind;
    std::size_t event;  // index into result.events: the event itself, or the renewal a deadline precedes
    std::optional<Duration> notice;  // last_day_to_cancel: the notice that set the deadline
};

// In date order; on one date in the order of the result's events, a deadline before its renewal.
// Monthly plan with a 30-day notice renewing on 10 Feb 2025: {2025-01-11 last_day_to_cancel},
// {2025-02-10 renewal}.
std::vector<CustomerDate> customer_dates(const Scenario& scenario, const Result& result);

// The last day a cancellation stops the renewal on `renewal` for this plan: notice_deadline(),
// never later than the day before. last_day_to_cancel(2025-02-10, P30D) == 2025-01-11;
// last_day_to_cancel(2025-02-10, P0D) == 2025-02-09.
Date last_day_to_cancel(Date renewal, const Duration& notice);

}  // namespace subsim
