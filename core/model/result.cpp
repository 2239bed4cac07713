#include "model/result.hpp"

#include <array>

namespace subsim {
namespace {

constexpr std::array<const char*, event_type_count> event_names = {
    "subscription_started", "trial_started", "trial_ending", "trial_converted", "trial_expired",
    "invoice", "renewed", "renewal_reminder", "cancellation_requested", "cancellation_scheduled",
    "cancellation_effective", "reactivated", "action_refused", "email", "expired", "grace_ended",
    "price_changed", "account_closed", "data_deleted", "transfer_requested", "transfer_completed",
    "activated", "plan_change_requested", "plan_change_scheduled", "plan_changed", "plan_change_withdrawn",
    "evergreen_started", "payment_failed", "payment_retry", "payment_succeeded", "dunning_exhausted",
    "compliance_window", "compliance_warning", "pause_scheduled", "paused", "resumed", "pause_withdrawn"};

constexpr std::array<const char*, state_count> state_names = {
    "trialing", "pending_activation", "active", "pending_cancellation", "cancelled", "expired", "past_due", "paused"};

}  // namespace

const char* to_string(EventType t) { return event_names[static_cast<std::size_t>(t)]; }

const char* to_string(LineKind k) {
    static constexpr std::array<const char*, line_kind_count> names = {
        "period", "proration_credit", "proration_charge", "refund", "termination_fee"};
    return names[static_cast<std::size_t>(k)];
}

const char* to_string(InvoiceStatus s) {
    static constexpr std::array<const char*, invoice_status_count> names = {"paid", "open", "uncollectible"};
    return names[static_cast<std::size_t>(s)];
}
const char* to_string(State s) { return state_names[static_cast<std::size_t>(s)]; }

std::optional<EventType> event_type_from_string(std::string_view s) {
    for (std::size_t i = 0; i < event_names.size(); ++i)
        if (s == event_names[i]) return static_cast<EventType>(i);
    return std::nullopt;
}

std::optional<State> state_from_string(std::string_view s) {
    for (std::size_t i = 0; i < state_names.size(); ++i)
        if (s == state_names[i]) return static_cast<State>(i);
    return std::nullopt;
}

const DetailValue* Event::detail(std::string_view key) const {
    for (const Detail& d : details)
        if (d.key == key) return &d.value;
    return nullptr;
}

bool Result::all_expectations_passed() const {
    for (const ExpectationOutcome& e : expectations)
        if (!e.passed) return false;
    return true;
}

}  // namespace subsim
