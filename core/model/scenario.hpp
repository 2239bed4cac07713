#pragma once
// The scenario as the engine sees it: validated, with every id resolved to an index.
// Built by io/scenario_reader from a file; the engine never sees raw JSON.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "domain/money.hpp"
#include "model/expectation.hpp"

namespace subsim {

using Index = std::size_t;

enum class CancellationPolicy { immediate, end_of_period, end_of_next_period, end_of_term };
enum class TrialCancel { at_trial_end, immediate, contact_support };
enum class Channel { online, reseller };
// Keep `change_plan` last, or move action_kind_count with the last enumerator.
enum class ActionKind { cancel, reactivate, add_payment_method, renew, close_account, transfer, activate, change_plan };
inline constexpr std::size_t action_kind_count = static_cast<std::size_t>(ActionKind::change_plan) + 1;
// Every action, in enum order: readers and the permissions map iterate over this.
inline constexpr ActionKind all_action_kinds[] = {ActionKind::cancel,   ActionKind::reactivate, ActionKind::add_payment_method,
                                                  ActionKind::renew,    ActionKind::close_account, ActionKind::transfer,
                                                  ActionKind::activate, ActionKind::change_plan};
// The first format version that has the action (SPEC-v2 §9): change_plan needs "subsim": 2.
inline constexpr int format_version_of(ActionKind k) { return k == ActionKind::change_plan ? 2 : 1; }

// Format version 2 (SPEC-v2 §1.1, §2.1).
enum class ChangeTiming { immediate, end_of_period, end_of_term, refused };
enum class Proration { prorate, full_credit, none };
enum class Refund { none, prorated, full };
// What happens at the end of the first term (SPEC-v2 §5.1 `at_term_end`).
enum class AtTermEnd { renew, renew_once, evergreen, cancel };
// How a change away from a plan happens (plan key `change`).
struct ChangePolicy {
    ChangeTiming upgrade = ChangeTiming::immediate;
    ChangeTiming downgrade = ChangeTiming::immediate;
    Proration proration = Proration::prorate;
};
static_assert(std::size(all_action_kinds) == action_kind_count, "all_action_kinds lists every ActionKind");

struct Trial {
    Duration length;
    bool requires_payment_method = false;
    TrialCancel cancel = TrialCancel::at_trial_end;
};

struct Product {
    std::string id;
    std::string name;
    std::vector<Index> requires_products;
    bool cancels_account = false;
    // With cancels_account: only when the account was created strictly before this date.
    std::optional<Date> cancels_account_if_created_before;
};

struct Plan {
    std::string id;
    Index product = 0;
    Money price;
    Duration period;
    std::optional<Trial> trial;
    Duration term;
    bool auto_renew = true;
    Duration renewal_term;
    Duration notice;
    CancellationPolicy cancellation = CancellationPolicy::end_of_period;
    bool reactivation = true;
    Duration renewal_grace;
    bool self_service = true;
    Channel channel = Channel::online;
    std::vector<Duration> reminders;
    // Format version 2; their defaults keep v1.3 results.
    std::optional<std::int64_t> rank;
    ChangePolicy change;
    Refund refund_on_immediate_cancel = Refund::none;
    Money termination_fee;
    AtTermEnd at_term_end = AtTermEnd::renew;
    Duration evergreen_period;  // = period unless set (only with evergreen)
    Duration evergreen_notice;  // = notice unless set (only with evergreen)
    // SPEC-v2 §6.1: boundaries on this day of the month (31 = "last"); the stub before it is free.
    std::optional<unsigned> billing_day;
    std::optional<bool> first_period_free;
};

struct Bundle {
    std::string id;
    std::string name;
    std::vector<Index> products;
    Money price;
    Duration period;
    bool members_cancellable = true;
};

struct Catalog {
    std::vector<Product> products;
    std::vector<Plan> plans;
    std::vector<Bundle> bundles;
};

struct User {
    std::string id;
    std::string role;
    std::optional<std::string> name;  // how sentences call this person (SPEC §2.2); else the id as written
};

struct Account {
    std::string id;
    Date created;
    std::optional<std::string> owner;
    bool payment_method = false;
    Duration data_retention = Duration::days(30);
    std::vector<User> users;
};

// Roles allowed per action; an action absent from the map is allowed to "owner" only.
struct Permissions {
    std::vector<std::optional<std::vector<std::string>>> roles_by_action =
        std::vector<std::optional<std::vector<std::string>>>(action_kind_count);
    const std::optional<std::vector<std::string>>& roles(ActionKind k) const {
        return roles_by_action[static_cast<std::size_t>(k)];
    }
};

struct Subscription {
    std::string id;
    std::vector<Index> plans;
    Date start;
    std::optional<Index> bundle;
    std::optional<std::string> number;
    // REDHAT: bought from a third party; never invoiced here, pending_activation until `activate`.
    bool activation_required = false;
    // SPEC-v2 §6.1, resolved: the subscription's own value, else its plans' (which agree).
    std::optional<unsigned> billing_day;  // 1-31; 31 is also "last"
    bool first_period_free = false;
};

struct Action {
    Date on;
    ActionKind kind = ActionKind::cancel;
    std::optional<std::string> by;  // user id; absent: the owner
    std::optional<Index> subscription;
    std::vector<Index> products;  // product indices (catalog), for product-level actions
    std::string transfer_to;
    bool separate_entity = false;
    std::optional<std::string> number;  // activate: the activation number given, if any
    // change_plan (SPEC-v2 §1.1): the target plan, the expected current plan, overrides.
    std::optional<Index> to_plan;
    std::optional<Index> from_plan;
    std::optional<ChangeTiming> timing;
    std::optional<Proration> proration;
    bool reset_anchor = false;
};

struct Scenario {
    int version = 1;  // "subsim": 1 or 2 (SPEC-v2 §9)
    std::string title;
    std::optional<std::string> source;
    std::string locale = "en";
    std::string currency;
    Date start;
    Date until;
    std::vector<Date> holidays;  // sorted, unique
    Catalog catalog;
    Account account;
    Permissions permissions;
    std::vector<Subscription> subscriptions;
    std::vector<Action> actions;
    std::vector<Expectation> expectations;
};

const char* to_string(ActionKind k);
const char* to_string(CancellationPolicy p);
const char* to_string(ChangeTiming t);
const char* to_string(Proration p);
const char* to_string(Refund r);

}  // namespace subsim
