#pragma once
// California Automatic Renewal Law, Cal. Bus. & Prof. Code § 17602 (SPEC-v2 §7.6,
// `jurisdiction: "US-CA"`), from 2022-07-01. Both checks warn only: the remedies are public
// enforcement, so no outcome changes.
//
//   Trial notice: a trial of 31 days or more (days(start, TE) >= 31) that would convert (a payment
//   method on file or requires_payment_method, no cancellation scheduled) needs a notice in
//   W = [TE − P21D, TE − P3D]. The scenario's notices are TE − o for each `reminders` offset.
//   Renewal notice: each automatic renewal T of a subscription whose first term lasted a year or
//   more (T1 >= S + P1Y), when the term starting at T is longer than one month (for the evergreen
//   start: an evergreen_period longer than P1M), needs a notice in W = [T − P45D, T − P15D].
//
//   Plan 9900/P1Y, trial P60D, reminder P30D, from 2025-01-01: TE = 2025-03-02, W = [02-09, 02-27],
//   the notice of 01-31 is outside: window on 02-09, warning on 02-28. The renewal of 2026-03-02
//   has W = [2026-01-16, 2026-02-15] and its reminder of 2026-01-31 inside: no warning (Example 7.D).
#include <vector>

#include "engine/law_compliance.hpp"

namespace subsim {

inline constexpr const char* ca_law = "US-CA-ARL";
inline constexpr const char* ca_article = "Cal. Bus. & Prof. Code § 17602";

// Phase 5, windows: the trial-notice and renewal-notice windows dated today.
void ca_windows(Simulation& sim, SubscriptionRun& run, Date day);
// Phase 5, warnings: the notice windows that passed without a notice.
void ca_warnings(Simulation& sim, SubscriptionRun& run, Date day);
// The window and warning dates still to come (for the day-skipping loop).
void ca_dates_ahead(const Simulation& sim, const SubscriptionRun& run, std::vector<Date>& out);

}  // namespace subsim
