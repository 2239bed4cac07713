#pragma once
// Bundles (SPEC §2.1, §4): the members of a subscription's bundle are billed as one line at the
// bundle's price on the bundle's own calendar, until a member leaves; then each remaining member
// is billed at its plan's price (`price_changed`, rule bundle.price_ends). ZENDESK SPP: a bundle
// sold as one (`members_cancellable: false`) cannot be left member by member.
#include <algorithm>
#include <optional>
#include <vector>

#include "engine/billing_calendar.hpp"
#include "model/scenario.hpp"

namespace subsim {

struct Action;
struct Simulation;
struct SubscriptionRun;

// The bundle slice of a subscription's run state.
struct BundleState {
    bool priced = false;                    // the bundle's price still applies
    std::optional<BillingCalendar> calendar;
    BoundaryCursor billing;                 // the next bundle boundary not yet billed
    BoundaryCursor wake;                    // the same, for the day-skipping lookahead
};

BundleState bundle_for(const Scenario& scenario, const Subscription& sub, Date anchor);

// True while `product` is billed through its bundle's price.
bool billed_through_bundle(const Simulation& sim, const SubscriptionRun& run, Index product);
// The products billed through the bundle's price: its members while that price applies, else
// none (null). Asked once for a day's lines instead of once per line.
const std::vector<Index>* billed_bundle_members(const Simulation& sim, const SubscriptionRun& run);
// `product` is one of `members` (none when null): billed_through_bundle with the members asked once.
// Inline: bill_due_lines asks it for every product on every billing day.
inline bool among_members(const std::vector<Index>* members, Index product) {
    return members && std::find(members->begin(), members->end(), product) != members->end();
}

// True when a member of the bundle is still billed (active or pending cancellation).
bool any_member_billable(const SubscriptionRun& run);

// The bundle price ends when one of its members is removed on `day`.
void end_bundle_price_if_member_left(Simulation& sim, SubscriptionRun& run, Date day,
                                     const std::vector<Index>& removed);

// A product cancellation that would split a bundle sold as one (the listed members may leave
// together).
bool splits_locked_bundle(const Simulation& sim, const SubscriptionRun& run, const Action& action, Index product);

}  // namespace subsim
