#include "engine/simulation.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "engine/start.hpp"

namespace subsim {

namespace {

std::vector<std::vector<Index>> dependents_of(const Catalog& catalog) {
    std::vector<std::vector<Index>> out(catalog.products.size());
    for (Index p = 0; p < catalog.products.size(); ++p)
        for (Index base : catalog.products[p].requires_products)
            if (out[base].empty() || out[base].back() != p) out[base].push_back(p);
    return out;
}

// Roughly how many events the run writes: per subscription, on each billing boundary of its
// lead plan an invoice, a renewal and its reminders; and a few per action. Only a capacity to
// reserve (bounded, so that a scenario ending early reserves little): a wrong guess costs a
// reallocation, never a different result. 10 years of 20 products: 2,028 for 1,827 events.
std::size_t events_estimate(const Scenario& s) {
    std::size_t total = 3 * s.actions.size();
    for (const Subscription& sub : s.subscriptions) {
        const Plan& lead = s.catalog.plans[sub.plans.front()];
        const long days = sub.start <= s.until ? sub.start.days_until(s.until) + 1 : 0;
        const long period_days = std::max(1L, s.start.days_until(lead.period.after(s.start)));
        total += static_cast<std::size_t>(days / period_days + 1) * (2 + lead.reminders.size());
    }
    return std::min<std::size_t>(total, 1 << 14);
}

}  // namespace

Simulation::Simulation(const Scenario& s) : scenario(s), dependents(dependents_of(s.catalog)) {
    // Plans mostly repeat one period, term and renewal term: the last length is kept, not computed again.
    std::optional<std::pair<Duration, long>> last;
    const auto days = [&](const Duration& d) {
        if (!last || last->first != d) last.emplace(d, s.start.days_until(d.after(s.start)));
        return last->second;
    };
    for (const Plan& p : s.catalog.plans)
        longest_line_days = std::max(longest_line_days, days(p.period) + days(p.term) + days(p.renewal_term));
    for (const Bundle& b : s.catalog.bundles) longest_line_days = std::max(longest_line_days, days(b.period));
    longest_line_days += 62;  // months and years of other lengths than at `start`
    account.payment_method = s.account.payment_method;
    result.events.reserve(events_estimate(s));
    result.line_pool = std::make_shared<LinePool>();  // the billed lines' storage (model/line_pool.hpp)
    subs.reserve(s.subscriptions.size());
    for (Index i = 0; i < s.subscriptions.size(); ++i) subs.push_back(prepare_run(s, i));
}

// Out of line and rare: the events' capacity comes from an estimate (events_estimate).
[[gnu::noinline]] void Simulation::grow_events() {
    result.events.reserve(std::max<std::size_t>(1, 2 * result.events.capacity()));
}

[[gnu::noinline]] void Simulation::grow_invoices() {
    result.invoices.reserve(std::max<std::size_t>(1, 2 * result.invoices.capacity()));
}

void Simulation::stop_at_limit() {
    if (!stopped())
        result.limit_exceeded = "the scenario produces more than " + std::to_string(max_output_records) +
                                " events, invoice lines and state changes; shorten the horizon (until) or lengthen the periods";
}

Event& Simulation::new_event(Date date, EventType type, MaybeIndex sub, MaybeIndex product,
                             Rule rule) {
    count_record();
    // A reminder changes nothing of the run: its subscription's dates stay (wakeup_state.hpp).
    if (type != EventType::renewal_reminder && type != EventType::trial_ending) touch(sub);
    std::vector<Event>& events = result.events;
    if (events.size() == events.capacity()) grow_events();
    // Room for one more (just made): the vector's own reallocation path, never taken, is left out
    // of this hot function (fewer registers saved on each of its calls).
    if (events.size() == events.capacity()) __builtin_unreachable();
    Event& e = events.emplace_back();
    e.date = date;
    e.type = type;
    // Emplaced (the event's are empty): a whole-optional copy would store more than the parts it sets.
    if (sub) e.subscription.emplace(*sub);
    if (product) e.product.emplace(*product);
    e.rule = rule;
    e.action = current_action;
    return e;
}

Event& Simulation::emit(Date date, EventType type, MaybeIndex sub, MaybeIndex product,
                        Rule rule, std::initializer_list<Detail> details) {
    Event& e = new_event(date, type, sub, product, rule);
    e.details.copy_new(details);  // copied once, into the event (new: nothing to clear)
    return e;
}

void Simulation::change_state(ProductLine& line, Date on, State state) {
    count_record();
    for (SubscriptionRun& run : subs) {  // the run that owns `line`: its lines hold it (one run does)
        const ProductLine* first = run.lines.data();
        if (std::less_equal<>{}(first, &line) && std::less<>{}(&line, first + run.lines.size())) {
            mark_touched(run.wakeup);
            break;
        }
    }
    set_state(line, on, state);
}

void Simulation::touch(MaybeIndex sub) {
    if (!sub || *sub >= subs.size()) return touch_all();
    mark_touched(subs[*sub].wakeup);
}

// Out of line: rare (account events), and its loop would weigh on every new_event that inlines touch.
[[gnu::noinline]] void Simulation::touch_all() {
    for (SubscriptionRun& run : subs) mark_touched(run.wakeup);
}

void Simulation::mark_touched(WakeupState& wakeup) {
    wakeup.touched = true;
    if (keeps_reminder_dates) return;
    wakeup.reminders_touched = true;
    wakeup.scheduled_touched = true;
    wakeup.billing_kept = false;
}

void Simulation::add_invoice(Date date, Index subscription, Money amount, InvoiceLines&& lines) {
    // No touch of its own: the invoice's event, emitted just before (invoicing.cpp), touched the subscription.
    count_records(lines.size());
    result.total_charged += amount;
    std::vector<Invoice>& invoices = result.invoices;
    if (invoices.size() == invoices.capacity()) grow_invoices();
    if (invoices.size() == invoices.capacity()) __builtin_unreachable();  // as in new_event
    Invoice& invoice = invoices.emplace_back();
    invoice.date = date;
    invoice.subscription = subscription;
    invoice.amount = amount;
    invoice.lines = std::move(lines);
}

}  // namespace subsim
