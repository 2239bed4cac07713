#include "engine/term_end.hpp"

#include <algorithm>

#include "engine/cancellation.hpp"
#include "engine/evergreen.hpp"
#include "engine/invoicing.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// The automatic renewals the plan allows: none for `cancel`, one for `renew_once`.
int renewals_allowed(AtTermEnd at) { return at == AtTermEnd::renew_once ? 1 : 0; }

bool ends_at_some_term_end(AtTermEnd at) { return at == AtTermEnd::renew_once || at == AtTermEnd::cancel; }

// §5.3 applies to evergreen contracts: elsewhere cancellations fall on billing boundaries, and a
// version 1 file relabelled 2 keeps its answer (§9; docs/semantics.md).
bool evergreen_plan(const ProductLine& line) { return line.plan->at_term_end == AtTermEnd::evergreen; }

void end_subscription(Simulation& sim, SubscriptionRun& run, Date day, Rule rule) {
    std::vector<Index> ended;
    for (ProductLine& line : run.lines)
        if (line.live()) {
            line.pending = PendingCancellation{day, true, rule, std::nullopt, false, *line.state, std::nullopt};
            ended.push_back(line.product);
        }
    take_effect(sim, run, day);
    cascade_ends_through_requires(sim, run.index, day, ended, true);  // same date (SPEC-v2 §5.5)
}

}  // namespace

bool in_last_term(const SubscriptionRun& run) {
    const AtTermEnd at = run.lead->at_term_end;
    return ends_at_some_term_end(at) && run.term_end.automatic_renewals >= renewals_allowed(at);
}

bool renews_by_itself(const SubscriptionRun& run) { return run.lead->auto_renew && !in_last_term(run); }

bool renews_at(const SubscriptionRun& run, long k) {
    const AtTermEnd at = run.lead->at_term_end;
    if (!run.lead->auto_renew) return false;
    if (at == AtTermEnd::renew) return true;
    return k == run.renewal.term_end && !in_last_term(run);
}

TermEndStep apply_term_end(Simulation& sim, SubscriptionRun& run, Date day) {
    const AtTermEnd at = run.lead->at_term_end;
    if (!run.lead->auto_renew || at == AtTermEnd::renew) return TermEndStep::v1;
    if (at == AtTermEnd::evergreen) {
        start_evergreen(sim, run, day);
        return TermEndStep::evergreen;
    }
    if (in_last_term(run)) {
        end_subscription(sim, run, day, at == AtTermEnd::cancel ? Rule::term_cancel_at_term_end : Rule::term_renew_once);
        return TermEndStep::ended;
    }
    ++run.term_end.automatic_renewals;
    return TermEndStep::renewed;
}

Date period_line_end(const Simulation& sim, const ProductLine& line, Date day, Date next) {
    if (sim.scenario.version < 2 || !line.pending || !evergreen_plan(line)) return next;
    const Date e = line.pending->effective;
    return day < e && e < next ? e : next;
}

Date bundle_line_end(const Simulation& sim, const SubscriptionRun& run, Date day, Date next) {
    if (sim.scenario.version < 2 || run.lead->at_term_end != AtTermEnd::evergreen || !run.sub->bundle) return next;
    std::optional<Date> end;
    for (Index p : sim.scenario.catalog.bundles[*run.sub->bundle].products) {
        const ProductLine* line = run.line_for(p);
        if (!line || !(line->state == State::active || line->state == State::pending_cancellation)) continue;
        if (!line->pending || !(day < line->pending->effective)) return next;  // this member runs on
        if (!end || *end < line->pending->effective) end = line->pending->effective;
    }
    return end && *end < next ? *end : next;
}

namespace {

// §5.3 for a bundle line paid in full: refunded from E when its last member ends on E, off its grid.
void refund_bundle_tail(Simulation& sim, const SubscriptionRun& run, Date day, std::vector<RuledLine>& refunds) {
    if (run.lead->at_term_end != AtTermEnd::evergreen || !run.sub->bundle) return;
    bool ended_today = false;
    for (Index p : sim.scenario.catalog.bundles[*run.sub->bundle].products) {
        const ProductLine* line = run.line_for(p);
        if (!line) continue;
        if (line->live()) return;  // a member still runs: the suite line is not cut
        if (line->state == State::cancelled && !line->history.empty() && line->history.back().first == day) ended_today = true;
    }
    if (!ended_today) return;
    for (Invoice& inv : sim.result.invoices) {
        if (inv.subscription != run.index || !(inv.date < day)) continue;
        for (InvoiceLine& l : inv.lines) {
            if (!l.bundle || l.product || l.kind != LineKind::period || l.superseded || !(l.from < day) || !(day < l.to)) continue;
            const std::int64_t credit = share(l.amount.minor(), day.days_until(l.to), l.from.days_until(l.to));
            l.superseded = true;
            if (credit != 0)
                refunds.push_back({InvoiceLine{std::nullopt, l.bundle, day, l.to, Money{-credit}, std::nullopt, LineKind::refund},
                                   Rule::billing_partial_last_period});
        }
    }
}

}  // namespace

void take_effect_with_partial_refunds(Simulation& sim, SubscriptionRun& run, Date day) {
    take_effect(sim, run, day);
    if (sim.scenario.version < 2) return;
    std::vector<RuledLine> refunds;
    refund_bundle_tail(sim, run, day, refunds);
    for (const ProductLine& line : run.lines) {
        if (!evergreen_plan(line) || line.state != State::cancelled || line.history.empty() || line.history.back().first != day) continue;
        for (const PaidLine& paid : paid_lines_after(sim, run, line.product, day)) {
            const InvoiceLine& l = paid.line;
            if (!(l.from < day) || l.kind != LineKind::period || l.periods != 1) continue;
            const Date b = l.nominal_from.value_or(l.from);
            const std::int64_t credit = share(l.amount.minor(), day.days_until(l.to), b.days_until(l.to));
            if (credit == 0) continue;
            refunds.push_back({InvoiceLine{l.product, l.bundle, day, l.to, Money{-credit}, l.plan, LineKind::refund},
                               Rule::billing_partial_last_period});
            supersede(sim, {paid});
        }
    }
    add_lines(sim, run, day, std::move(refunds));
}

}  // namespace subsim
