// Sentences of failed payments and dunning (SPEC-v2 §4.6): the four payment events, and the what-if
// answers of `payment_fails` and `update_payment_method` (§4.8 What-if).
//
//   payment_failed (declined, next_retry 2025-03-18, access true): "The bank declines the payment of
//   €49.99 for the 15 March 2025 invoice of subscription s1. The subscription is now past due; the
//   next attempt is on 18 March 2025. Access continues meanwhile."
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

Slots payment_slots(const Context& c, const Event& e, Slots extra = {}) {
    Slots s = event_slots(c, e, {{"amount", c.money(number_detail(e, "amount"))},
                                 {"invoice_date", date_of(c, e, "invoice_date")},
                                 {"attempt", std::to_string(number_detail(e, "attempt"))},
                                 {"attempts", std::to_string(number_detail(e, "attempts"))},
                                 {"date", c.date(e.date)}});
    for (auto& slot : extra) s.push_back(std::move(slot));
    return s;
}

bool declined(const Event& e) { return text_detail(e, "reason") == "declined"; }

// A first failure without a retry: either dunning is exhausted at once (retries []), or the
// subscription had already ended and the invoice is written off (SPEC-v2 §4.3).
bool ended_on(const Context& c, const Event& e) {
    for (const Event& other : c.result.events)
        if (other.type == EventType::dunning_exhausted && other.date == e.date && other.subscription == e.subscription &&
            date_detail(other, "invoice_date") == date_detail(e, "invoice_date"))
            return false;
    return true;
}

std::string payment_failed(const Context& c, const Event& e) {
    std::string out = c.say(declined(e) ? Phrase::pay_failed_declined : Phrase::pay_failed_no_method, payment_slots(c, e));
    if (const std::optional<Date> next = date_detail(e, "next_retry")) {
        out += c.say(Phrase::pay_next_retry, {{"date", c.date(*next)}});
        out += c.say(flag_detail(e, "access") ? Phrase::pay_access_kept : Phrase::pay_access_suspended);
    } else {
        out += c.say(ended_on(c, e) ? Phrase::pay_ended_unpaid : Phrase::pay_no_retry_left);
    }
    return out;
}

std::string payment_retry(const Context& c, const Event& e) {
    if (flag_detail(e, "succeeded")) return c.say(Phrase::pay_retry_succeeded, payment_slots(c, e));
    std::string out = c.say(declined(e) ? Phrase::pay_retry_declined : Phrase::pay_retry_no_method, payment_slots(c, e));
    if (const std::optional<Date> next = date_detail(e, "next_retry")) out += c.say(Phrase::pay_retry_next, {{"date", c.date(*next)}});
    else out += c.say(Phrase::pay_retry_last);
    return out;
}

Phrase exhausted_phrase(Rule rule) {
    if (rule == Rule::dunning_exhausted_expire) return Phrase::exhausted_expire;
    if (rule == Rule::dunning_exhausted_keep_past_due) return Phrase::exhausted_keep;
    return Phrase::exhausted_cancel;
}

}  // namespace

std::string payment_sentence(const Context& c, const Event& e) {
    switch (e.type) {
        case EventType::payment_failed: return payment_failed(c, e);
        case EventType::payment_retry: return payment_retry(c, e);
        case EventType::payment_succeeded:
            return c.say(text_detail(e, "recovered_by") == "retry" ? Phrase::pay_recovered_retry : Phrase::pay_recovered_update,
                         payment_slots(c, e));
        default: return c.say(exhausted_phrase(e.rule), payment_slots(c, e));
    }
}

namespace {

const Invoice* invoice_of(const Context& c, std::size_t sub, Date date) {
    for (const Invoice& inv : c.result.invoices)
        if (inv.subscription == sub && inv.date == date) return &inv;
    return nullptr;
}

// What the first failure this `payment_fails` caused became by the end of the simulation.
std::string fails_answer(const Context& c, const std::vector<const Event*>& events, Slots base) {
    const Event* failed = nullptr;
    const Event* exhausted = nullptr;
    for (const Event* e : events) {
        if (!failed && (e->type == EventType::payment_failed || e->type == EventType::payment_retry)) failed = e;
        if (!exhausted && e->type == EventType::dunning_exhausted) exhausted = e;
    }
    if (!failed || !failed->subscription) return c.say(Phrase::answer_payment_fails_nothing, base);
    const std::optional<Date> on = date_detail(*failed, "invoice_date");
    const Invoice* inv = on ? invoice_of(c, *failed->subscription, *on) : nullptr;
    base.push_back({"invoice_date", date_of(c, *failed, "invoice_date")});
    base.push_back({"amount", c.money(number_detail(*failed, "amount"))});
    if (inv && inv->status == InvoiceStatus::paid) {
        base.push_back({"paid_on", c.date(inv->paid_on.value_or(inv->date))});
        return c.say(Phrase::answer_payment_fails_recovered, base);
    }
    if (inv && inv->status == InvoiceStatus::open) return c.say(Phrase::answer_payment_fails_open, base);
    if (exhausted && exhausted->rule != Rule::dunning_exhausted_keep_past_due) {
        base.push_back({"end", c.date(exhausted->date)});
        base.push_back({"attempts", std::to_string(number_detail(*exhausted, "attempts"))});
        return c.say(Phrase::answer_payment_fails_ended, base);
    }
    return c.say(Phrase::answer_payment_fails_written_off, base);
}

std::string update_answer(const Context& c, const std::vector<const Event*>& events, Slots base) {
    for (const Event* e : events)
        if (e->type == EventType::payment_succeeded && e->subscription) {
            base.push_back({"invoice_date", date_of(c, *e, "invoice_date")});
            base.push_back({"amount", c.money(number_detail(*e, "amount"))});
            base.push_back({"paid_on", c.date(e->date)});
            return c.say(Phrase::answer_update_recovers, base);
        }
    return c.say(Phrase::answer_update_payment_method, base);
}

}  // namespace

std::optional<std::string> payment_answer(const Context& c, const Action& action, const std::vector<const Event*>& events,
                                          Slots base) {
    if (action.kind == ActionKind::payment_fails) return fails_answer(c, events, std::move(base));
    if (action.kind == ActionKind::update_payment_method) return update_answer(c, events, std::move(base));
    return std::nullopt;
}

}  // namespace subsim::narrate_detail
