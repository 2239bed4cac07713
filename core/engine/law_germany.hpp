#pragma once
// Germany, BGB § 309 Nr. 9 (SPEC-v2 §7.4, `jurisdiction: "DE"`): in standard terms of a consumer
// contract for regular services, a binding first term over two years (a), a tacit extension other
// than an indefinite one with at most one month's notice (b), and a notice over one month before
// the end of the first term (c) are void. Contracts concluded before 2022-03-01 keep the old
// limits: an extension of at most one year, a notice of at most three months. subsim warns and
// names the consequence; the outcome is not changed (the statutory fallback is outside subsim).
//
// The checks run on the subscription's start and on E of a plan change that resets the anchor,
// judging the lead plan. S is the start of the first term (the start, or the trial end), T1 its end.
// With a billing day (SPEC-v2 §6.3) a prorated stub counts: the first term is [base, A* + term),
// also when the stub is a one-period term of its own; a free stub is outside it (S = A*).
//
//   Plan 2999/P1M, term P24M, renewal P12M, end_of_term, notice P3M, from 2023-04-01:
//   (b) warns (expected "evergreen", actual "P12M"), (c) warns (the deadline for 2025-04-01 with
//   P3M is 2025-01-01, before 2025-03-01 with P1M), all dated 2023-04-01 (Example 7.B).
#include <optional>

#include "domain/date.hpp"
#include "engine/law_compliance.hpp"

namespace subsim {

struct Plan;
class BillingCalendar;

inline constexpr const char* de_law = "DE-BGB-309-9";

// The first term [s, t1) as the calendar stands (a pause moves t1, SPEC-v2 §3.4), a prorated
// billing-day stub included (§6.3, §7.4). California measures the same span (§7.6).
struct FirstTerm {
    Date s;   // start of the first term
    Date t1;  // its end
};
FirstTerm law_first_term(const SubscriptionRun& run);

// The new limits apply to contracts concluded on or after 2022-03-01.
bool de_new_limits(Date concluded);

// (b′): the request day q in [T1, T1 + P1Y) whose last day of contract E(q) − 1 lies furthest
// beyond q + P1M (the earliest on ties), as "q/E(q)−1"; none when every exit is within a month.
std::optional<DaySpan> de_longest_exit(const Plan& lead, const BillingCalendar& calendar, Date t1);

// Phase 5, warnings: the checks (a), (b), (b′), (c), in that order, on their days.
void de_warnings(Simulation& sim, SubscriptionRun& run, Date day);

}  // namespace subsim
