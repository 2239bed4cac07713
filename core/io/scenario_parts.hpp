#pragma once
// Internal to io/: the reader that turns the JSON of a scenario into the model, one section per
// method. Split over scenario_catalog_reader.cpp and scenario_activity_reader.cpp.
#include <string>

#include "io/field_reader.hpp"
#include "io/id_index.hpp"
#include "model/scenario.hpp"

namespace subsim {

class ScenarioParts {
public:
    explicit ScenarioParts(Diagnostics& out) : r(out) {}

    FieldReader r;
    Scenario sc;
    IdIndex products, plans, bundles, subscriptions, users;
    bool dates_ok = false;  // start and until are valid

    void read_top(const Json& root);
    void read_catalog(const Json& root);
    void read_account(const Json& root);
    void read_permissions(const Json& root);
    void read_subscriptions(const Json& root);
    void read_actions(const Json& root);
    void read_expectations(const Json& root);

    // The "id" of `object` (as written in the file, which outlives the indexes), which must be
    // new: reports a duplicate. Returns false when unusable.
    bool register_id(IdIndex& index, const Json& object, Index at, const PointerPath& ptr, std::string_view what);
    // An id that must exist in `index`.
    std::optional<Index> resolve(const IdIndex& index, const Json& value, const PointerPath& ptr, std::string_view what);
    bool within_horizon(Date d) const { return dates_ok && sc.start <= d && d <= sc.until; }

private:
    std::optional<Index> read_product(const Json& v, const PointerPath& ptr);
    void read_plan(const Json& v, const PointerPath& ptr);
    void read_plan_v2(Plan& plan, const Json& v, const PointerPath& ptr);
    void read_term_end(Plan& plan, const Json& v, const PointerPath& ptr, bool explicit_renewal_term);
    void read_change_plan(Action& a, const Json& v, const PointerPath& ptr);
    void read_pause(Action& a, const Json& v, const PointerPath& ptr);
    void read_pause_policy(Plan& plan, const Json& v, const PointerPath& ptr);
    void read_trial(Plan& plan, const Json& v, const PointerPath& ptr);
    void read_bundle(const Json& v, const PointerPath& ptr);
    void resolve_requires(const Json& list, const PointerPath& ptr, Index owner);
    void read_subscription(const Json& v, const PointerPath& ptr);
    void read_action(const Json& v, const PointerPath& ptr);
    std::optional<ActionKind> read_action_kind(const Json& v, const PointerPath& ptr);
    void read_action_products(Action& a, const Json& v, const PointerPath& ptr);
    void read_expectation(const Json& v, const PointerPath& ptr);
    void read_state_expectation(const Json& v, const PointerPath& ptr);
    void read_event_expectation(const Json& v, const PointerPath& ptr);
    std::optional<Index> expected_subscription(const Json& v, const PointerPath& ptr, bool required);
    void read_jurisdiction(const Json& root);
    // SPEC-v2 §6.1 (scenario_billing_day_reader.cpp).
    void align_subscription(Subscription& s, const Json& v, const PointerPath& ptr);
};

// Format 2 values shared by the plan and action readers.
Proration proration_named(const std::string& s);
std::optional<ChangeTiming> read_timing(FieldReader& r, const Json& v, const PointerPath& ptr, std::string_view key,
                                        bool allow_refused);
// SPEC-v2 §4.1 (scenario_dunning_reader.cpp): `owner`'s "dunning" object, when present.
std::optional<Dunning> read_dunning(FieldReader& r, const Json& owner, const PointerPath& owner_ptr);
// The fields of a `payment_fails` action: `failures`, and no `by`.
void read_payment_fails(FieldReader& r, Action& a, const Json& v, const PointerPath& ptr);
// SPEC-v2 §6.1: `billing_day` (31 for "last") and `first_period` (true for "free") of a plan or subscription.
std::optional<unsigned> read_billing_day(FieldReader& r, const Json& v, const PointerPath& ptr);
std::optional<bool> read_first_period_free(FieldReader& r, const Json& v, const PointerPath& ptr);

}  // namespace subsim
