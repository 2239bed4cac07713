#pragma once
// What every sentence family of the narrator shares: the scenario, the result, the language, and
// how things are named for a reader (SPEC §4.1): products by `name`, subscriptions by `number`
// else id, users by `name` else the id as written, roles in words. Internal to core/narrate.
#include <cstdint>
#include <memory>
#include <vector>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/phrasebook.hpp"

namespace subsim::narrate_detail {

// The result's invoices and spans per subscription (invoices in date order), built once per
// narration so that no sentence scans the whole result.
struct ResultIndex {
    std::vector<std::vector<std::size_t>> invoices_of;  // subscription -> indices into result.invoices
    std::vector<std::vector<std::size_t>> spans_of;     // subscription -> indices into result.spans
};

// How a reader knows a subscription: its `number`, else its id (SPEC §4.1).
const std::string& subscription_name(const Subscription& s);

struct Context {
    Context(const Scenario& scenario, const Result& r, Language l, bool isolate = true)
        : sc(scenario), result(r), lang(l), isolate_names(isolate) {}

    const Scenario& sc;
    const Result& result;
    Language lang;
    bool isolate_names;  // names between FSI and PDI (format.hpp isolated); off for the v1 result's messages

    std::string name(std::string_view n) const { return isolate_names ? isolated(n) : std::string(n); }

    const ResultIndex& index() const;

    // The phrase with its slots filled. A {plan} slot holding a plan's id as written (the invoice
    // lines of a plan change) is isolated here, as every other name is where it is looked up.
    std::string say(Phrase p, const Slots& slots = {}) const;
    std::string date(Date d) const { return format_date(d, lang); }
    std::string money(std::int64_t minor) const { return format_money(minor, sc.currency, lang); }

    const std::string& subscription_name(std::size_t sub) const;
    // "subscription s1" / « l’abonnement s1 », "RescueAssist (subscription s1)", "the account";
    // form 0 plain, 1 after "of" / « de », 2 after "to" / « à ».
    std::string subject(std::optional<std::size_t> sub, std::optional<std::size_t> product, int form = 0) const;
    Slots subject_slots(std::optional<std::size_t> sub, std::optional<std::size_t> product) const;
    // The user who acted: name, else id as written; no user: the account owner.
    std::string who(const std::optional<std::string>& user_id) const;
    std::string role(const std::string& role) const;
    // The roles allowed to do an action, in words, joined with "or" (each prefixed for French).
    std::string allowed(ActionKind kind) const;
    std::string notice(std::string_view iso) const;  // "30-day" / « de 30 jours »
    std::string state(std::optional<State> s) const;

private:
    mutable std::shared_ptr<const ResultIndex> index_;
};

std::string capitalised(std::string s);

// The event's subject slots, {who} and {Who} (the acting user), then `extra`.
Slots event_slots(const Context& c, const Event& e, Slots extra = {});

// Detail accessors: the value when the key holds that type.
std::optional<Date> date_detail(const Event& e, std::string_view key);
// The date in `key`, written for the reader ("" when absent).
std::string date_of(const Context& c, const Event& e, std::string_view key);
std::string text_detail(const Event& e, std::string_view key);
std::int64_t number_detail(const Event& e, std::string_view key);
bool flag_detail(const Event& e, std::string_view key);
std::optional<std::string> by_detail(const Event& e);

}  // namespace subsim::narrate_detail
