#include "engine/evergreen.hpp"
#include "engine/settlement.hpp"

#include <algorithm>

#include "engine/billing_day.hpp"
#include "engine/invoicing.hpp"
#include "engine/pause.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

void refund_line(const InvoiceLine& paid, Refund policy, Date e, std::vector<RuledLine>& out) {
    if (policy == Refund::full) {
        InvoiceLine l{paid.product, paid.bundle, paid.from, paid.to, Money{-paid.amount.minor()}, paid.plan, LineKind::refund};
        out.push_back({l, Rule::refund_full});
        return;
    }
    const Date s = std::max(e, paid.from);
    const std::int64_t unused = share(paid.amount.minor(), s.days_until(paid.to), paid.from.days_until(paid.to));
    out.push_back({InvoiceLine{paid.product, paid.bundle, s, paid.to, Money{-unused}, paid.plan, LineKind::refund},
                   Rule::refund_prorated});
}

// The bundle's lines that end after `e`, once no member is left (SPEC-v2 §2.3).
InvoiceLines bundle_lines_after(const Simulation& sim, const SubscriptionRun& run, Date e) {
    InvoiceLines out;
    if (!run.sub->bundle) return out;
    for (Index member : sim.scenario.catalog.bundles[*run.sub->bundle].products)
        if (const ProductLine* line = run.line_for(member); line && line->live()) return out;
    const Date oldest = e.plus_days(-sim.longest_line_days);
    for (auto invoice = sim.result.invoices.rbegin(); invoice != sim.result.invoices.rend() && !(invoice->date < oldest); ++invoice)
        if (invoice->subscription == run.index)
            for (const InvoiceLine& l : invoice->lines)
                if (l.bundle && l.to > e && l.kind == LineKind::period && !l.superseded) out.insert(out.begin(), l);
    return out;
}

void refunds(Simulation& sim, const SubscriptionRun& run, Date e, const std::vector<EndedLine>& ended,
             std::vector<RuledLine>& out) {
    for (const EndedLine& line : ended) {
        const Refund policy = line.law ? Refund::prorated : (line.whole ? run.lead : line.plan)->refund_on_immediate_cancel;
        if ((!line.customer && !line.law) || policy == Refund::none) continue;
        const std::vector<PaidLine> paid_lines = paid_lines_after(sim, run, line.product, e);
        supersede(sim, paid_lines);
        for (const PaidLine& paid : paid_lines) refund_line(paid.line, policy, e, out);
        if (line.law)
            for (std::size_t i = out.size() - paid_lines.size(); i < out.size(); ++i) out[i].rule = *line.law;
    }
    if (ended.empty() || (!ended.front().customer && !ended.front().law)) return;
    const std::optional<Rule> law = ended.front().law;
    const Refund policy = law ? Refund::prorated : (ended.front().whole ? run.lead : ended.front().plan)->refund_on_immediate_cancel;
    if (policy == Refund::none) return;
    for (const InvoiceLine& l : bundle_lines_after(sim, run, e)) {
        refund_line(l, policy, e, out);
        if (law) out.back().rule = *law;
    }
}

// One fee for a whole subscription (the lead plan's), one per product otherwise, when E is
// inside a term (SPEC-v2 §2.4).
void fees(const Simulation& sim, const SubscriptionRun& run, Date e, const std::vector<EndedLine>& ended,
          std::vector<RuledLine>& out) {
    if (in_evergreen(run)) return;  // the fee never applies in the evergreen phase (SPEC-v2 §5.3)
    if (in_free_stub(run, e)) return;  // a free stub is outside every term (SPEC-v2 §2.4, §6.3)
    bool whole_charged = false;
    for (const EndedLine& line : ended) {
        if (!line.customer || (line.whole && whole_charged)) continue;
        const Plan& plan = line.whole ? *run.lead : *line.plan;
        const ProductLine* own = run.line_for(line.product);
        const BillingCalendar& cal = line.whole ? run.lead_calendar : own->calendar;
        Date term_end = cal.boundary(cal.first_term_boundary_after(e.plus_days(-1)));
        // A cancellation during a pause: as if it had resumed on E (SPEC-v2 §2.4 condition 2, §3.5).
        if (run.pause.started) term_end = term_end_as_if_resumed(run, line.whole ? run.lines.front() : *own, e);
        if (line.whole) whole_charged = true;
        if (plan.termination_fee.minor() <= 0 || !(e < term_end)) continue;
        out.push_back({InvoiceLine{plan.product, std::nullopt, e, term_end, plan.termination_fee, plan_index(sim, plan),
                                   LineKind::termination_fee},
                       Rule::fee_termination});
    }
}

}  // namespace

void settle_cancellation(Simulation& sim, SubscriptionRun& run, Date day, const std::vector<EndedLine>& ended) {
    std::vector<RuledLine> lines;
    refunds(sim, run, day, ended, lines);
    fees(sim, run, day, ended, lines);
    add_lines(sim, run, day, std::move(lines));
}

}  // namespace subsim
