// The payments phase of a date (SPEC-v2 §0.5 step 3, §4.2, §4.3, §4.5): first attempts of the
// day's invoices and retries of older ones, oldest invoice first, each followed by its
// consequences: recovery, the next retry, or the end of dunning.
//
//   Retries ["P2D", "P4D"], invoice of 2025-01-15 declined: attempts on 01-15 (1), 01-17 (2) and
//   01-19 (3); the failure of attempt 3 is the last one, so `dunning_exhausted` (attempts 3) and
//   then `on_exhausted` on 01-19.
#include <algorithm>

#include "engine/bundle.hpp"
#include "engine/cancellation.hpp"
#include "engine/dunning.hpp"
#include "engine/invoicing.hpp"
#include "engine/plan_change.hpp"
#include "engine/simulation.hpp"

namespace subsim {
namespace {

// One attempt due today: the invoice (by date and subscription), first attempt or a retry.
struct Due {
    Date invoice;
    std::size_t sub;
    bool first;
};

bool ended(const SubscriptionRun& run) {
    const std::optional<State> s = derived_state(run);
    return s == State::cancelled || s == State::expired;
}

void leave_past_due(SubscriptionRun& run, Date day) {
    if (!run.dunning.past_due_since) return;
    if (*run.dunning.past_due_since < day) run.dunning.past_due.emplace_back(*run.dunning.past_due_since, day);
    run.dunning.past_due_since.reset();
}

// §4.3 "Dunning stops when the subscription ends": its open invoices become uncollectible.
void stop_dunning(Simulation& sim, SubscriptionRun& run, Date day) {
    for (const Collection& c : run.dunning.open)
        if (Invoice* inv = find_invoice(sim.result, run.index, c.invoice)) inv->status = InvoiceStatus::uncollectible;
    run.dunning.open.clear();
    leave_past_due(run, day);
}

// Before today's attempts: a transferred subscription leaves dunning with its invoices open
// (§4.5); an ended one settles them as uncollectible; an arm whose invoice was withdrawn waits
// for the next one (§4.1).
void before_attempts(Simulation& sim, SubscriptionRun& run, Date day) {
    if (run.transfer.done) {
        run.dunning.open.clear();
        leave_past_due(run, day);
    } else if (ended(run)) {
        stop_dunning(sim, run, day);
    }
    const Invoice* today = find_invoice(sim.result, run.index, day);
    for (Arm& arm : run.dunning.arms)
        if (arm.invoice == day && (!today || today->amount.minor() <= 0)) arm.invoice.reset();
}

std::vector<Due> attempts_due(Simulation& sim, Date day) {
    std::vector<Due> due;
    for (SubscriptionRun& run : sim.subs) {
        const std::vector<Duration> retries = dunning_settings(sim, run).retries;
        for (const Collection& c : run.dunning.open) {
            const std::size_t i = static_cast<std::size_t>(c.attempts) - 1;
            if (c.exhausted ? c.reattempt : i < retries.size() && retries[i].after(c.invoice) == day)
                due.push_back(Due{c.invoice, run.index, false});
        }
    }
    auto it = std::lower_bound(sim.result.invoices.begin(), sim.result.invoices.end(), day,
                               [](const Invoice& inv, Date d) { return inv.date < d; });
    for (; it != sim.result.invoices.end(); ++it)
        if (it->amount.minor() > 0 && !sim.subs[it->subscription].transfer.done)
            due.push_back(Due{day, it->subscription, true});
    std::stable_sort(due.begin(), due.end(), [](const Due& a, const Due& b) {
        return a.invoice < b.invoice || (a.invoice == b.invoice && a.sub < b.sub);
    });
    return due;
}

// Why the attempt on the invoice of `date` fails, if it does: no payment method when checking is
// on (it never reaches the card, so it uses no armed failure), else an armed failure (§4.2).
struct Failure {
    Rule rule;
    std::optional<std::size_t> action;  // the payment_fails behind a decline
};
std::optional<Failure> failure(Simulation& sim, SubscriptionRun& run, Date date) {
    if (checks_payment_method(sim, run) && !sim.account.payment_method) return Failure{Rule::payment_no_payment_method, {}};
    for (Arm& arm : run.dunning.arms) {
        if (arm.invoice != date || arm.failures_left == std::optional<std::int64_t>{0}) continue;
        if (arm.failures_left) --*arm.failures_left;
        return Failure{Rule::payment_declined, arm.action};
    }
    return std::nullopt;
}

// The first invoice dated on or after an arm's date takes it (one arm per invoice).
void place_arm(SubscriptionRun& run, Date date) {
    for (const Arm& arm : run.dunning.arms)
        if (arm.invoice == date) return;
    for (Arm& arm : run.dunning.arms)
        if (!arm.invoice && arm.from <= date) {
            arm.invoice = date;
            return;
        }
}

std::string reason_of(Rule r) { return r == Rule::payment_declined ? "declined" : "no_payment_method"; }

DetailValue date_or_null(std::optional<Date> d) { return d ? DetailValue{*d} : DetailValue{nullptr}; }


void first_attempt(Simulation& sim, SubscriptionRun& run, Date day) {
    Invoice* inv = find_invoice(sim.result, run.index, day);
    if (!inv || inv->amount.minor() <= 0) return;
    run.dunning.first_attempt_on = day;
    place_arm(run, day);
    const std::optional<Failure> why = failure(sim, run, day);
    if (!why) return;
    const Dunning settings = dunning_settings(sim, run);
    const bool over = ended(run);
    std::optional<Date> next;
    if (!over && !settings.retries.empty()) next = settings.retries.front().after(day);
    inv->status = over ? InvoiceStatus::uncollectible : InvoiceStatus::open;
    sim.current_action = why->action;
    sim.emit(day, EventType::payment_failed, run.index, std::nullopt, why->rule,
             {{"invoice_date", day}, {"amount", inv->amount.minor()}, {"attempt", std::int64_t{1}},
              {"reason", reason_of(why->rule)}, {"next_retry", date_or_null(next)},
              {"access", settings.access_during_dunning}});
    if (!over) {
        if (!run.dunning.past_due_since) run.dunning.past_due_since = day;
        run.dunning.open.push_back(Collection{day, 1, false, false, std::nullopt});
        if (!next) exhaust(sim, run, run.dunning.open.back(), *inv, day);
    }
    sim.current_action.reset();
}

void recovered(Simulation& sim, SubscriptionRun& run, std::size_t at, Invoice& inv, Date day) {
    const Collection c = run.dunning.open[at];
    sim.current_action = c.updated_by;
    sim.emit(day, EventType::payment_retry, run.index, std::nullopt, Rule::payment_retry_succeeded,
             {{"invoice_date", c.invoice}, {"amount", inv.amount.minor()}, {"attempt", std::int64_t{c.attempts}},
              {"succeeded", true}, {"reason", nullptr}, {"next_retry", nullptr}});
    sim.emit(day, EventType::payment_succeeded, run.index, std::nullopt, Rule::payment_recovered,
             {{"invoice_date", c.invoice}, {"amount", inv.amount.minor()}, {"attempt", std::int64_t{c.attempts}},
              {"recovered_by", std::string(c.updated_by ? "payment_method_update" : "retry")}});
    sim.current_action.reset();
    inv.status = InvoiceStatus::paid;
    inv.paid_on = day;
    run.dunning.open.erase(run.dunning.open.begin() + static_cast<std::ptrdiff_t>(at));
    if (run.dunning.open.empty()) leave_past_due(run, day);
}

void retry(Simulation& sim, SubscriptionRun& run, Date invoice_date, Date day) {
    auto& open = run.dunning.open;
    const auto found = std::find_if(open.begin(), open.end(), [&](const Collection& c) { return c.invoice == invoice_date; });
    Invoice* inv = find_invoice(sim.result, run.index, invoice_date);
    if (found == open.end() || !inv) return;
    const std::size_t at = static_cast<std::size_t>(found - open.begin());
    Collection& c = *found;
    ++c.attempts;
    const std::optional<Failure> why = failure(sim, run, invoice_date);
    if (!why) return recovered(sim, run, at, *inv, day);
    const std::vector<Duration> retries = dunning_settings(sim, run).retries;
    const std::size_t i = static_cast<std::size_t>(c.attempts) - 1;
    std::optional<Date> next;
    if (!c.exhausted && i < retries.size()) next = retries[i].after(invoice_date);
    sim.current_action = why->action;
    sim.emit(day, EventType::payment_retry, run.index, std::nullopt, why->rule,
             {{"invoice_date", invoice_date}, {"amount", inv->amount.minor()}, {"attempt", std::int64_t{c.attempts}},
              {"succeeded", false}, {"reason", reason_of(why->rule)}, {"next_retry", date_or_null(next)}});
    c.updated_by.reset();
    c.reattempt = false;
    if (!next && !c.exhausted) exhaust(sim, run, c, *inv, day);
    sim.current_action.reset();
}

// Out of line: collect_payments is asked on every visited day, and a format 1 scenario (no
// payment failures) needs none of the set-up of this part.
[[gnu::noinline]] void collect_payments_v2(Simulation& sim, Date day) {
    for (SubscriptionRun& run : sim.subs) before_attempts(sim, run, day);
    for (const Due& due : attempts_due(sim, day)) {
        SubscriptionRun& run = sim.subs[due.sub];
        if (due.first) first_attempt(sim, run, day);
        else retry(sim, run, due.invoice, day);
    }
}

}  // namespace

void collect_payments(Simulation& sim, Date day) {
    if (sim.scenario.version >= 2) collect_payments_v2(sim, day);
}

}  // namespace subsim
