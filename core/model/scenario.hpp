#pragma once
// The scenario as the engine sees it: validated, with every id resolved to an index.
// Built by io/scenario_reader from a file; the engine never sees raw JSON.
#include <cstddef>
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
enum class ActionKind { cancel, reactivate, add_payment_method, renew, close_account, transfer };

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
        std::vector<std::optional<std::vector<std::string>>>(6);
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
};

struct Action {
    Date on;
    ActionKind kind = ActionKind::cancel;
    std::optional<std::string> by;  // user id; absent: the owner
    std::optional<Index> subscription;
    std::vector<Index> products;  // product indices (catalog), for product-level actions
    std::string transfer_to;
    bool separate_entity = false;
};

struct Scenario {
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

}  // namespace subsim
