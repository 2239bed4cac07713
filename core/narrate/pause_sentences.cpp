// Format 2 sentences of a pause (SPEC-v2 §3.6): the pause asked for, started, ended or called off,
// each with its dates in a customer's words ("it is neither provided nor billed through 14 May
// 2025 inclusive"), and the what-if answers of `pause` and `resume`.
#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

// A pause asked with neither `until` nor `cycles` whose resume date is the plan's `max` (SPEC-v2 §3.2).
bool open_ended_request(const Context& c, const Event& scheduled) {
    if (!scheduled.action || *scheduled.action >= c.sc.actions.size()) return false;
    const Action& a = c.sc.actions[*scheduled.action];
    return !a.until && !a.cycles;
}

// The pause_scheduled event behind a `paused` event: the last one of its subscription on or before it.
const Event* scheduled_for(const Context& c, const Event& paused) {
    const Event* found = nullptr;
    for (const Event& e : c.result.events) {
        if (e.date > paused.date) break;
        if (e.type == EventType::pause_scheduled && e.subscription == paused.subscription) found = &e;
    }
    return found;
}

// "; it resumes on 15 May 2025", "; 2 billing periods are skipped and …", "; it stays paused until …".
std::string resume_clause(const Context& c, const Event& e) {
    if (!date_detail(e, "resumes")) return c.say(Phrase::pause_open);
    if (open_ended_request(c, e)) return c.say(Phrase::pause_until_max, {{"resumes", date_of(c, e, "resumes")}});
    const Slots s = {{"resumes", date_of(c, e, "resumes")}, {"cycles", std::to_string(number_detail(e, "cycles"))}};
    const DetailValue* cycles = e.detail("cycles");
    const bool by_cycles = cycles && std::holds_alternative<std::int64_t>(*cycles);
    return c.say(by_cycles ? Phrase::pause_cycles : Phrase::pause_until, s);
}

std::string pause_scheduled(const Context& c, const Event& e) {
    const Phrase p = e.rule == Rule::pause_immediate ? Phrase::pause_scheduled_now : Phrase::pause_scheduled_later;
    return c.say(p, event_slots(c, e, {{"starts", date_of(c, e, "starts")}, {"resume", resume_clause(c, e)}}));
}

std::string paused(const Context& c, const Event& e) {
    const std::optional<Date> resumes = date_detail(e, "resumes");
    if (!resumes) return c.say(Phrase::pause_started_open, event_slots(c, e));
    if (const Event* scheduled = scheduled_for(c, e); scheduled && open_ended_request(c, *scheduled))
        return c.say(Phrase::pause_started_max, event_slots(c, e, {{"resumes", c.date(*resumes)}}));
    return c.say(Phrase::pause_started_until, event_slots(c, e, {{"last_day", c.date(resumes->plus_days(-1))}}));
}

std::string resumed(const Context& c, const Event& e) {
    const bool new_day = date_detail(e, "anchor") == std::optional<Date>(e.date);
    const std::string calendar =
        c.say(new_day ? Phrase::resume_new_day : Phrase::resume_keeps_day, {{"anchor", date_of(c, e, "anchor")}});
    Phrase p = Phrase::resumed_planned;
    if (e.rule == Rule::pause_resumed_by_request) p = Phrase::resumed_request;
    else if (e.rule == Rule::pause_max_reached) p = Phrase::resumed_max;
    return c.say(p, event_slots(c, e, {{"days", std::to_string(number_detail(e, "paused_days"))}, {"calendar", calendar}}));
}

std::string pause_withdrawn(const Context& c, const Event& e) {
    const Phrase p = text_detail(e, "reason") == "resumed" ? Phrase::pause_withdrawn_resumed : Phrase::pause_withdrawn_cancel;
    return c.say(p, event_slots(c, e, {{"starts", date_of(c, e, "starts")}}));
}

}  // namespace

std::string pause_sentence(const Context& c, const Event& e) {
    switch (e.type) {
        case EventType::pause_scheduled: return pause_scheduled(c, e);
        case EventType::paused: return paused(c, e);
        case EventType::resumed: return resumed(c, e);
        default: return pause_withdrawn(c, e);
    }
}

// "If Ana pauses … on 2 March 2025: paused from 15 March 2025; it resumes on 15 May 2025, with nothing
// billed meanwhile", with what an immediate pause credits that day.
std::string pause_answer(const Context& c, const Event& scheduled, const Event* credit_invoice, Slots slots) {
    std::string credit;
    if (credit_invoice && number_detail(*credit_invoice, "amount") < 0)
        credit = c.say(Phrase::answer_pause_credit, {{"amount", c.money(-number_detail(*credit_invoice, "amount"))}});
    slots.push_back({"starts", date_of(c, scheduled, "starts")});
    slots.push_back({"resume", resume_clause(c, scheduled)});
    slots.push_back({"credit", credit});
    return c.say(Phrase::answer_pause, slots);
}

// A resume: called off before it started, or the subscription resumed with the day's invoice.
std::string resume_answer(const Context& c, const Event* withdrawn, const Event* invoice, Slots slots) {
    if (withdrawn) {
        slots.push_back({"starts", date_of(c, *withdrawn, "starts")});
        return c.say(Phrase::answer_resume_withdraw, slots);
    }
    if (!invoice) return c.say(Phrase::answer_resume_free, slots);
    slots.push_back({"amount", c.money(number_detail(*invoice, "amount"))});
    return c.say(Phrase::answer_resume, slots);
}

}  // namespace subsim::narrate_detail
