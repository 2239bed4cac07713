#pragma once
// Consumer-law profiles (SPEC-v2 §7): what every law rule shares. A scenario with a
// `jurisdiction` gets dated, sourced events on top of the simulation, in processing phase 5
// (§0.5): all `compliance_window` events of the date, then all `compliance_warning` events; each
// group by section (FR §7.3, DE §7.4, EU §7.5, US-CA §7.6), then by subscription in file order.
//
// The rules themselves are one file each:
//   law_france.hpp         L215-1: the renewal-letter window, its warning, the free termination
//   law_germany.hpp        BGB § 309 Nr. 9: term, extension, exit and notice checks (warnings only)
//   law_eu_withdrawal.hpp  Directive 2011/83/EU: the 14-day withdrawal period and `withdraw`
//   law_california.hpp     Cal. Bus. & Prof. Code § 17602: trial and renewal notice windows
//
//   "jurisdiction": "FR", yearly plan from 2024-03-01, notice P1M, reminder P14D: the renewal of
//   2025-03-01 must be announced in [2024-11-01, 2025-01-01]; the reminder of 2025-02-15 is late,
//   so 2025-01-02 warns and 2025-03-01 opens the free-termination window (Example 7.A).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Simulation;
struct SubscriptionRun;

// The law slice of a subscription's run state.
struct LawState {
    // Renewal dates T whose FR reminder warning was emitted: the renewal opens a free termination.
    std::vector<Date> fr_warned;
    // The FR free-termination windows opened so far: [from, to], `to` none in the evergreen phase.
    struct Window {
        Date from;
        std::optional<Date> to;
    };
    std::vector<Window> free_termination;
};

// An inclusive span of days, as `expected` and `actual` write it: "2024-11-01/2025-01-01".
struct DaySpan {
    Date from;
    Date to;
    bool contains(Date d) const { return from <= d && d <= to; }
    std::string text() const { return from.iso() + "/" + to.iso(); }
};

// True when law events apply to `run` today: a format 2 scenario with a jurisdiction, a consumer
// account, and a subscription not transferred away (§7.1).
bool law_applies(const Simulation& sim, const SubscriptionRun& run);
// The scenario can bring a law to bear at all (format 2, a jurisdiction, a consumer account):
// without, phase 5 and the lookahead's law dates skip every subscription. Inline: both ask it
// on every visited day.
inline bool laws_in_scope(const Scenario& scenario) {
    return scenario.version >= 2 && scenario.jurisdiction && scenario.account.consumer;
}

// An automatic renewal still to come at term boundary `t` (a v1.3 renewal, or the evergreen start
// T1, which is a tacit extension): the term [t0, t) ends there; `next_end` is the end of the term
// it starts (none when it starts the evergreen phase); `next_term` that term's length or grid.
struct TacitRenewal {
    Date t0;
    Date t;
    std::optional<Date> next_end;
    bool evergreen = false;
};
// The current term's end and the one after it, when each renews by itself, as things stand.
std::vector<TacitRenewal> renewals_ahead(const SubscriptionRun& run);

// The dates `t − o` for each offset `o` of the lead plan's reminders, on or after the
// subscription's start, sorted: the reminders (or trial notices) the scenario sends for `t`.
std::vector<Date> notices_before(const SubscriptionRun& run, Date t);
// Those dates as `actual` writes them: "2025-02-15,2025-03-01", or "" for none.
std::string date_list(const std::vector<Date>& dates);
bool any_in(const std::vector<Date>& dates, const DaySpan& span);

// A subscription that has ended, or whose cancellation takes effect on or before `t`, on `day`.
bool ends_by(const SubscriptionRun& run, Date t);

struct WindowEvent {
    Rule rule;
    const char* law;
    const char* article;
    const char* window;
    Date about;
    Date from;
    std::optional<Date> to;
};
void emit_window(Simulation& sim, Date day, const SubscriptionRun& run, const WindowEvent& w);

struct WarningEvent {
    Rule rule;
    const char* law;
    const char* article;
    const char* check;
    Date about;
    std::string expected;
    std::string actual;
    const char* consequence;
    std::optional<Date> consequence_from;
};
void emit_warning(Simulation& sim, Date day, const SubscriptionRun& run, const WarningEvent& w);

// Processing phase 5 of `day` (§0.5).
void run_law(Simulation& sim, Date day);

// The first date after `today` on which a law event of `run` may fall that no other boundary
// brings (the reminder and notice windows and their warnings): the day-skipping loop visits it.
std::optional<Date> next_law_date(const Simulation& sim, const SubscriptionRun& run, Date today);

}  // namespace subsim
