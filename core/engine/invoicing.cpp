#include "engine/invoicing.hpp"

#include <algorithm>
#include <utility>

#include "engine/bundle.hpp"
#include "engine/earliest.hpp"
#include "engine/renewal.hpp"
#include "engine/simulation.hpp"
#include "engine/term_end.hpp"

namespace subsim {
namespace {

// A cursor left behind `day` (the line was not billed on its boundaries: paused, trialing...)
// moves to the first boundary on or after `day`. Out of line: billing days find it on `day`.
[[gnu::noinline]] void catch_up(const BillingCalendar& calendar, BoundaryCursor& next, Date day) {
    next.move_to(calendar, calendar.first_boundary_after(day.plus_days(-1)));
}

// Moves the cursor to the first boundary on or after `day`; true when that boundary is `day`.
bool boundary_today(const BillingCalendar& calendar, BoundaryCursor& next, Date day) {
    if (next.date(calendar) < day) catch_up(calendar, next, day);
    return next.date(calendar) == day;
}

// The sum of `lines`' amounts.
Money sum_of(const InvoiceLines& lines) {
    Money amount;
    for (const InvoiceLine& l : lines) amount += l.amount;
    return amount;
}

// A subscription bought from a third party (activation_required) was paid to that party: this
// account never invoices it, first period, renewals and manual renewals alike (SPEC §2.3).
// `amount` is the sum of the lines' amounts.
void issue(Simulation& sim, SubscriptionRun& run, Date day, InvoiceLines&& lines, Money amount, Rule rule) {
    if (lines.empty() || run.sub->activation_required) return;
    sim.emit(day, EventType::invoice, run.index, std::nullopt, rule, Pair{"amount", amount.minor()});
    sim.add_invoice(day, run.index, amount, std::move(lines));
}

}  // namespace

__extension__ typedef __int128 Wide;  // exact products of amounts and day counts

std::int64_t share(std::int64_t amount, long part_days, long whole_days) {
    if (whole_days <= 0) return 0;
    const bool negative = amount < 0;
    const Wide magnitude = negative ? -static_cast<Wide>(amount) : static_cast<Wide>(amount);
    const Wide q = (2 * magnitude * part_days + whole_days) / (2 * static_cast<Wide>(whole_days));
    return static_cast<std::int64_t>(negative ? -q : q);
}

Index plan_index(const Simulation& sim, const Plan& plan) {
    return static_cast<Index>(&plan - sim.scenario.catalog.plans.data());
}

namespace {

// The subscription's invoice of `day`, when the day has one already (invoices are in date order).
Invoice* invoice_of_day(Simulation& sim, const SubscriptionRun& run, Date day) {
    auto& invoices = sim.result.invoices;
    auto found = invoices.rbegin();
    while (found != invoices.rend() && found->date == day && found->subscription != run.index) ++found;
    return found == invoices.rend() || found->date != day ? nullptr : &*found;
}

// `lines` (their amounts sum to `added`) into the day's single invoice, or into a new one named
// after `first_rule`: then the vector itself becomes the invoice's, never copied.
void add_plain_lines(Simulation& sim, SubscriptionRun& run, Date day, InvoiceLines&& lines, Money added,
                     Rule first_rule) {
    if (lines.empty() || run.sub->activation_required) return;
    Invoice* found = invoice_of_day(sim, run, day);
    if (!found) return issue(sim, run, day, std::move(lines), added, first_rule);
    sim.count_records(lines.size());
    for (InvoiceLine& l : lines) found->lines.push_back(std::move(l));
    found->amount += added;
    sim.result.total_charged += added;
    for (auto it = sim.result.events.rbegin(); it != sim.result.events.rend() && it->date == day; ++it)
        if (it->type == EventType::invoice && it->subscription == run.index) {
            it->details = {{"amount", found->amount.minor()}};
            break;
        }
}

}  // namespace

void add_lines(Simulation& sim, SubscriptionRun& run, Date day, std::vector<RuledLine> lines) {
    if (lines.empty()) return;
    InvoiceLines plain;
    plain.reserve(lines.size());
    for (RuledLine& l : lines) plain.push_back(std::move(l.line));
    const Money amount = sum_of(plain);
    add_plain_lines(sim, run, day, std::move(plain), amount, lines.front().rule);
}

std::vector<PaidLine> paid_lines_after(const Simulation& sim, const SubscriptionRun& run, Index product, Date day) {
    std::vector<PaidLine> out;
    const Date oldest = day.plus_days(-sim.longest_line_days);
    const auto& invoices = sim.result.invoices;
    std::size_t first = invoices.size();  // invoices are in date order: scan back only as far as a line can reach
    while (first > 0 && !(invoices[first - 1].date < oldest)) --first;
    for (std::size_t i = first; i < invoices.size(); ++i) {
        // Only paid lines count (SPEC-v2 §0.2 "Paid line", §4.8 Refunds): not an invoice in dunning.
        if (invoices[i].subscription != run.index || invoices[i].status != InvoiceStatus::paid) continue;
        for (std::size_t j = 0; j < invoices[i].lines.size(); ++j) {
            const InvoiceLine& l = invoices[i].lines[j];
            if (l.product == product && !l.superseded && l.to > day &&
                (l.kind == LineKind::period || l.kind == LineKind::proration_charge))
                out.push_back(PaidLine{l, invoices[i].date, i, j});
        }
    }
    return out;
}

void supersede(Simulation& sim, const std::vector<PaidLine>& lines) {
    for (const PaidLine& p : lines) sim.result.invoices[p.invoice].lines[p.index].superseded = true;
}

namespace {

// The lines of one billing day, collected before they go into the day's invoice: the rule of the
// first names the invoice. The vector is allocated once, at the first line, for all the lines,
// and each line is written in place (no line is built aside and copied in).
struct DueLines {
    std::size_t capacity;  // at most one line per product, and the bundle's
    Rule first_rule;
    InvoiceLines lines;  // in the result's LinePool: they become an invoice's
    Money amount;  // the sum of the lines' amounts

    // A new line [from, to) of `amount` for `product` (on `plan`) or `bundle`, its other fields at
    // their defaults.
    InvoiceLine& add(Rule rule, Date from, Date to, Money line_amount, MaybeIndex product, MaybeIndex bundle,
                     MaybeIndex plan) {
        if (lines.empty()) {
            lines.reserve(capacity);
            first_rule = rule;
        }
        amount += line_amount;
#if defined(__cpp_aggregate_paren_init)
        // Every field written once, in place: no zero-fill of a value-initialised line first.
        return lines.emplace_back(product.optional(), bundle.optional(), from, to, line_amount, plan.optional());
#else
        // Without C++20's parenthesized aggregate initialisation (clang 14, the wasm build).
        InvoiceLine& line = lines.emplace_back();
        line.product = product.optional();
        line.bundle = bundle.optional();
        line.from = from;
        line.to = to;
        line.amount = line_amount;
        line.plan = plan.optional();
        return line;
#endif
    }
};

// The bundle's line when its boundary falls on `day` (the cursor moves on either way). Its next
// boundary is the products' too when they share the calendar: `shared` keeps it for them.
void bill_bundle_if_due(Simulation& sim, SubscriptionRun& run, Date day, bool prepaid, Rule rule, DueLines& due,
                        SharedBoundary& shared) {
    if (!run.bundle.priced || !run.bundle.calendar || !boundary_today(*run.bundle.calendar, run.bundle.billing, day)) return;
    run.bundle.billing.move_to(*run.bundle.calendar, run.bundle.billing.index() + 1, shared);
    run.bundle.wake.take(run.bundle.billing);  // the lookahead's cursor moves along (see bill_due_lines)
    if (prepaid || !any_member_billable(run)) return;
    const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
    const Date next = run.bundle.billing.date(*run.bundle.calendar);
    if (const Date end = bundle_line_end(sim, run, day, next); end < next)  // SPEC-v2 §5.3, the suite's line
        due.add(Rule::billing_partial_last_period, day, end,
                Money{share(bundle.price.minor(), day.days_until(end), day.days_until(next))}, std::nullopt,
                *run.sub->bundle, std::nullopt);
    else
        due.add(rule, day, next, bundle.price, std::nullopt, *run.sub->bundle, std::nullopt);
}

// The period line of `line` from `day` to its next boundary `next`, or to its cancellation's
// date when that cuts the period (SPEC-v2 §5.3).
void bill_period(const Simulation& sim, const ProductLine& line, Date day, Date next, bool v2, Rule rule, DueLines& due) {
    const Index plan = plan_index(sim, *line.plan);
    if (v2 && line.pending)
        if (const Date end = period_line_end(sim, line, day, next); end < next) {
            due.add(Rule::billing_partial_last_period, day, end,
                    Money{share(line.plan->price.minor(), day.days_until(end), day.days_until(next))}, line.product,
                    std::nullopt, plan)
                .nominal_from = day;
            return;
        }
    due.add(rule, day, next, line.plan->price, line.product, std::nullopt, plan);
}

}  // namespace

void bill_due_lines(Simulation& sim, SubscriptionRun& run, Date day, Rule rule) {
    const bool prepaid = prepaid_on(run, day);  // the same for every line of the day
    const bool v2 = sim.scenario.version >= 2;
    DueLines due{run.lines.size() + 1, rule, InvoiceLines(LineAllocator<InvoiceLine>(sim.result.line_pool.get())), {}};
    SharedBoundary next_boundaries{run.lead_calendar};
    // The earliest billing boundary after `day` (the lookahead's consider_billing, wakeup.cpp),
    // found while the boundaries move: kept in WakeupState::next_billing. Incomplete when a line
    // lives unbilled (trialing, awaiting activation): its boundary is left to the lookahead.
    Earliest next{day};
    bool complete = true;
    next.consider(run.lead_calendar.boundary(run.renewal.term_end));
    bill_bundle_if_due(sim, run, day, prepaid, rule, due, next_boundaries);
    if (run.bundle.calendar) next.consider(run.bundle.wake.after(*run.bundle.calendar, day));
    const bool bundled = run.bundle.priced;  // its members are billed through it (billed_bundle_members)
    for (ProductLine& line : run.lines) {
        if (line.state != State::active && line.state != State::pending_cancellation) {
            complete = complete && !line.live();
            continue;
        }
        // Not due: the cursor holds the first boundary after `day` (boundary_today moved it there).
        if (!boundary_today(line.calendar, line.billing, day)) {
            next.consider(line.billing.date(line.calendar));
            continue;
        }
        line.billing.move_to(line.calendar, line.billing.index() + 1, next_boundaries);
        // The billing cursor now holds the first boundary after `day`: what the lookahead's cursor
        // (wakeup.hpp) would walk to from its place (never past it) when it next looks after `day`
        // or later. It takes it, and the walk is not done a second time.
        line.wake.take(line.billing);
        const Date following = line.billing.date(line.calendar);
        next.consider(following);
        if (prepaid || (bundled && line.bundle_member)) continue;
        bill_period(sim, line, day, following, v2, rule, due);
    }
    // Into the day's single invoice: a scheduled plan change may have opened it (SPEC-v2 §0.3).
    add_plain_lines(sim, run, day, std::move(due.lines), due.amount, due.first_rule);
    // After the invoice's own touch, which keeps it (renewal.cpp).
    const std::optional<Date> next_billing = next.found();
    if (next_billing) run.wakeup.next_billing = *next_billing;
    run.wakeup.billing_kept = complete && next_billing;
}

void bill_prepaid_term(Simulation& sim, SubscriptionRun& run, Date day, Date from, Date to) {
    InvoiceLines lines;
    auto periods_in = [&](const BillingCalendar& cal) {
        long count = 0;
        for (long k = cal.first_boundary_after(from.plus_days(-1)); cal.boundary(k) < to; ++k) ++count;
        return count;
    };
    if (run.bundle.priced && run.bundle.calendar) {
        const Bundle& bundle = sim.scenario.catalog.bundles[*run.sub->bundle];
        lines.push_back(InvoiceLine{std::nullopt, *run.sub->bundle, from, to, bundle.price * periods_in(*run.bundle.calendar)});
    }
    for (ProductLine& line : run.lines) {
        if (line.state == State::cancelled || billed_through_bundle(sim, run, line.product)) continue;
        const long periods = periods_in(line.calendar);
        lines.push_back(InvoiceLine{line.product, std::nullopt, from, to, line.plan->price * periods,
                                    plan_index(sim, *line.plan), LineKind::period, from, periods});
    }
    if (sim.scenario.version < 2) {
        const Money amount = sum_of(lines);
        return issue(sim, run, day, std::move(lines), amount, Rule::renewal_manual);
    }
    // Format 2: one invoice per subscription per date, even when the term is renewed by hand on a
    // billing date (SPEC-v2 §0.3); version 1 keeps its second invoice of the day, byte for byte.
    std::vector<RuledLine> ruled;
    for (InvoiceLine& l : lines) ruled.push_back({std::move(l), Rule::renewal_manual});
    add_lines(sim, run, day, std::move(ruled));
}

void withdraw_lines_billed_on(Simulation& sim, SubscriptionRun& run, Date day, const std::vector<Index>& cancelled) {
    auto& invoices = sim.result.invoices;
    auto found = invoices.rbegin();
    while (found != invoices.rend() && found->date == day && found->subscription != run.index) ++found;
    if (found == invoices.rend() || found->date != day) return;
    Invoice& invoice = *found;
    const auto gone = [&](const InvoiceLine& line) {
        if (line.product) return std::find(cancelled.begin(), cancelled.end(), *line.product) != cancelled.end();
        return !any_member_billable(run);  // a bundle line goes only with its last member
    };
    Money withdrawn;
    for (const InvoiceLine& line : invoice.lines)
        if (gone(line)) withdrawn += line.amount;
    if (withdrawn == Money{} && std::none_of(invoice.lines.begin(), invoice.lines.end(), gone)) return;
    invoice.lines.erase(std::remove_if(invoice.lines.begin(), invoice.lines.end(), gone), invoice.lines.end());
    invoice.amount = Money{invoice.amount.minor() - withdrawn.minor()};
    sim.result.total_charged = Money{sim.result.total_charged.minor() - withdrawn.minor()};
    auto& events = sim.result.events;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->date != day) break;
        if (it->type != EventType::invoice || it->subscription != run.index) continue;
        if (invoice.lines.empty()) events.erase(std::next(it).base());
        else it->details = {{"amount", invoice.amount.minor()}};
        break;
    }
    if (invoice.lines.empty()) invoices.erase(std::next(found).base());
}

}  // namespace subsim
