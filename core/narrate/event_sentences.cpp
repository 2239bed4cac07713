// Event sentences (SPEC §4.1): one per event, stating only what the result says.
#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim {
namespace {

using namespace narrate_detail;

Slots slots_of(const Context& c, const Event& e, Slots extra = {}) { return event_slots(c, e, std::move(extra)); }

std::string day_before(const Context& c, const Event& e, std::string_view key) {
    const std::optional<Date> d = date_detail(e, key);
    return d ? c.date(d->plus_days(-1)) : "";
}

// SPEC-v2 §5.3: a period cut short by the cancellation, or the refund of its unused days.
std::string partial_last_invoice(const Context& c, const Event& e) {
    if (number_detail(e, "amount") < 0) return itemized_invoice(c, e);
    const InvoiceLine* shortest = nullptr;
    for (const Invoice& inv : c.result.invoices)
        if (inv.date == e.date && std::optional<std::size_t>(inv.subscription) == e.subscription)
            for (const InvoiceLine& l : inv.lines)
                if (l.kind == LineKind::period && (!shortest || l.to < shortest->to)) shortest = &l;
    if (!shortest) return itemized_invoice(c, e);
    return c.say(Phrase::invoice_partial_last,
                 slots_of(c, e, {{"amount", c.money(number_detail(e, "amount"))}, {"from", c.date(shortest->from)},
                                 {"last_day", c.date(shortest->to.plus_days(-1))}}));
}

std::string evergreen_started(const Context& c, const Event& e) {
    const std::string period = text_detail(e, "period");
    Slots extra = {{"notice", c.notice(text_detail(e, "notice"))}, {"period", c.notice(period)}, {"date", c.date(e.date)}};
    return c.say(period == "P1D" ? Phrase::evergreen_any_day : Phrase::evergreen_grid, slots_of(c, e, std::move(extra)));
}

std::string invoice(const Context& c, const Event& e) {
    if (e.rule == Rule::billing_partial_last_period) return partial_last_invoice(c, e);
    if (auto stub = aligned_first_invoice(c, e)) return *stub;  // SPEC-v2 §6.2
    if (itemized(e.rule)) return itemized_invoice(c, e);
    Phrase p = Phrase::invoice_period;
    if (e.rule == Rule::renewal_auto) p = Phrase::invoice_renewal;
    else if (e.rule == Rule::renewal_manual) p = Phrase::invoice_manual;
    else if (e.rule == Rule::trial_converted) p = Phrase::invoice_after_trial;
    else if (e.rule == Rule::billing_first_period) p = Phrase::invoice_first;
    return c.say(p, slots_of(c, e, {{"amount", c.money(number_detail(e, "amount"))}}));
}

std::string renewed(const Context& c, const Event& e) {
    const Phrase p = flag_detail(e, "manual") ? Phrase::renewed_manual : Phrase::renewed_auto;
    return c.say(p, slots_of(c, e, {{"from", date_of(c, e, "term_from")}, {"last_day", day_before(c, e, "term_to")}}));
}

std::string reminder(const Context& c, const Event& e) {
    if (flag_detail(e, "auto_renew")) return c.say(Phrase::reminder_renews, slots_of(c, e, {{"date", date_of(c, e, "renews_on")}}));
    return c.say(Phrase::reminder_ends, slots_of(c, e, {{"last_day", day_before(c, e, "renews_on")}}));
}

// After a reactivation the subscription goes back to the state it had: trialing or active.
std::string reactivated(const Context& c, const Event& e) {
    bool trial = false;
    if (e.subscription && *e.subscription < c.index().spans_of.size())
        for (std::size_t i : c.index().spans_of[*e.subscription]) {
            const Span& s = c.result.spans[i];
            if ((!e.product || s.product == *e.product) && s.from <= e.date && e.date < s.to && s.state == State::trialing)
                trial = true;
        }
    Phrase p = trial ? Phrase::reactivated_trial : Phrase::reactivated_active;
    if (e.rule == Rule::reactivation_requires_cascade) p = Phrase::reactivated_cascade;
    return c.say(p, slots_of(c, e, {{"date", date_of(c, e, "withdrawn_effective")}}));
}

std::string expired(const Context& c, const Event& e) {
    if (e.rule == Rule::dunning_exhausted_expire) return c.say(Phrase::expired_nonpayment, slots_of(c, e));  // SPEC-v2 §4.3
    if (!date_detail(e, "renewable_until")) return c.say(Phrase::expired, slots_of(c, e));
    return c.say(Phrase::expired_grace, slots_of(c, e, {{"date", date_of(c, e, "renewable_until")}}));
}

std::string product_called(const Context& c, const std::string& id) {
    for (const Product& p : c.sc.catalog.products)
        if (p.id == id) return c.name(p.name);
    return c.name(id);
}

std::string bundle_called(const Context& c, const std::string& id) {
    for (const Bundle& b : c.sc.catalog.bundles)
        if (b.id == id) return c.name(b.name);
    return c.name(id);
}

std::string price_changed(const Context& c, const Event& e) {
    return c.say(Phrase::price_changed,
                 slots_of(c, e, {{"removed", product_called(c, text_detail(e, "removed"))},
                                 {"bundle", bundle_called(c, text_detail(e, "bundle"))},
                                 {"old", c.money(number_detail(e, "old_amount"))},
                                 {"new", c.money(number_detail(e, "new_amount"))}}));
}

std::string transfer_requested(const Context& c, const Event& e) {
    const Phrase p = flag_detail(e, "separate_entity") ? Phrase::transfer_separate : Phrase::transfer_same;
    return c.say(p, slots_of(c, e, {{"to", c.name(text_detail(e, "to"))}, {"date", date_of(c, e, "completes_on")}}));
}

std::string started(const Context& c, const Event& e) {
    if (e.rule == Rule::activation_required) return c.say(Phrase::started_activation_required, slots_of(c, e));
    if (auto free = started_with_free_stub(c, e)) return *free;  // SPEC-v2 §6.2
    return c.say(Phrase::started, slots_of(c, e, {{"anchor", date_of(c, e, "anchor")}}));
}

std::string activated(const Context& c, const Event& e) {
    const std::string number = text_detail(e, "number");
    const std::string from = c.date(e.date);
    if (number.empty() || (e.subscription && number == c.subscription_name(*e.subscription)))
        return c.say(Phrase::activated, slots_of(c, e, {{"date", from}}));
    return c.say(Phrase::activated_number, slots_of(c, e, {{"number", c.name(number)}, {"date", from}}));
}

// SPEC-v2 §4.8 Trials: a trial that converts with no payment method goes straight to dunning; its
// first attempt that day fails for no_payment_method.
bool converts_without_method(const Context& c, const Event& e) {
    for (const Event& other : c.result.events)
        if (other.type == EventType::payment_failed && other.date == e.date && other.subscription == e.subscription &&
            other.rule == Rule::payment_no_payment_method)
            return true;
    return false;
}

std::string trial_sentence(const Context& c, const Event& e) {
    switch (e.type) {
        case EventType::trial_started: return c.say(Phrase::trial_started, slots_of(c, e, {{"last_day", day_before(c, e, "ends")}}));
        case EventType::trial_ending: return c.say(Phrase::trial_ending, slots_of(c, e, {{"last_day", day_before(c, e, "ends")}}));
        case EventType::trial_converted:
            return c.say(converts_without_method(c, e) ? Phrase::trial_converted_no_method : Phrase::trial_converted, slots_of(c, e));
        default: return c.say(Phrase::trial_expired, slots_of(c, e));
    }
}

std::string sentence(const Context& c, const Event& e) {
    switch (e.type) {
        case EventType::subscription_started: return started(c, e);
        case EventType::trial_started:
        case EventType::trial_ending:
        case EventType::trial_converted:
        case EventType::trial_expired: return trial_sentence(c, e);
        case EventType::invoice: return invoice(c, e);
        case EventType::renewed: return renewed(c, e);
        case EventType::renewal_reminder: return reminder(c, e);
        case EventType::cancellation_requested: return cancellation_requested(c, e);
        case EventType::cancellation_scheduled: return cancellation_scheduled(c, e);
        case EventType::cancellation_effective: return cancellation_effective(c, e);
        case EventType::reactivated: return reactivated(c, e);
        case EventType::action_refused: return refused(c, e);
        case EventType::email:
            return c.say(Phrase::email_confirmation, slots_of(c, e, {{"access_until", date_of(c, e, "access_until")}}));
        case EventType::expired: return expired(c, e);
        case EventType::grace_ended: return c.say(Phrase::grace_ended, slots_of(c, e));
        case EventType::price_changed: return price_changed(c, e);
        case EventType::account_closed: return c.say(Phrase::account_closed, {{"date", date_of(c, e, "data_deleted_on")}});
        case EventType::data_deleted: return c.say(Phrase::data_deleted);
        case EventType::transfer_requested: return transfer_requested(c, e);
        case EventType::transfer_completed: return c.say(Phrase::transfer_completed, slots_of(c, e, {{"to", c.name(text_detail(e, "to"))}}));
        case EventType::activated: return activated(c, e);
        case EventType::plan_change_requested:
        case EventType::plan_change_scheduled:
        case EventType::plan_changed:
        case EventType::plan_change_withdrawn: return plan_change_sentence(c, e);
        case EventType::evergreen_started: return evergreen_started(c, e);
        case EventType::payment_failed:
        case EventType::payment_retry:
        case EventType::payment_succeeded:
        case EventType::dunning_exhausted: return payment_sentence(c, e);
        case EventType::compliance_window:
        case EventType::compliance_warning: return law_sentence(c, e);
        case EventType::pause_scheduled:
        case EventType::paused:
        case EventType::resumed:
        case EventType::pause_withdrawn: return pause_sentence(c, e);
    }
    return "";  // unreachable: every event type has its case above
}

// The event types whose sentence, in both languages, states its subject ("Invoice for {subject}",
// « Facture de {subject} »): the subscription's name, and the product's when the event has one.
bool states_its_subject(EventType type) {
    switch (type) {
        case EventType::subscription_started:
        case EventType::trial_started:
        case EventType::trial_ending:
        case EventType::trial_converted:
        case EventType::trial_expired:
        case EventType::invoice:
        case EventType::renewed:
        case EventType::renewal_reminder:
        case EventType::cancellation_requested:
        case EventType::cancellation_scheduled:
        case EventType::cancellation_effective:
        case EventType::reactivated:
        case EventType::expired:
        case EventType::evergreen_started:
        case EventType::payment_failed:
        case EventType::payment_retry:
        case EventType::payment_succeeded:
        case EventType::paused:
        case EventType::resumed: return true;
        default: return false;
    }
}

// What the sentences of all events hold at least, added up before one is built (issue 17: the
// bytes of an answer are checked before they are produced).
std::size_t events_bytes_at_least(const Scenario& scenario, const Result& result) {
    std::size_t bytes = 0;
    for (const Event& e : result.events) bytes += event_sentence_bytes_at_least(scenario, e);
    return bytes;
}

}  // namespace

std::string narrate_event(const Scenario& scenario, const Result& result, const Event& event, Language lang) {
    return sentence(narrate_detail::Context{scenario, result, lang}, event);
}

std::size_t event_sentence_bytes_at_least(const Scenario& scenario, const Event& event) {
    if (!event.subscription || !states_its_subject(event.type)) return 0;
    const std::size_t sub = subscription_name(scenario.subscriptions[*event.subscription]).size();
    return sub + (event.product ? scenario.catalog.products[*event.product].name.size() : 0);
}

// A list whose names alone pass max_bytes is refused before a sentence is built: the caller sees
// no sentence, fewer than events, as with a list stopped at the budget.
std::vector<std::string> narrate_events(const Scenario& scenario, const Result& result, Language lang, std::size_t max_bytes) {
    if (events_bytes_at_least(scenario, result) > max_bytes) return {};
    const narrate_detail::Context c{scenario, result, lang};
    std::vector<std::string> out;
    out.reserve(result.events.size());
    std::size_t bytes = 0;
    for (const Event& e : result.events) {
        out.push_back(sentence(c, e));
        bytes += out.back().size();
        if (bytes > max_bytes) break;
    }
    return out;
}

}  // namespace subsim
