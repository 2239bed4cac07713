// Cancellation sentences: the request, the scheduled date with its notice (met, missed and what
// that costs, never named for a plan without notice) and cascades, and the effective date.
#include "narrate/sentences.hpp"

#include <algorithm>

namespace subsim::narrate_detail {
namespace {

bool is_trial_or_immediate(Rule r) {
    return r == Rule::trial_cancel_at_trial_end || r == Rule::trial_cancel_immediate || r == Rule::cancellation_immediate ||
           r == Rule::law_fr_free_termination || r == Rule::law_eu_withdrawal ||  // law ends ignore notice (SPEC-v2 §7)
           r == Rule::pause_cancelled_while_paused;
}

// What a missed notice costs: `periods` more invoices, with their total when the result holds
// them (some may fall after the horizon; a third-party purchase has none).
std::string missed_clause(const Context& c, const Event& e, Slots slots) {
    const std::int64_t periods = number_detail(e, "periods_added");
    const std::optional<Date> earliest = date_detail(e, "earliest");
    const std::optional<Date> effective = date_detail(e, "effective");
    const Charge charge = e.subscription && earliest && effective
                              ? charged_between(c, *e.subscription, e.product, *earliest, *effective)
                              : Charge{};
    slots.push_back({"n", std::to_string(periods)});
    slots.push_back({"cost", c.money(charge.amount)});
    slots.push_back({"found", std::to_string(charge.invoices)});
    slots.push_back({"until", c.date(c.sc.until)});
    slots.push_back({"periods", periods == 1 ? c.say(Phrase::periods_one)
                                             : c.say(Phrase::periods_many, {{"n", std::to_string(periods)}})});
    Phrase p = Phrase::scheduled_notice_missed_later;
    if (charge.invoices > 0 && charge.invoices >= periods)
        p = periods == 1 ? Phrase::scheduled_notice_missed_one : Phrase::scheduled_notice_missed_many;
    else if (charge.invoices > 0) p = Phrase::scheduled_notice_missed_partial;
    return c.say(p, slots);
}

// " The 30-day notice is met: it was due by …", or what missing it costs; nothing without notice.
std::string notice_clause(const Context& c, const Event& e) {
    const std::string notice = text_detail(e, "notice");
    if (notice.empty() || notice == "P0D" || is_trial_or_immediate(e.rule)) return "";
    // An evergreen request in time: the why-clause gives the notice (SPEC-v2 §5.2).
    if (e.rule == Rule::cancellation_evergreen && !flag_detail(e, "deadline_missed")) return "";
    Slots slots = {{"notice", c.notice(notice)}, {"deadline", date_of(c, e, "notice_deadline")},
                   {"earliest", date_of(c, e, "earliest")}, {"effective", date_of(c, e, "effective")}};
    if (!flag_detail(e, "deadline_missed")) return c.say(Phrase::scheduled_notice_met, slots);
    return missed_clause(c, e, std::move(slots));
}

// Why the cancellation has this date beyond the notice: a cascade, a closure, a product removal.
std::string why_clause(const Context& c, const Event& e) {
    switch (e.rule) {
        case Rule::cancellation_requires_cascade: return c.say(Phrase::scheduled_requires);
        case Rule::cancellation_account_cascade: return c.say(Phrase::scheduled_account);
        case Rule::cancellation_end_of_next_period: return c.say(Phrase::scheduled_next_period);
        case Rule::account_close:
        case Rule::account_closing:
        case Rule::account_closure: return c.say(Phrase::scheduled_closure);
        case Rule::trial_cancel_at_trial_end: return c.say(Phrase::scheduled_trial_end);
        case Rule::pause_cancelled_while_paused: return c.say(Phrase::scheduled_while_paused);
        case Rule::cancellation_evergreen:
            return c.say(Phrase::scheduled_evergreen, {{"notice", c.notice(text_detail(e, "notice"))}});
        case Rule::law_fr_free_termination:
        case Rule::law_eu_withdrawal: return law_scheduled_clause(c, e);
        default: return "";
    }
}

}  // namespace

void for_each_line_between(const Context& c, std::size_t sub, std::optional<std::size_t> product, Date from, Date to,
                           const std::function<void(std::size_t, std::size_t)>& visit) {
    if (sub >= c.index().invoices_of.size()) return;
    const std::vector<std::size_t>& mine = c.index().invoices_of[sub];
    auto it = std::lower_bound(mine.begin(), mine.end(), from,
                               [&](std::size_t i, Date d) { return c.result.invoices[i].date < d; });
    for (; it != mine.end() && c.result.invoices[*it].date < to; ++it) {
        const InvoiceLines& lines = c.result.invoices[*it].lines;
        for (std::size_t l = 0; l < lines.size(); ++l)
            if (!product || lines[l].product == product) visit(*it, l);
    }
}

Charge charged_between(const Context& c, std::size_t sub, std::optional<std::size_t> product, Date from, Date to) {
    Charge charge;
    std::optional<std::size_t> last_invoice;
    for_each_line_between(c, sub, product, from, to, [&](std::size_t invoice, std::size_t line) {
        charge.amount += c.result.invoices[invoice].lines[line].amount.minor();
        if (last_invoice != invoice) ++charge.invoices;
        last_invoice = invoice;
    });
    return charge;
}

std::string cancellation_requested(const Context& c, const Event& e) {
    Phrase p = Phrase::cancel_requested;
    if (e.rule == Rule::cancellation_requires_cascade) p = Phrase::cancel_requested_requires;
    else if (e.rule == Rule::cancellation_account_cascade) p = Phrase::cancel_requested_account;
    else if (e.rule == Rule::account_close || e.rule == Rule::account_closing) p = Phrase::cancel_requested_closure;
    else if (e.rule == Rule::law_eu_withdrawal) p = Phrase::withdraw_requested;
    return c.say(p, event_slots(c, e));
}

std::string cancellation_scheduled(const Context& c, const Event& e) {
    const bool immediate = date_detail(e, "effective") == std::optional<Date>(e.date);
    const Phrase p = immediate ? Phrase::scheduled_immediate : Phrase::scheduled;
    std::string out = c.say(p, event_slots(c, e, {{"effective", date_of(c, e, "effective")},
                                                   {"access_until", date_of(c, e, "access_until")}}));
    return out + notice_clause(c, e) + why_clause(c, e);
}

std::string cancellation_effective(const Context& c, const Event& e) {
    Phrase p = Phrase::cancel_effective;
    if (e.rule == Rule::term_cancel_at_term_end) p = Phrase::ended_at_term_end;
    else if (e.rule == Rule::term_renew_once) p = Phrase::ended_after_renew_once;
    else if (e.rule == Rule::dunning_exhausted_cancel) p = Phrase::cancelled_nonpayment;  // SPEC-v2 §4.3
    return c.say(p, event_slots(c, e, {{"last_day", c.date(e.date.plus_days(-1))}}));
}

}  // namespace subsim::narrate_detail
