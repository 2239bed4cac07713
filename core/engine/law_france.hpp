#pragma once
// France, Code de la consommation art. L215-1 (SPEC-v2 §7.3, `jurisdiction: "FR"`). A service
// contract renewed tacitly at a term boundary T (a v1.3 renewal, or the evergreen start T1) must
// be announced in writing between three months and one month before D, the last day to refuse the
// renewal. Otherwise the consumer may end the contract free of charge at any time from T, and
// what was paid beyond the end is refunded prorated.
//
//   Terms of one month or less (T0 + P1M >= T) are outside the article (flag `fr_min_term`).
//   D = the notice deadline for T (the last d with d + notice <= T), or T − 1 day with notice P0D.
//   W = [D − P3M, D − P1M], both days included.
//
//   Yearly plan from 2024-03-01, notice P1M, reminder P14D: T = 2025-03-01, D = 2025-02-01,
//   W = [2024-11-01, 2025-01-01]; window on 2024-11-01, warning on 2025-01-02 (actual
//   "2025-02-15"), free-termination window [2025-03-01, 2026-02-28] on 2025-03-01; a `cancel` on
//   2025-05-10 ends it that day and refunds −share(11988, 295/365) = −9689 (Example 7.A).
#include <optional>
#include <vector>

#include "engine/cancellation_date.hpp"
#include "engine/law_compliance.hpp"

namespace subsim {

inline constexpr const char* fr_law = "FR-L215-1";
inline constexpr const char* fr_article = "Code de la consommation, art. L215-1";

// The renewal-letter window W for the renewal at `t` with the lead plan's notice, or none when
// the term [t0, t) is outside the article.
std::optional<DaySpan> fr_reminder_window(Date t0, Date t, Duration notice);

// Phase 5, windows: the renewal-letter windows dated today, and the free-termination window on a
// renewal that came after a warning.
void fr_windows(Simulation& sim, SubscriptionRun& run, Date day);
// Phase 5, warnings: a renewal whose letter falls outside its window.
void fr_warnings(Simulation& sim, SubscriptionRun& run, Date day);
// The window and warning dates still to come (for the day-skipping loop).
void fr_dates_ahead(const Simulation& sim, const SubscriptionRun& run, std::vector<Date>& out);

// A whole-subscription `cancel` or a `close_account` requested on `r` inside a free-termination
// window takes effect on `r`, rule law.fr_free_termination (§7.3 "Consequence"); none otherwise.
std::optional<CancellationDate> free_termination_date(const SubscriptionRun& run, Date r);

}  // namespace subsim
