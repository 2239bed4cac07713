// Format 2 sentences (SPEC-v2 §1, §2): plan changes, and invoices that credit, refund or charge a
// fee, itemized in a customer's words ("14 unused days of Basic credited: −€25.00; Pro for the
// same 14 days: €50.00").
#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

Phrase direction_phrase(const std::string& d) {
    if (d == "upgrade") return Phrase::direction_upgrade;
    if (d == "downgrade") return Phrase::direction_downgrade;
    return Phrase::direction_lateral;
}

std::string plan_name(const Context& c, std::optional<std::size_t> plan) {
    return plan && *plan < c.sc.catalog.plans.size() ? c.sc.catalog.plans[*plan].id : std::string();
}

std::string line_words(const Context& c, const Invoice& invoice, const InvoiceLine& l) {
    const Slots s = {{"plan", l.plan ? plan_name(c, l.plan) : c.subject(invoice.subscription, std::nullopt)},
                     {"n", std::to_string(l.from.days_until(l.to))},
                     {"from", c.date(l.from)},
                     {"last_day", c.date(l.to.plus_days(-1))},
                     {"amount", c.money(l.amount.minor())}};
    const bool from_today = l.from == invoice.date;
    switch (l.kind) {
        case LineKind::proration_credit: return c.say(from_today ? Phrase::money_credit_unused : Phrase::money_credit_whole, s);
        case LineKind::proration_charge: return c.say(from_today ? Phrase::money_charge_same_days : Phrase::money_period, s);
        case LineKind::refund: return c.say(from_today ? Phrase::money_refund_unused : Phrase::money_refund_whole, s);
        case LineKind::termination_fee: return c.say(Phrase::money_fee, s);
        case LineKind::period: return c.say(Phrase::money_period, s);
    }
    return "";
}

}  // namespace

bool itemized(Rule rule) {
    switch (rule) {
        case Rule::proration_prorate:
        case Rule::proration_full_credit:
        case Rule::change_reset_anchor:
        case Rule::refund_prorated:
        case Rule::refund_full:
        case Rule::fee_termination:
        case Rule::law_fr_free_termination:
        case Rule::law_eu_withdrawal:
        case Rule::pause_unused_credit: return true;
        default: return false;
    }
}

std::string itemized_lines(const Context& c, const Event& e) {
    std::string lines;
    for (const Invoice& invoice : c.result.invoices) {
        if (invoice.date != e.date || std::optional<std::size_t>(invoice.subscription) != e.subscription) continue;
        for (const InvoiceLine& l : invoice.lines)
            lines += (lines.empty() ? std::string() : c.say(Phrase::list_items)) + line_words(c, invoice, l);
    }
    return lines;
}

std::string itemized_invoice(const Context& c, const Event& e) {
    return c.say(Phrase::invoice_itemized,
                 event_slots(c, e, {{"amount", c.money(number_detail(e, "amount"))}, {"lines", itemized_lines(c, e)}}));
}

std::string plan_change_sentence(const Context& c, const Event& e) {
    switch (e.type) {
        case EventType::plan_change_requested:
            if (e.rule == Rule::change_withdrawn)
                return c.say(Phrase::change_back_requested, event_slots(c, e, {{"to", text_detail(e, "to")}}));
            return c.say(Phrase::change_requested,
                         event_slots(c, e, {{"from", text_detail(e, "from")}, {"to", text_detail(e, "to")}}));
        case EventType::plan_change_scheduled: {
            const std::string direction = c.say(direction_phrase(text_detail(e, "direction")));
            const std::optional<Date> effective = date_detail(e, "effective");
            if (effective == std::optional<Date>(e.date))
                return c.say(Phrase::change_scheduled_now, event_slots(c, e, {{"direction", direction}}));
            return c.say(Phrase::change_scheduled_later,
                         event_slots(c, e, {{"direction", direction}, {"date", date_of(c, e, "effective")}}));
        }
        case EventType::plan_changed:
            return c.say(Phrase::plan_changed,
                         event_slots(c, e, {{"to", text_detail(e, "to")},
                                            {"new", c.money(number_detail(e, "new_amount"))},
                                            {"old", c.money(number_detail(e, "old_amount"))}}));
        default: {
            const Phrase p = text_detail(e, "reason") == "changed_back" ? Phrase::change_withdrawn_back
                                                                         : Phrase::change_withdrawn_cancel;
            return c.say(p, event_slots(c, e, {{"to", text_detail(e, "to")}}));
        }
    }
}

}  // namespace subsim::narrate_detail
