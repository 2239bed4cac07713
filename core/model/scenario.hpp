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
// Keep `resume` last, or move action_kind_count with the last enumerator.
enum class ActionKind {
    cancel, reactivate, add_payment_method, renew, close_account, transfer, activate, change_plan,
    // SPEC-v2 §4.1
    payment_fails, update_payment_method,
    // SPEC-v2 §7.5
    withdraw,
    // SPEC-v2 §3.1
    pause, resume
};
inline constexpr std::size_t action_kind_count = static_cast<std::size_t>(ActionKind::resume) + 1;
// Every action, in enum order: readers and the permissions map iterate over this.
inline constexpr ActionKind all_action_kinds[] = {ActionKind::cancel,   ActionKind::reactivate, ActionKind::add_payment_method,
                                                  ActionKind::renew,    ActionKind::close_account, ActionKind::transfer,
                                                  ActionKind::activate, ActionKind::change_plan,
                                                  ActionKind::payment_fails, ActionKind::update_payment_method,
                                                  ActionKind::withdraw, ActionKind::pause, ActionKind::resume};
// The first format version that has the action (SPEC-v2 §9): change_plan and later need "subsim": 2.
inline constexpr int format_version_of(ActionKind k) { return k >= ActionKind::change_plan ? 2 : 1; }
// payment_fails happens in the world: it takes no `by` and is no `permissions` key (SPEC-v2 §0.6).
inline constexpr bool is_user_action(ActionKind k) { return k != ActionKind::payment_fails; }

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
// What the last failed retry does (SPEC-v2 §4.1 `on_exhausted`).
enum class OnExhausted { cancel, expire, keep_past_due };
// A plan's or the account's `dunning` (SPEC-v2 §4.1); members left out take these defaults.
struct Dunning {
    std::vector<Duration> retries = {Duration::days(3), Duration::days(5), Duration::days(7)};
    OnExhausted on_exhausted = OnExhausted::cancel;
    bool access_during_dunning = true;
};

// When a pause starts (SPEC-v2 §3.1 `starts`): at the next billing boundary, or on the request date.
enum class PauseStart { end_of_period, immediate };
// Plan key `pause` (SPEC-v2 §3.1); the lead plan decides.
struct PausePolicy {
    bool allowed = true;
    PauseStart starts = PauseStart::end_of_period;
    std::optional<Duration> max;  // the longest pause; an open-ended pause resumes by itself after it
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
    std::optional<Dunning> dunning;  // SPEC-v2 §4.1: the lead plan's decides
    PausePolicy pause;          // SPEC-v2 §3.1
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
    std::optional<Dunning> dunning;  // SPEC-v2 §4.1: for subscriptions whose lead plan has none
    bool consumer = true;  // format 2 (SPEC-v2 §7.1): false, a business, gets no law event
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
    // payment_fails (SPEC-v2 §4.1): how many attempts fail; none: every attempt of the invoice.
    std::optional<std::int64_t> failures;
    // pause (SPEC-v2 §3.1): the last paused day, or a number of billing periods, and when it starts.
    std::optional<Date> until;
    std::optional<long> cycles;
    std::optional<PauseStart> starts;
};

// SPEC-v2 §7.1: the consumer-law profile of a scenario. FR and DE include the EU rules.
enum class Jurisdiction { fr, de, eu, us_ca };

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
    // The reference date relative dates resolved against; none when the file used none (SPEC-v2 §8.2).
    std::optional<Date> today;
    std::optional<Jurisdiction> jurisdiction;  // format 2: none, no law event (SPEC-v2 §7.1)
};

const char* to_string(ActionKind k);
const char* to_string(CancellationPolicy p);
const char* to_string(ChangeTiming t);
const char* to_string(Proration p);
const char* to_string(Refund r);
const char* to_string(OnExhausted o);
const char* to_string(Jurisdiction j);  // "FR", "DE", "EU", "US-CA"
const char* to_string(PauseStart s);

}  // namespace subsim
