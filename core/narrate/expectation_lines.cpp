// Expectation lines (SPEC §2.5): what an `expect` entry asked and, when it failed, what was found.
#include <type_traits>

#include "narrate/narrator.hpp"
#include "narrate/sentences.hpp"

namespace subsim {
namespace {

using namespace narrate_detail;

std::string times(const Context& c, std::int64_t n) {
    return n == 1 ? c.say(Phrase::times_one) : c.say(Phrase::times_many, {{"n", std::to_string(n)}});
}

std::string line(const Context& c, const ExpectationOutcome& o, const StateExpectation& e) {
    const Slots s = {{"date", c.date(e.on)}, {"subject", c.subject(e.subscription, e.product)},
                     {"state", c.state(o.state)}, {"expected", c.state(state_from_string(e.state))}};
    return capitalised(c.say(o.passed ? Phrase::expect_state_ok : Phrase::expect_state_failed, s));
}

// (One slot each, none of them a {plan}: c.say would be fill, with a list made for the slot.)
std::string what(const Context& c, const EventExpectation& e) {
    std::string out = fill(Phrase::expect_event, c.lang, "type", e.type);
    if (e.rule) out += fill(Phrase::expect_event_rule, c.lang, "rule", *e.rule);
    // A product given as null means the whole subscription.
    if (e.subscription) out += fill(Phrase::expect_event_for, c.lang, "subject", c.subject(e.subscription, e.product));
    if (e.on) out += fill(Phrase::expect_event_on, c.lang, "date", c.date(*e.on));
    return out;
}

std::string dates_found(const Context& c, const ExpectationOutcome& o) {
    std::string dates;
    for (std::size_t i = 0; i < o.first_dates.size(); ++i)
        dates += (i == 0 ? "" : ", ") + c.date(o.first_dates[i]);
    const std::int64_t more = o.count_any_date - static_cast<std::int64_t>(o.first_dates.size());
    if (more > 0) return c.say(Phrase::expect_and_more, {{"dates", dates}, {"n", std::to_string(more)}});
    return dates;
}

Phrase event_phrase(const ExpectationOutcome& o, const EventExpectation& e) {
    if (e.absent) return o.passed ? Phrase::expect_event_absent_ok : Phrase::expect_event_absent_failed;
    if (e.count) return o.passed ? Phrase::expect_event_count_ok : Phrase::expect_event_count_failed;
    if (o.passed) return Phrase::expect_event_ok;
    return o.count_any_date == 0 ? Phrase::expect_event_never : Phrase::expect_event_elsewhere;
}

// Whether `text` has the slot `{name}` (a loop over the phrase's bytes: find() would be a call to
// memchr per brace in WebAssembly).
bool has_slot(std::string_view text, std::string_view name) {
    for (std::size_t at = 0; at + name.size() + 2 <= text.size(); ++at)
        if (text[at] == '{' && text[at + name.size() + 1] == '}' && text.substr(at + 1, name.size()) == name) return true;
    return false;
}

// Only the slots the phrase writes are made: a met expectation's line says "what" alone, while
// the counts and the dates found (each date a formatted string, built from temporaries that
// allocate past 10 bytes in WebAssembly's strings, past 15 natively) are for a failed one.
// A met expectation's phrase has the one slot {what}: filled without a list of slots.
std::string line(const Context& c, const ExpectationOutcome& o, const EventExpectation& e) {
    const Phrase p = event_phrase(o, e);
    const std::string_view text = phrase(p, c.lang);
    std::string w = what(c, e);
    const bool with_what = has_slot(text, "What"), with_times = has_slot(text, "times"),
               with_expected = has_slot(text, "expected"), with_dates = has_slot(text, "dates");
    if (!with_what && !with_times && !with_expected && !with_dates) return fill(p, c.lang, "what", w);
    Slots s;
    s.reserve(5);
    if (with_what) s.emplace_back("What", capitalised(w));
    s.emplace_back("what", std::move(w));
    if (with_times) s.emplace_back("times", times(c, o.count));
    if (with_expected) s.emplace_back("expected", times(c, e.count.value_or(0)));
    if (with_dates) s.emplace_back("dates", dates_found(c, o));
    return c.say(p, s);
}

std::string line(const Context& c, const ExpectationOutcome& o, const TotalChargedExpectation& e) {
    const Slots s = {{"amount", c.money(o.total_charged)}, {"expected", c.money(e.total_charged)}};
    return c.say(o.passed ? Phrase::expect_total_ok : Phrase::expect_total_failed, s);
}

std::string line(const Context& c, const ExpectationOutcome& o, const TotalCreditedExpectation& e) {
    const Slots s = {{"amount", c.money(o.total_charged)}, {"expected", c.money(e.total_credited)}};
    return c.say(o.passed ? Phrase::expect_credited_ok : Phrase::expect_credited_failed, s);
}

std::string line(const Context& c, const ExpectationOutcome& o, const TotalUnpaidExpectation& e) {
    const Slots s = {{"amount", c.money(o.total_charged)}, {"expected", c.money(e.total_unpaid)}};
    return c.say(o.passed ? Phrase::expect_unpaid_ok : Phrase::expect_unpaid_failed, s);
}

}  // namespace

std::string narrate_expectation(const Scenario& scenario, const ExpectationOutcome& outcome, Language lang,
                                bool isolate_names) {
    if (outcome.index >= scenario.expectations.size()) return outcome.message;
    const Result none;
    const Context c{scenario, none, lang, isolate_names};
    return std::visit([&](const auto& e) { return line(c, outcome, e); }, scenario.expectations[outcome.index]);
}

std::size_t expectation_line_bytes_at_least(const Scenario& scenario, const Expectation& expectation) {
    const auto names = [&](std::optional<std::size_t> sub, std::optional<std::size_t> product) {
        if (!sub) return std::size_t{0};
        return subscription_name(scenario.subscriptions[*sub]).size() +
               (product ? scenario.catalog.products[*product].name.size() : 0);
    };
    if (const auto* s = std::get_if<StateExpectation>(&expectation)) return names(s->subscription, s->product);
    if (const auto* e = std::get_if<EventExpectation>(&expectation)) return names(e->subscription, e->product);
    return 0;  // totals: amounts only
}

std::vector<std::string> narrate_expectations(const Scenario& scenario, const std::vector<ExpectationOutcome>& outcomes,
                                              Language lang, std::size_t max_bytes) {
    std::vector<std::string> out;
    out.reserve(outcomes.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < outcomes.size() && bytes <= max_bytes; ++i) {
        out.push_back(narrate_expectation(scenario, outcomes[i], lang));
        bytes += out.back().size();
    }
    return out;
}

}  // namespace subsim

namespace subsim {

std::string narrate_state(std::optional<State> state, Language lang) {
    const Scenario none_scenario;
    const Result none_result;
    return narrate_detail::Context{none_scenario, none_result, lang}.state(state);
}

}  // namespace subsim

namespace subsim {

std::string narrate_period(const Scenario& scenario, Language lang) {
    return fill(Phrase::timeline_period, lang,
                {{"start", format_date(scenario.start, lang)}, {"until", format_date(scenario.until, lang)}});
}

std::string narrate_invoice_total(const Scenario& scenario, const Result& result, Language lang) {
    return fill(Phrase::timeline_invoices, lang,
                {{"n", std::to_string(result.invoices.size())},
                 {"amount", format_money(result.total_charged.minor(), scenario.currency, lang)}});
}

std::string narrate_final_state(const Scenario& scenario, const Result& result, std::size_t subscription, Language lang) {
    const Subscription& sub = scenario.subscriptions[subscription];
    return fill(Phrase::timeline_final_state, lang,
                {{"date", format_date(scenario.until, lang)},
                 {"subject", isolated(sub.number ? *sub.number : sub.id)},
                 {"state", narrate_state(result.final_states[subscription], lang)}});
}

}  // namespace subsim
