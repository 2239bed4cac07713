#include "engine/billing_day.hpp"

#include "engine/bundle.hpp"
#include "engine/invoicing.hpp"
#include "engine/simulation.hpp"
#include "engine/start.hpp"

namespace subsim {
namespace {

long periods_in(const Duration& whole, const Duration& period) { return whole.multiple_of(period).value_or(1); }

// A prorated stub is a short term of its own only when the term is one period and the subscription
// renews at its end: `end_of_term` then stays `end_of_period` (SPEC-v2 §6.2, §11.28). A term that
// does not renew by itself (auto_renew false, cancel, renew_once) keeps its whole paid term
// instead, the stub included (docs/semantics.md).
StubTerm stub_kind(const Plan& lead, bool has_stub, bool free) {
    if (!has_stub) return StubTerm::none;
    if (free) return StubTerm::outside;
    const bool renews = lead.auto_renew && (lead.at_term_end == AtTermEnd::renew || lead.at_term_end == AtTermEnd::evergreen);
    return lead.term == lead.period && renews ? StubTerm::own_term : StubTerm::in_first_term;
}

BillingCalendar aligned(Date anchor, Duration period, long term, long renewal, unsigned day, StubTerm stub) {
    if (stub == StubTerm::own_term) return BillingCalendar(anchor, period, renewal, renewal, day, true);
    return BillingCalendar(anchor, period, term, renewal, day, stub != StubTerm::in_first_term);
}

// share(price, [from, A), [A − period, A)), A the first boundary after `from` (A*, or a resume's
// A′ for index k): the nominal span's start by the same day rule.
std::int64_t stub_amount(const BillingCalendar& calendar, std::int64_t price, Date from) {
    const long j = calendar.first_boundary_after(from);
    const Date a = calendar.boundary(j);
    return share(price, from.days_until(a), calendar.boundary(j - 1).days_until(a));
}

// The stub [day, A) on every billable line (and the bundle), A the lead calendar's next boundary.
void bill_stub(Simulation& sim, SubscriptionRun& run, Date day, Rule rule) {
    const Date anchor = run.lead_calendar.boundary(run.lead_calendar.first_boundary_after(day));
    std::vector<RuledLine> lines;
    if (run.bundle.priced && run.bundle.calendar && any_member_billable(run)) {
        const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
        lines.push_back({InvoiceLine{std::nullopt, *run.sub->bundle, day, anchor,
                                     Money{stub_amount(*run.bundle.calendar, bundle.price.minor(), day)}},
                         rule});
    }
    for (const ProductLine& line : run.lines) {
        if (line.state != State::active || billed_through_bundle(sim, run, line.product)) continue;
        const BillingCalendar& cal = line.calendar;
        lines.push_back({InvoiceLine{line.product, std::nullopt, day, anchor,
                                     Money{stub_amount(cal, line.plan->price.minor(), day)}, plan_index(sim, *line.plan),
                                     LineKind::period, cal.boundary(cal.first_boundary_after(day) - 1)},
                         rule});
    }
    add_lines(sim, run, day, std::move(lines));
}

void set_stub(SubscriptionRun& run, const Plan& lead, Date base, Date anchor, bool free) {
    run.billing_day.stub_from = base < anchor ? std::optional<Date>(base) : std::nullopt;
    run.billing_day.stub = stub_kind(lead, base < anchor, free);
    run.billing_day.stub_due = base < anchor && !free;
}

}  // namespace

Date aligned_anchor(Date base, unsigned day) {
    for (int months = 0; months < 2; ++months) {
        const Date first = Duration::months(months).after(base.plus_days(1 - static_cast<long>(base.day())));
        const unsigned last = static_cast<unsigned>(Duration::months(1).after(first).plus_days(-1).day());
        const Date candidate = first.plus_days(static_cast<long>(day < last ? day : last) - 1);
        if (!(candidate < base)) return candidate;
    }
    return base;  // not reached: next month always has a candidate
}

BillingCalendar calendar_for(const SubscriptionRun& run, const Plan& plan, Date anchor) {
    if (!run.billing_day.day) return calendar_of(plan, anchor);
    return aligned(anchor, plan.period, periods_in(plan.term, plan.period), periods_in(plan.renewal_term, plan.period),
                   *run.billing_day.day, run.billing_day.stub);
}

long first_term_end(const SubscriptionRun& run) {
    return run.billing_day.stub == StubTerm::own_term ? 0 : run.lead_calendar.next_term_index(0);
}

void align_run(const Scenario& scenario, SubscriptionRun& run) {
    if (!run.sub->billing_day) return;
    const unsigned day = *run.sub->billing_day;
    const Date base = run.trial.end.value_or(run.sub->start);
    const Date anchor = aligned_anchor(base, day);
    run.billing_day.day = day;
    set_stub(run, *run.lead, base, anchor, run.sub->first_period_free);
    run.lead_calendar = calendar_for(run, *run.lead, anchor);
    for (ProductLine& line : run.lines) line.calendar = calendar_for(run, *line.plan, anchor);
    if (run.bundle.calendar) {
        const Duration period = scenario.catalog.bundles[*run.sub->bundle].period;
        run.bundle.calendar = BillingCalendar(anchor, period, 1, 1, day, true);
    }
    run.renewal.term_end = first_term_end(run);
}

Rule anchor_invoice_rule(const SubscriptionRun& run) {
    if (run.billing_day.stub == StubTerm::outside) return Rule::billing_first_period;
    if (run.billing_day.stub != StubTerm::none) return Rule::billing_period;
    return run.trial.end ? Rule::trial_converted : Rule::billing_first_period;
}

bool bill_stub_if_due(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.billing_day.realigned_from == day) {  // SPEC-v2 §3.4 item 1: the stub a resume re-aligned
        run.billing_day.realigned_from.reset();
        bill_stub(sim, run, day, Rule::billing_period);
        return true;
    }
    if (run.billing_day.stub_from != day) return false;
    if (!run.billing_day.stub_due) return true;
    run.billing_day.stub_due = false;
    bill_stub(sim, run, day, run.trial.end == day ? Rule::trial_converted : Rule::billing_aligned_first_period);
    return true;
}

bool in_free_stub(const SubscriptionRun& run, Date day) {
    return run.billing_day.stub == StubTerm::outside && run.billing_day.stub_from && !(day < *run.billing_day.stub_from) &&
           day < run.lead_calendar.anchor();
}

Date reset_anchor(SubscriptionRun& run, const Plan& to, Date e) {
    if (!run.billing_day.day) return e;
    const Date anchor = aligned_anchor(e, *run.billing_day.day);
    set_stub(run, to, e, anchor, false);  // first_period applies only to the start
    run.billing_day.stub_due = false;            // the reset bills it
    return anchor;
}

ResetLine reset_first_line(const SubscriptionRun& run, const BillingCalendar& calendar, const Plan& plan, Date e) {
    if (run.billing_day.day && e < calendar.anchor())
        return {calendar.anchor(), stub_amount(calendar, plan.price.minor(), e), calendar.boundary(-1), 0};
    return {calendar.boundary(1), plan.price.minor(), std::nullopt, 1};
}

}  // namespace subsim
