#include "engine/expectations.hpp"

#include <string>

#include "engine/spans.hpp"

namespace subsim {
namespace {

std::string state_name(std::optional<State> s) { return s ? to_string(*s) : "not_started"; }

std::string what(const Scenario& scenario, std::size_t sub, std::optional<std::size_t> product) {
    std::string s = "subscription " + scenario.subscriptions[sub].id;
    if (product) s += " product " + scenario.catalog.products[*product].id;
    return s;
}

ExpectationOutcome check(const Scenario& scenario, const Result& result, const StateExpectation& e) {
    const std::optional<State> actual = state_on(result, e.subscription, e.product, e.on);
    const std::string subject = what(scenario, e.subscription, e.product) + " on " + e.on.iso();
    if (state_name(actual) == e.state) return {0, true, subject + " is " + e.state};
    return {0, false, subject + ": expected state " + e.state + ", got " + state_name(actual)};
}

bool matches(const Event& ev, const EventExpectation& e) {
    if (to_string(ev.type) != e.type) return false;
    if (e.subscription && ev.subscription != e.subscription) return false;
    if (e.product_given && ev.product != e.product) return false;
    if (e.on && ev.date != *e.on) return false;
    return true;
}

std::string describe(const Scenario& scenario, const EventExpectation& e) {
    std::string s = "event " + e.type;
    if (e.subscription) s += " for subscription " + scenario.subscriptions[*e.subscription].id;
    if (e.product_given) s += e.product ? " product " + scenario.catalog.products[*e.product].id : " (whole subscription)";
    if (e.on) s += " on " + e.on->iso();
    return s;
}

std::string dates_of_similar(const Result& result, EventExpectation e) {
    e.on.reset();
    std::string dates;
    for (const Event& ev : result.events)
        if (matches(ev, e)) dates += (dates.empty() ? "" : ", ") + ev.date.iso();
    return dates.empty() ? "it never occurs" : "it occurs on " + dates;
}

ExpectationOutcome check(const Scenario& scenario, const Result& result, const EventExpectation& e) {
    std::int64_t n = 0;
    for (const Event& ev : result.events)
        if (matches(ev, e)) ++n;
    const std::string subject = describe(scenario, e);
    const std::string seen = std::to_string(n) + (n == 1 ? " time" : " times");
    if (e.absent) {
        if (n == 0) return {0, true, subject + " never occurs"};
        return {0, false, subject + ": expected never, occurs " + seen};
    }
    if (e.count) {
        if (n == *e.count) return {0, true, subject + " occurs " + seen};
        return {0, false, subject + ": expected " + std::to_string(*e.count) + " times, occurs " + seen};
    }
    if (n > 0) return {0, true, subject + " occurs"};
    return {0, false, subject + ": expected, but " + dates_of_similar(result, e)};
}

ExpectationOutcome check(const Scenario&, const Result& result, const TotalChargedExpectation& e) {
    const std::int64_t total = result.total_charged.minor();
    if (total == e.total_charged) return {0, true, "total charged is " + std::to_string(total)};
    return {0, false, "total charged: expected " + std::to_string(e.total_charged) + ", got " + std::to_string(total)};
}

}  // namespace

std::vector<ExpectationOutcome> check_expectations(const Scenario& scenario, const Result& result) {
    std::vector<ExpectationOutcome> out;
    for (std::size_t i = 0; i < scenario.expectations.size(); ++i) {
        ExpectationOutcome o = std::visit([&](const auto& e) { return check(scenario, result, e); }, scenario.expectations[i]);
        o.index = i;
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace subsim
