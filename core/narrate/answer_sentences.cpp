// What-if answers (SPEC §4.1): for each scenario action, one sentence from the events that action
// produced (Event::action) — what it gives and what it still costs — or the refusal and what to do.
#include <algorithm>
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
    // Who acted: as the events name them (an action without "by" is the owner's), else as written.
    std::optional<std::string> actor() const {
        for (const Event* e : events)
            if (const std::optional<std::string> by = by_detail(*e)) return by;
        return action.by;
    }
    Slots slots(const Event* e, Slots extra) const {
        const std::optional<std::size_t> product =
            e ? e->product : (action.products.empty() ? std::nullopt : std::optional<std::size_t>(action.products[0]));
        Slots s = c.subject_slots(e ? e->subscription : action.subscription, product);
        s.push_back({"who", c.who(actor())});
        s.push_back({"date", c.sc.today == std::optional<Date>(action.on) ? c.say(Phrase::date_today, {{"date", c.date(action.on)}})
                                                                           : c.date(action.on)});
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
        for_each_line_between(a.c, *e->subscription, e->product, a.action.on.plus_days(1), *effective,
                              [&](std::size_t invoice, std::size_t line) {
                                  if (counted.insert({invoice, line}).second)
                                      total += a.c.result.invoices[invoice].lines[line].amount.minor();
                              });
    }
    return total;
}

// "still charged €49.00", or "nothing more is charged" when the request costs nothing more.
std::string charge(const Context& c, std::int64_t amount) {
    if (amount == 0) return c.say(Phrase::nothing_more_charged);
    return c.say(Phrase::still_charged, {{"amount", c.money(amount)}});
}

// A cancellation the evergreen rules dated: the answer gives the exit date the evergreen notice allows.
bool evergreen_request(const Asked& a) {
    for (const Event* e : a.events)
        if (e->rule == Rule::cancellation_evergreen) return true;
    return false;
}

std::string cancel_answer(const Asked& a, const Event& scheduled) {
    const Context& c = a.c;
    const std::optional<Date> effective = date_detail(scheduled, "effective");
    const std::string notice = text_detail(scheduled, "notice");
    Phrase p = Phrase::answer_cancel;
    if (effective == std::optional<Date>(a.action.on)) p = Phrase::answer_cancel_now;
    else if (evergreen_request(a)) p = Phrase::answer_cancel_evergreen;  // SPEC-v2 §5.5 What-if
    else if (flag_detail(scheduled, "deadline_missed") && !notice.empty() && notice != "P0D") p = Phrase::answer_cancel_late;
    Slots today;  // "if you cancel today" (SPEC-v2 §8.3 What-if): the sentence says "today" and the date
    if (p == Phrase::answer_cancel && c.sc.today == std::optional<Date>(a.action.on)) {
        p = Phrase::answer_cancel_today;
        today.push_back({"date", c.date(a.action.on)});
    }
    Slots s = a.slots(&scheduled, {{"access_until", date_of(c, scheduled, "access_until")},
                                   {"effective", date_of(c, scheduled, "effective")},
                                   {"charge", charge(c, still_charged(a))},
                                   {"notice", notice.empty() ? "" : c.notice(notice)},
                                   {"deadline", date_of(c, scheduled, "notice_deadline")}});
    s.insert(s.begin(), today.begin(), today.end());  // the first slot of a name wins
    return c.say(p, s);
}

std::string close_answer(const Asked& a) {
    std::optional<Date> latest;
    for (const Event* e : a.events)
        if (const std::optional<Date> u = date_detail(*e, "access_until"); u && e->type == EventType::cancellation_scheduled)
            if (!latest || *latest < *u) latest = u;
    if (!latest) return a.c.say(Phrase::answer_nothing, a.slots(nullptr, {}));
    return a.c.say(Phrase::answer_close_account,
                   a.slots(nullptr, {{"access_until", a.c.date(*latest)}, {"charge", charge(a.c, still_charged(a))}}));
}

std::string renew_answer(const Asked& a, const Event& renewed) {
    std::int64_t invoiced = 0;
    for (const Event* e : a.events)
        if (e->type == EventType::invoice) invoiced += number_detail(*e, "amount");
    const std::optional<Date> to = date_detail(renewed, "term_to");
    return a.c.say(Phrase::answer_renew, a.slots(&renewed, {{"last_day", to ? a.c.date(to->plus_days(-1)) : ""},
                                                            {"amount", a.c.money(invoiced)}}));
}

// A change: at once with what it credits and charges that day, or later with nothing before.
std::string change_answer(const Asked& a, const Event& scheduled) {
    const Context& c = a.c;
    const std::optional<Date> effective = date_detail(scheduled, "effective");
    const Event* changed = a.first(EventType::plan_changed);
    const Slots extra = {{"to", changed ? c.name(text_detail(*changed, "to")) : std::string()},
                         {"effective", effective ? c.date(*effective) : std::string()}};
    if (!changed) {
        Slots s = extra;
        if (const Event* req = a.first(EventType::plan_change_requested)) s[0].second = c.name(text_detail(*req, "to"));
        return c.say(Phrase::answer_change_plan_later, a.slots(&scheduled, s));
    }
    const Event* bill = a.first(EventType::invoice);
    Slots s = extra;
    s.push_back({"money", bill ? c.say(Phrase::money_invoiced, {{"amount", c.money(number_detail(*bill, "amount"))},
                                                                 {"lines", itemized_lines(c, *bill)}})
                               : c.say(Phrase::nothing_more_charged)});
    return c.say(Phrase::answer_change_plan, a.slots(&scheduled, s));
}

std::string accepted_answer(const Asked& a) {
    const Context& c = a.c;
    const std::string_view kind = to_string(a.action.kind);
    if (kind == "close_account") return close_answer(a);
    if (kind == "add_payment_method") return c.say(Phrase::answer_add_payment_method, a.slots(nullptr, {}));
    if (auto paid = payment_answer(c, a.action, a.events, a.slots(nullptr, {}))) return *paid;  // SPEC-v2 §4.8
    if (auto law = law_answer(c, a.events, a.slots(a.first(EventType::cancellation_scheduled), {}))) return *law;  // SPEC-v2 §7.8
    if (const Event* e = a.first(EventType::plan_change_scheduled)) return change_answer(a, *e);
    if (const Event* e = a.first(EventType::pause_scheduled)) return pause_answer(c, *e, a.first(EventType::invoice), a.slots(e, {}));
    if (kind == "resume" && !a.events.empty())
        return resume_answer(c, a.first(EventType::pause_withdrawn), a.first(EventType::invoice), a.slots(a.events.front(), {}));
    if (const Event* e = a.first(EventType::cancellation_scheduled); e && kind == "cancel") return cancel_answer(a, *e);
    if (const Event* e = a.first(EventType::reactivated))
        return c.say(Phrase::answer_reactivate, a.slots(e, {{"effective", c.date(date_detail(*e, "withdrawn_effective").value_or(a.action.on))}}));
    if (const Event* e = a.first(EventType::renewed)) return renew_answer(a, *e);
    if (const Event* e = a.first(EventType::transfer_requested))
        return c.say(Phrase::answer_transfer, a.slots(e, {{"to", c.name(text_detail(*e, "to"))},
                                                          {"effective", c.date(date_detail(*e, "completes_on").value_or(a.action.on))}}));
    if (kind == "activate" && !a.events.empty()) return c.say(Phrase::answer_activate, a.slots(a.events.front(), {}));
    return c.say(Phrase::answer_nothing, a.slots(nullptr, {}));
}

std::string answer(const Context& c, const Action& action, std::vector<const Event*> events) {
    Asked a{c, action, std::move(events)};
    if (const Event* refusal = a.first(EventType::action_refused))
        return c.say(Phrase::answer_refused,
                     a.slots(refusal, {{"action", action_words(c, text_detail(*refusal, "action"), *refusal)},
                                       {"reason", refusal_reason(c, *refusal)}}));
    return accepted_answer(a);
}

}  // namespace

std::string narrate_answer(const Scenario& scenario, const Result& result, std::size_t action, Language lang) {
    if (action >= scenario.actions.size()) return "";
    std::vector<const Event*> events;
    for (const Event& e : result.events)
        if (e.action == action) events.push_back(&e);
    return answer(Context{scenario, result, lang}, scenario.actions[action], std::move(events));
}

std::vector<std::string> narrate_answers(const Scenario& scenario, const Result& result, Language lang, std::size_t max_bytes) {
    std::vector<std::vector<const Event*>> by_action(scenario.actions.size());
    for (const Event& e : result.events)
        if (e.action && *e.action < by_action.size()) by_action[*e.action].push_back(&e);
    const Context c{scenario, result, lang};
    std::vector<std::string> out;
    out.reserve(by_action.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < by_action.size() && bytes <= max_bytes; ++i) {
        out.push_back(answer(c, scenario.actions[i], std::move(by_action[i])));
        bytes += out.back().size();
    }
    return out;
}

}  // namespace subsim
