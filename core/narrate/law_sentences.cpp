// Consumer-law sentences (SPEC-v2 §7): each legal window and each warning names its article, the
// dates, and what the customer may do; the cancellations the law itself ends say why they end the
// same day. The result's `expected`/`actual` strings are read back into dates here, never
// recomputed: the narrator states only what the result says.
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

// "2024-11-01/2025-01-01" -> its two dates (the DaySpan text of law_compliance.hpp).
std::optional<std::pair<Date, Date>> span_of(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const auto from = Date::parse(text.substr(0, slash));
    const auto to = Date::parse(text.substr(slash + 1));
    if (!from || !to) return std::nullopt;
    return std::make_pair(*from, *to);
}

// "2025-01-31,2025-02-15" -> "31 January 2025 and 15 February 2025" (or the French form).
std::string dates_in_words(const Context& c, const std::string& list) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at < list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        if (auto d = Date::parse(list.substr(at, comma - at))) words.push_back(c.date(*d));
        at = comma + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? c.say(Phrase::law_and) : std::string(", ")) + words[i];
    return out;
}

Slots law_slots(const Context& c, const Event& e, Slots extra) {
    extra.push_back({"about", date_of(c, e, "about")});
    extra.push_back({"article", text_detail(e, "article")});
    return event_slots(c, e, std::move(extra));
}

std::string window(const Context& c, const Event& e) {
    const std::string kind = text_detail(e, "window");
    const bool open_ended = !date_detail(e, "to");
    Slots s = law_slots(c, e, {{"from", date_of(c, e, "from")}, {"to", date_of(c, e, "to")}});
    if (kind == "renewal_reminder") return c.say(Phrase::law_window_fr_reminder, s);
    if (kind == "free_termination") return c.say(open_ended ? Phrase::law_window_fr_free_open : Phrase::law_window_fr_free, s);
    if (kind == "withdrawal") return c.say(Phrase::law_window_eu_withdrawal, s);
    if (kind == "trial_notice") return c.say(Phrase::law_window_ca_trial, s);
    return c.say(Phrase::law_window_ca_renewal, s);
}

// The FR and CA notice checks: a window the scenario's reminders miss.
std::string notice_warning(const Context& c, const Event& e, Phrase sent, Phrase none) {
    const auto w = span_of(text_detail(e, "expected"));
    const std::string actual = text_detail(e, "actual");
    Slots s = law_slots(c, e, {{"from", w ? c.date(w->first) : ""}, {"to", w ? c.date(w->second) : ""},
                               {"actual", dates_in_words(c, actual)},
                               {"consequence_from", date_of(c, e, "consequence_from")}});
    return c.say(actual.empty() ? none : sent, s);
}

std::string warning(const Context& c, const Event& e) {
    const std::string check = text_detail(e, "check");
    if (check == "renewal_reminder_window")
        return notice_warning(c, e, Phrase::law_warn_fr_reminder, Phrase::law_warn_fr_reminder_none);
    if (check == "trial_notice_window") return notice_warning(c, e, Phrase::law_warn_ca_trial, Phrase::law_warn_ca_trial_none);
    if (check == "renewal_notice_window")
        return notice_warning(c, e, Phrase::law_warn_ca_renewal, Phrase::law_warn_ca_renewal_none);
    const auto span = span_of(text_detail(e, "actual"));
    Slots s = law_slots(c, e, {{"from", span ? c.date(span->first) : ""}, {"last_day", span ? c.date(span->second) : ""},
                               {"actual", c.notice(text_detail(e, "actual"))},
                               {"consequence_from", date_of(c, e, "consequence_from")}});
    if (check == "initial_term_max") return c.say(Phrase::law_warn_de_term, s);
    if (check == "tacit_extension")
        return c.say(text_detail(e, "expected") == "evergreen" ? Phrase::law_warn_de_extension : Phrase::law_warn_de_extension_old, s);
    if (check == "exit_after_initial_term") return c.say(Phrase::law_warn_de_exit, s);
    s.push_back({"limit", c.notice(text_detail(e, "expected"))});
    return c.say(Phrase::law_warn_de_notice, s);
}

bool law_end(Rule r) { return r == Rule::law_fr_free_termination || r == Rule::law_eu_withdrawal; }

}  // namespace

std::string law_sentence(const Context& c, const Event& e) {
    return e.type == EventType::compliance_window ? window(c, e) : warning(c, e);
}

std::string law_scheduled_clause(const Context& c, const Event& e) {
    if (e.rule == Rule::law_fr_free_termination) return c.say(Phrase::law_scheduled_fr_free);
    if (e.rule == Rule::law_eu_withdrawal) return c.say(Phrase::law_scheduled_eu_withdrawal);
    return "";
}

std::optional<std::string> law_answer(const Context& c, const std::vector<const Event*>& events, Slots slots) {
    const Event* scheduled = nullptr;
    std::int64_t refunded = 0;
    for (const Event* e : events) {
        if (e->type == EventType::cancellation_scheduled && law_end(e->rule) && !scheduled) scheduled = e;
        if (e->type == EventType::invoice && law_end(e->rule)) refunded -= number_detail(*e, "amount");
    }
    if (!scheduled) return std::nullopt;
    const bool fr = scheduled->rule == Rule::law_fr_free_termination;
    slots.push_back({"refund", refunded > 0 ? c.say(Phrase::law_refunded, {{"amount", c.money(refunded)}})
                                            : c.say(Phrase::nothing_more_charged)});
    return c.say(fr ? Phrase::answer_law_fr_free : Phrase::answer_law_withdrawal, slots);
}

}  // namespace subsim::narrate_detail
