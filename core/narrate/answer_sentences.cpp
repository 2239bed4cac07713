// What-if answers (SPEC §4.1): for each scenario action, one sentence from the events that action
// produced (Event::action) — what it gives and what it still costs — or the refusal and what to do.
#include <set>
#include <utility>
#include <vector>

#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim {
namespace {

using namespace narrate_detail;

struct Asked {
    const Context& c;
    const Action& action;
    std::vector<const Event*> events;  // those the action produced, in result order

    const Event* first(EventType type) const {
        for (const Event* e : events)
            if (e->type == type) return e;
        return nullptr;
    }
    Slots slots(const Event* e, Slots extra) const {
        const std::optional<std::size_t> product =
            e ? e->product : (action.products.empty() ? std::nullopt : std::optional<std::size_t>(action.products[0]));
        Slots s = c.subject_slots(e ? e->subscription : action.subscription, product);
        s.push_back({"who", c.who(action.by)});
        s.push_back({"date", c.date(action.on)});
        for (auto& slot : extra) s.push_back(std::move(slot));
        return s;
    }
};

// Invoice lines of every product this action cancels (cascades included), billed after the
// request and before each one's effective date; a line is counted once.
std::int64_t still_charged(const Asked& a) {
    std::set<std::pair<std::size_t, std::size_t>> counted;
    std::int64_t total = 0;
    for (const Event* e : a.events) {
        const std::optional<Date> effective = date_detail(*e, "effective");
        if (e->type != EventType::cancellation_scheduled || !e->subscription || !effective) continue;
        for (std::size_t i = 0; i < a.c.result.invoices.size(); ++i) {
            const Invoice& inv = a.c.result.invoices[i];
            if (inv.subscription != *e->subscription || !(a.action.on < inv.date) || !(inv.date < *effective)) continue;
            for (std::size_t l = 0; l < inv.lines.size(); ++l) {
                const InvoiceLine& line = inv.lines[l];
                if (line_covers(a.c, line, e->product) && counted.insert({i, l}).second) total += line.amount.minor();
            }
        }
    }
    return total;
}

std::string cancel_answer(const Asked& a, const Event& scheduled) {
    const Context& c = a.c;
    const std::optional<Date> effective = date_detail(scheduled, "effective");
    const std::string notice = text_detail(scheduled, "notice");
    Phrase p = Phrase::answer_cancel;
    if (effective == std::optional<Date>(a.action.on)) p = Phrase::answer_cancel_now;
    else if (flag_detail(scheduled, "deadline_missed") && !notice.empty() && notice != "P0D") p = Phrase::answer_cancel_late;
    const std::optional<Date> until = date_detail(scheduled, "access_until");
    const std::optional<Date> deadline = date_detail(scheduled, "notice_deadline");
    return c.say(p, a.slots(&scheduled, {{"access_until", until ? c.date(*until) : ""},
                                         {"amount", c.money(still_charged(a))},
                                         {"notice", notice.empty() ? "" : c.notice(notice)},
                                         {"deadline", deadline ? c.date(*deadline) : ""}}));
}

std::string close_answer(const Asked& a) {
    std::optional<Date> latest;
    for (const Event* e : a.events)
        if (const std::optional<Date> u = date_detail(*e, "access_until"); u && e->type == EventType::cancellation_scheduled)
            if (!latest || *latest < *u) latest = u;
    if (!latest) return a.c.say(Phrase::answer_nothing, a.slots(nullptr, {}));
    return a.c.say(Phrase::answer_close_account,
                   a.slots(nullptr, {{"access_until", a.c.date(*latest)}, {"amount", a.c.money(still_charged(a))}}));
}

std::string renew_answer(const Asked& a, const Event& renewed) {
    std::int64_t invoiced = 0;
    for (const Event* e : a.events)
        if (e->type == EventType::invoice) invoiced += number_detail(*e, "amount");
    const std::optional<Date> to = date_detail(renewed, "term_to");
    return a.c.say(Phrase::answer_renew, a.slots(&renewed, {{"last_day", to ? a.c.date(to->plus_days(-1)) : ""},
                                                            {"amount", a.c.money(invoiced)}}));
}

std::string accepted_answer(const Asked& a) {
    const Context& c = a.c;
    const std::string_view kind = to_string(a.action.kind);
    if (kind == "close_account") return close_answer(a);
    if (kind == "add_payment_method") return c.say(Phrase::answer_add_payment_method, a.slots(nullptr, {}));
    if (const Event* e = a.first(EventType::cancellation_scheduled); e && kind == "cancel") return cancel_answer(a, *e);
    if (const Event* e = a.first(EventType::reactivated))
        return c.say(Phrase::answer_reactivate, a.slots(e, {{"effective", c.date(date_detail(*e, "withdrawn_effective").value_or(a.action.on))}}));
    if (const Event* e = a.first(EventType::renewed)) return renew_answer(a, *e);
    if (const Event* e = a.first(EventType::transfer_requested))
        return c.say(Phrase::answer_transfer, a.slots(e, {{"to", text_detail(*e, "to")},
                                                          {"effective", c.date(date_detail(*e, "completes_on").value_or(a.action.on))}}));
    if (kind == "activate" && !a.events.empty()) return c.say(Phrase::answer_activate, a.slots(a.events.front(), {}));
    return c.say(Phrase::answer_nothing, a.slots(nullptr, {}));
}

}  // namespace

std::string narrate_answer(const Scenario& scenario, const Result& result, std::size_t action, Language lang) {
    const Context c{scenario, result, lang};
    if (action >= scenario.actions.size()) return "";
    Asked a{c, scenario.actions[action], {}};
    for (const Event& e : result.events)
        if (e.action == action) a.events.push_back(&e);
    if (const Event* refusal = a.first(EventType::action_refused))
        return c.say(Phrase::answer_refused,
                     a.slots(refusal, {{"action", action_words(c, text_detail(*refusal, "action"), *refusal)},
                                       {"reason", refusal_reason(c, *refusal)}}));
    return accepted_answer(a);
}

}  // namespace subsim
