#pragma once
// EU withdrawal, Directive 2011/83/EU art. 9 and 14(3) (SPEC-v2 §7.5; `jurisdiction` "EU", and
// within "FR" and "DE"). A consumer may withdraw from a distance service contract concluded after
// 2014-06-13 within 14 days of its conclusion; if the service started at their request they pay
// for the part already provided.
//
// The period runs from the start to L = start + 14 days; when L is a Saturday, a Sunday or one of
// the scenario's holidays it ends on the next business day instead (Regulation 1182/71 art. 3(4)).
// A `withdraw` accepted on r <= L ends the whole subscription on r, refunds every paid line running
// after r prorated from r (rule law.eu_withdrawal), charges no fee, and cascades through `requires`
// only.
//
//   Plan 4900/P1M from 2025-01-15 (a Wednesday): L = 2025-01-29; `withdraw` on 2025-01-20 refunds
//   [01-20, 02-15): −share(4900, 26/31) = −4110, total 790; on 2025-01-30 it is refused
//   withdrawal_period_over (Example 7.C).
#include <vector>

#include "domain/date.hpp"
#include "engine/law_compliance.hpp"

namespace subsim {

struct Action;

inline constexpr const char* eu_law = "EU-CRD";
inline constexpr const char* eu_article = "Directive 2011/83/EU, art. 9";

// L: the last day of the withdrawal period of a contract concluded on `start`.
// withdrawal_period_end(2023-04-01, {}) == 2023-04-17 (04-15 is a Saturday).
Date withdrawal_period_end(Date start, const std::vector<Date>& holidays);

// Phase 5, windows: the withdrawal period, dated the start.
void eu_windows(Simulation& sim, SubscriptionRun& run, Date day);

// The `withdraw` action.
void withdraw(Simulation& sim, const Action& action);

}  // namespace subsim
