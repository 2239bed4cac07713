// Format 2 sentences of the billing-day stub (SPEC-v2 §6.2): the first invoice that covers only
// the days up to the first billing day, and the start of a subscription whose stub is free.
#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

// The invoice's stub line: a period line whose nominal span starts before it, billed on its own
// first day (an aligned first period).
const InvoiceLine* stub_line(const Context& c, const Event& e) {
    for (const Invoice& inv : c.result.invoices) {
        if (inv.date != e.date || std::optional<std::size_t>(inv.subscription) != e.subscription) continue;
        for (const InvoiceLine& l : inv.lines)
            if (l.kind == LineKind::period && l.from == e.date && l.nominal_from && *l.nominal_from < l.from) return &l;
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> aligned_first_invoice(const Context& c, const Event& e) {
    if (e.rule != Rule::billing_aligned_first_period && e.rule != Rule::trial_converted) return std::nullopt;
    const InvoiceLine* stub = stub_line(c, e);
    if (!stub) return std::nullopt;
    const Phrase p = e.rule == Rule::trial_converted ? Phrase::invoice_aligned_after_trial : Phrase::invoice_aligned_first;
    return c.say(p, event_slots(c, e, {{"amount", c.money(number_detail(e, "amount"))}, {"from", c.date(stub->from)},
                                       {"last_day", c.date(stub->to.plus_days(-1))}, {"anchor", c.date(stub->to)}}));
}

std::optional<std::string> started_with_free_stub(const Context& c, const Event& e) {
    if (!e.subscription || *e.subscription >= c.sc.subscriptions.size()) return std::nullopt;
    const Subscription& sub = c.sc.subscriptions[*e.subscription];
    const std::optional<Date> anchor = date_detail(e, "anchor");
    if (!sub.billing_day || !sub.first_period_free || !anchor || !(sub.start < *anchor)) return std::nullopt;
    return c.say(Phrase::started_free_stub, event_slots(c, e, {{"anchor", c.date(*anchor)}}));
}

}  // namespace subsim::narrate_detail
