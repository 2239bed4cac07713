#include "engine/expectations.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include <type_traits>

#include "engine/spans.hpp"
#include "io/limits.hpp"
#include "narrate/narrator.hpp"

namespace subsim {
namespace {

ExpectationOutcome check(const Scenario&, const StateIndex& states, const StateExpectation& e) {
    ExpectationOutcome o;
    o.state = states.state_on(e.subscription, e.product, e.on);
    o.passed = (o.state ? std::string(to_string(*o.state)) : std::string("not_started")) == e.state;
    return o;
}

// Counts (and the first few dates) of the events each expectation asks about, gathered in one
// pass over the events so that thousands of expectations over a long history stay linear. Only
// the keys some expectation names are kept (one tally each, made before the pass), so an event
// costs a few lookups and nothing is allocated per event.
class EventIndex {
public:
    EventIndex(const Scenario& scenario, const Result& result) : events_(result.events) {
        bool with_rules = false;
        std::array<bool, event_type_count> asked{};
        for (const Expectation& x : scenario.expectations)
            if (const auto* e = std::get_if<EventExpectation>(&x)) {
                const Key key = key_of(*e);
                tallies_.add(key);
                asked[static_cast<std::size_t>(key.type)] = true;
                with_rules = with_rules || key.rule != any;
            }
        for (const Event& ev : result.events)
            if (asked[static_cast<std::size_t>(ev.type)]) count(ev, with_rules);
    }

    struct Tally {
        Tally() : count(0) {}  // (not a member initializer: Tallies holds some before EventIndex is complete)
        std::int64_t count;
        std::vector<Date> first_dates;  // at most three
    };

    // Events of the expectation's type, subscription and product (any date).
    const Tally& tally(const EventExpectation& e) const { return *tallies_.find(key_of(e)); }  // (made for every expectation)

    // The same on one date: the events are in date order, so a binary search finds that day's.
    std::int64_t count_on(const EventExpectation& e, Date day) const {
        const Key key = key_of(e);
        auto first = std::lower_bound(events_.begin(), events_.end(), day, [](const Event& ev, Date d) { return ev.date < d; });
        std::int64_t n = 0;
        for (; first != events_.end() && first->date == day; ++first) {
            const Event& ev = *first;
            if (static_cast<int>(ev.type) != key.type || (key.rule != any && static_cast<long>(ev.rule) != key.rule)) continue;
            if (e.subscription && ev.subscription != e.subscription) continue;
            if (e.product_given && ev.product != e.product) continue;
            ++n;
        }
        return n;
    }

private:
    static constexpr long any = -2;
    struct Key {
        int type;
        long subscription, product;  // -1: null, -2: any
        long rule;                   // -2: any (format 2 expectations may name a rule)
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            return std::hash<long>()(k.type * 1000003L + k.subscription * 7919L + k.product + k.rule * 104729L);
        }
    };
    static Key key_of(const EventExpectation& e) {
        return Key{static_cast<int>(*event_type_from_string(e.type)), e.subscription ? static_cast<long>(*e.subscription) : any,
                   e.product_given ? (e.product ? static_cast<long>(*e.product) : -1) : any,
                   e.rule ? static_cast<long>(*rule_from_string(*e.rule)) : any};
    }

    // `ev` into every asked tally it belongs to: any or its subscription, any or its product, any
    // or its rule (when some expectation names one).
    void count(const Event& ev, bool with_rules) {
        const int type = static_cast<int>(ev.type);
        const long sub = ev.subscription ? static_cast<long>(*ev.subscription) : -1;
        const long product = ev.product ? static_cast<long>(*ev.product) : -1;
        const long rules[] = {any, static_cast<long>(ev.rule)};
        for (int r = 0; r < (with_rules ? 2 : 1); ++r)
            for (const Key& key : {Key{type, any, any, rules[r]}, Key{type, sub, any, rules[r]}, Key{type, any, product, rules[r]},
                                   Key{type, sub, product, rules[r]}})
                if (Tally* found = tallies_.find(key)) {
                    Tally& t = *found;
                    ++t.count;
                    if (t.first_dates.empty()) t.first_dates.reserve(3);  // (one allocation, not three)
                    if (t.first_dates.size() < 3) t.first_dates.push_back(ev.date);
                }
    }

    // The tallies by key: the few a file usually asks about in place, searched in order, and a
    // hash map only past `in_place` (a map from the first key was two allocations an answer, and
    // allocations cost more in WebAssembly than natively).
    class Tallies {
    public:
        void add(const Key& key) {
            if (find(key)) return;
            if (map_.empty() && count_ < in_place) {
                few_[count_++].first = key;
                return;
            }
            if (map_.empty())
                for (auto& [k, t] : few_) map_.emplace(k, std::move(t));
            map_.try_emplace(key);
        }
        Tally* find(const Key& key) {
            if (!map_.empty()) {
                const auto it = map_.find(key);
                return it == map_.end() ? nullptr : &it->second;
            }
            for (std::size_t i = 0; i < count_; ++i)
                if (few_[i].first == key) return &few_[i].second;
            return nullptr;
        }
        const Tally* find(const Key& key) const { return const_cast<Tallies*>(this)->find(key); }

    private:
        static constexpr std::size_t in_place = 4;
        std::array<std::pair<Key, Tally>, in_place> few_;
        std::size_t count_ = 0;
        std::unordered_map<Key, Tally, KeyHash> map_;  // every tally, once there are more than in_place
    };

    const std::vector<Event>& events_;
    Tallies tallies_;
};

ExpectationOutcome check(const Scenario&, const EventIndex& events, const EventExpectation& e) {
    const EventIndex::Tally& all_dates = events.tally(e);
    ExpectationOutcome o;
    o.count = e.on ? events.count_on(e, *e.on) : all_dates.count;
    o.count_any_date = all_dates.count;
    o.first_dates = all_dates.first_dates;
    if (e.absent) o.passed = o.count == 0;
    else if (e.count) o.passed = o.count == *e.count;
    else o.passed = o.count > 0;
    return o;
}

ExpectationOutcome total_is(std::int64_t found, std::int64_t expected) {
    ExpectationOutcome o;
    o.total_charged = found;
    o.passed = found == expected;
    return o;
}

ExpectationOutcome check(const Scenario&, const Result& result, const TotalChargedExpectation& e) {
    return total_is(result.total_charged.minor(), e.total_charged);
}

ExpectationOutcome check(const Scenario&, const Result& result, const TotalCreditedExpectation& e) {
    return total_is(result.total_credited.minor(), e.total_credited);
}

ExpectationOutcome check(const Scenario&, const Result& result, const TotalUnpaidExpectation& e) {
    return total_is(result.total_unpaid.minor(), e.total_unpaid);
}

// `states`: none when no expectation asks about a state.
ExpectationOutcome outcome_of(const Scenario& scenario, const Result& result, const StateIndex* states,
                              const EventIndex& events, std::size_t i) {
    ExpectationOutcome o = std::visit(
        [&](const auto& e) {
            using Kind = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<Kind, StateExpectation>) return check(scenario, *states, e);
            else if constexpr (std::is_same_v<Kind, EventExpectation>) return check(scenario, events, e);
            else return check(scenario, result, e);
        },
        scenario.expectations[i]);
    o.index = i;
    return o;
}

// What the lines must hold at least (the names they repeat), added up before any is written.
std::size_t line_bytes_at_least(const Scenario& scenario) {
    std::size_t bytes = 0;
    for (const Expectation& x : scenario.expectations) bytes += expectation_line_bytes_at_least(scenario, x);
    return bytes;
}

// The v1 result's message of every outcome, within the answer's byte budget (limits::answer_bytes):
// none is written when the names alone would pass it, and writing stops once the lines do. Returns
// the bytes known (counted or at least), over the budget when it was passed.
std::size_t write_messages(const Scenario& scenario, std::vector<ExpectationOutcome>& outcomes) {
    const std::size_t at_least = line_bytes_at_least(scenario);
    if (at_least > limits::answer_bytes) return at_least;
    const Language lang = language_of(scenario.locale);
    std::size_t written = 0;
    for (ExpectationOutcome& o : outcomes) {
        if (written > limits::answer_bytes) break;
        o.message = narrate_expectation(scenario, o, lang, false);  // the v1 result: names without isolation marks
        written += o.message.size();
    }
    return written;
}

}  // namespace

std::vector<ExpectationOutcome> check_expectations(const Scenario& scenario, Result& result) {
    std::vector<ExpectationOutcome> out;
    if (scenario.expectations.empty()) return out;
    // Only a state expectation reads the spans' index: most scenarios ask about events alone.
    const bool asks_states = std::any_of(scenario.expectations.begin(), scenario.expectations.end(),
                                         [](const Expectation& x) { return std::holds_alternative<StateExpectation>(x); });
    const std::optional<StateIndex> states = asks_states ? std::optional<StateIndex>{std::in_place, result} : std::nullopt;
    const EventIndex events{scenario, result};
    out.reserve(scenario.expectations.size());
    for (std::size_t i = 0; i < scenario.expectations.size(); ++i)
        out.push_back(outcome_of(scenario, result, states ? &*states : nullptr, events, i));
    if (write_messages(scenario, out) > limits::answer_bytes && !result.limit_exceeded)
        result.limit_exceeded = limits::answer_too_large(0, false);
    return out;
}

}  // namespace subsim
