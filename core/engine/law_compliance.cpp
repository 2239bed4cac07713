// What the law rules share (SPEC-v2 §7.1, §7.2) and phase 5 of each date (§0.5).
#include "engine/law_compliance.hpp"

#include <algorithm>

#include "engine/evergreen.hpp"
#include "engine/law_california.hpp"
#include "engine/law_eu_withdrawal.hpp"
#include "engine/law_france.hpp"
#include "engine/law_germany.hpp"
#include "engine/simulation.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

// The start of the term that ends at lead-calendar term index k: after the first term every term
// is a renewal term, so it lies one renewal step back (index 0 for the first term).
long term_start_index(const BillingCalendar& cal, long k) {
    const long first = cal.next_term_index(0);
    return k <= first ? 0 : k - (cal.next_term_index(k) - k);
}

bool prepaid_at(const SubscriptionRun& run, Date t) {
    return run.renewal.prepaid_from && *run.renewal.prepaid_from <= t && t < *run.renewal.prepaid_until;
}

}  // namespace

bool law_applies(const Simulation& sim, const SubscriptionRun& run) {
    return laws_in_scope(sim.scenario) && !run.transfer.done;
}

std::vector<TacitRenewal> renewals_ahead(const SubscriptionRun& run) {
    std::vector<TacitRenewal> out;
    const bool alive = std::any_of(run.lines.begin(), run.lines.end(), [](const ProductLine& l) { return l.live(); });
    if (!alive || in_evergreen(run)) return out;  // an ended subscription has no renewal ahead
    const BillingCalendar& cal = run.lead_calendar;
    long k = run.renewal.term_end;
    for (int i = 0; i < 2 && renews_at(run, k); ++i, k = cal.next_term_index(k)) {
        const Date t = cal.boundary(k);
        if (prepaid_at(run, t)) break;  // a term renewed by hand: no tacit renewal there
        const bool evergreen = run.lead->at_term_end == AtTermEnd::evergreen;
        out.push_back(TacitRenewal{cal.boundary(term_start_index(cal, k)), t,
                                   evergreen ? std::nullopt : std::optional<Date>{cal.boundary(cal.next_term_index(k))},
                                   evergreen});
        if (run.lead->at_term_end != AtTermEnd::renew) break;  // one tacit renewal at most
    }
    return out;
}

std::vector<Date> notices_before(const SubscriptionRun& run, Date t) {
    std::vector<Date> out;
    for (const Duration& o : run.lead->reminders) {
        const Date d = o.before(t);
        if (!(d < run.sub->start) && d < t) out.push_back(d);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string date_list(const std::vector<Date>& dates) {
    std::string out;
    for (const Date& d : dates) {
        if (!out.empty()) out += ',';
        out += d.iso();
    }
    return out;
}

bool any_in(const std::vector<Date>& dates, const DaySpan& span) {
    return std::any_of(dates.begin(), dates.end(), [&](Date d) { return span.contains(d); });
}

bool ends_by(const SubscriptionRun& run, Date t) {
    return std::none_of(run.lines.begin(), run.lines.end(), [&](const ProductLine& l) {
        return l.live() && (!l.pending || l.pending->effective > t);
    });
}

void emit_window(Simulation& sim, Date day, const SubscriptionRun& run, const WindowEvent& w) {
    sim.emit(day, EventType::compliance_window, run.index, std::nullopt, w.rule,
             {{"law", std::string(w.law)},
              {"article", std::string(w.article)},
              {"window", std::string(w.window)},
              {"about", w.about},
              {"from", w.from},
              {"to", w.to ? DetailValue{*w.to} : DetailValue{nullptr}}});
}

void emit_warning(Simulation& sim, Date day, const SubscriptionRun& run, const WarningEvent& w) {
    sim.emit(day, EventType::compliance_warning, run.index, std::nullopt, w.rule,
             {{"law", std::string(w.law)},
              {"article", std::string(w.article)},
              {"check", std::string(w.check)},
              {"about", w.about},
              {"expected", w.expected},
              {"actual", w.actual},
              {"consequence", std::string(w.consequence)},
              {"consequence_from", w.consequence_from ? DetailValue{*w.consequence_from} : DetailValue{nullptr}}});
}

void run_law(Simulation& sim, Date day) {
    if (!laws_in_scope(sim.scenario)) return;
    for (SubscriptionRun& run : sim.subs) fr_windows(sim, run, day);
    for (SubscriptionRun& run : sim.subs) eu_windows(sim, run, day);
    for (SubscriptionRun& run : sim.subs) ca_windows(sim, run, day);
    for (SubscriptionRun& run : sim.subs) fr_warnings(sim, run, day);
    for (SubscriptionRun& run : sim.subs) de_warnings(sim, run, day);
    for (SubscriptionRun& run : sim.subs) ca_warnings(sim, run, day);
}

std::optional<Date> next_law_date(const Simulation& sim, const SubscriptionRun& run, Date today) {
    if (!law_applies(sim, run)) return std::nullopt;
    std::vector<Date> dates;
    fr_dates_ahead(sim, run, dates);
    ca_dates_ahead(sim, run, dates);
    std::optional<Date> best;
    for (Date d : dates)
        if (d > today && (!best || d < *best)) best = d;
    return best;
}

}  // namespace subsim
