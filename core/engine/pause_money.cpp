// The money of a pause (SPEC-v2 §3.3): the unused part of every paid line running past P is
// credited on P; the period invoiced that morning for P itself is withdrawn instead (§0.2).
//
//   Plan 4999/P1M from 2025-01-31, immediate pause on 2025-03-10: the line [02-28, 03-31) has 21 of
//   31 days unused: −share(4999, 21/31) = −3386 on 03-10 (Example 3.B).
#include <algorithm>

#include "engine/invoicing.hpp"
#include "engine/pause_internal.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

RuledLine credit_of(const InvoiceLine& l, Date p) {
    const Date s = std::max(p, l.from);
    const std::int64_t unused = share(l.amount.minor(), s.days_until(l.to), l.from.days_until(l.to));
    return {InvoiceLine{l.product, l.bundle, s, l.to, Money{-unused}, l.plan, LineKind::proration_credit}, Rule::pause_unused_credit};
}

// The bundle's paid lines running past P, not yet credited (marked credited as they are taken).
InvoiceLines take_bundle_lines_after(Simulation& sim, const SubscriptionRun& run, Date p) {
    InvoiceLines out;
    const Date oldest = p.plus_days(-sim.longest_line_days);
    for (Invoice& invoice : sim.result.invoices) {
        if (invoice.date < oldest || invoice.subscription != run.index) continue;
        for (InvoiceLine& l : invoice.lines)
            if (l.bundle && l.kind == LineKind::period && !l.superseded && l.to > p) {
                l.superseded = true;
                out.push_back(l);
            }
    }
    return out;
}

// Takes the period lines starting on P off P's invoice (and its event off the day when it empties).
void withdraw_lines_starting(Simulation& sim, const SubscriptionRun& run, Date p) {
    auto& invoices = sim.result.invoices;
    auto found = std::find_if(invoices.rbegin(), invoices.rend(),
                              [&](const Invoice& i) { return i.date == p && i.subscription == run.index; });
    if (found == invoices.rend()) return;
    const auto gone = [&](const InvoiceLine& l) { return l.from == p && l.kind == LineKind::period; };
    std::int64_t withdrawn = 0;
    for (const InvoiceLine& l : found->lines)
        if (gone(l)) withdrawn += l.amount.minor();
    found->lines.erase(std::remove_if(found->lines.begin(), found->lines.end(), gone), found->lines.end());
    found->amount = Money{found->amount.minor() - withdrawn};
    sim.result.total_charged = Money{sim.result.total_charged.minor() - withdrawn};
    auto& events = sim.result.events;
    for (auto it = events.rbegin(); it != events.rend() && it->date == p; ++it) {
        if (it->type != EventType::invoice || it->subscription != run.index) continue;
        if (found->lines.empty()) events.erase(std::next(it).base());
        else it->details = {{"amount", found->amount.minor()}};
        break;
    }
    if (found->lines.empty()) invoices.erase(std::next(found).base());
}

}  // namespace

void credit_unused(Simulation& sim, SubscriptionRun& run, Date p) {
    std::vector<RuledLine> credits;
    bool morning_line = false;
    const auto take = [&](const InvoiceLine& l, Date invoiced_on) {
        if (l.from == p && invoiced_on == p) morning_line = true;  // never provided: withdrawn
        else credits.push_back(credit_of(l, p));
    };
    for (const ProductLine& line : run.lines) {
        const std::vector<PaidLine> paid = paid_lines_after(sim, run, line.product, p);
        supersede(sim, paid);
        for (const PaidLine& x : paid) take(x.line, x.invoiced_on);
    }
    for (const InvoiceLine& l : take_bundle_lines_after(sim, run, p)) take(l, l.from);
    if (morning_line) withdraw_lines_starting(sim, run, p);
    add_lines(sim, run, p, std::move(credits));
}

}  // namespace subsim
