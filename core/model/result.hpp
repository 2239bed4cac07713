#pragma once
// What the engine computes (SPEC §4): events, state spans, invoices, a summary and the checked
// expectations. Ids are kept as indices into the scenario; the id tables travel with the result
// so that printers need nothing else.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "model/line_pool.hpp"
#include "model/details.hpp"
#include "model/rules.hpp"

namespace subsim {

enum class EventType {
    subscription_started, trial_started, trial_ending, trial_converted, trial_expired, invoice,
    renewed, renewal_reminder, cancellation_requested, cancellation_scheduled,
    cancellation_effective, reactivated, action_refused, email, expired, grace_ended,
    price_changed, account_closed, data_deleted, transfer_requested, transfer_completed, activated,
    // Format version 2 (SPEC-v2 §1.8)
    plan_change_requested, plan_change_scheduled, plan_changed, plan_change_withdrawn,
    // SPEC-v2 §5.4
    evergreen_started,
    // SPEC-v2 §4.6
    payment_failed, payment_retry, payment_succeeded, dunning_exhausted,
    // SPEC-v2 §7.2
    compliance_window, compliance_warning,
    // SPEC-v2 §3.6
    pause_scheduled, paused, resumed, pause_withdrawn
};
// Keep `pause_withdrawn` last, or move event_type_count with the last enumerator.
inline constexpr std::size_t event_type_count = static_cast<std::size_t>(EventType::pause_withdrawn) + 1;

// pending_activation: bought from a third party, not activated yet (SPEC §2.3); nothing provided.
// past_due (format 2, SPEC-v2 §0.4): an overlay shown over the kept state while in dunning.
// paused (format 2, SPEC-v2 §0.4): an overlay shown over the kept underlying state; it shows over past_due.
enum class State { trialing, pending_activation, active, pending_cancellation, cancelled, expired, past_due, paused };
inline constexpr std::size_t state_count = static_cast<std::size_t>(State::paused) + 1;
// The first format version that has the state (SPEC-v2 §0.4): past_due and paused need "subsim": 2.
inline constexpr int format_version_of(State s) { return s >= State::past_due ? 2 : 1; }

// Several products in different states: a subscription shows the liveliest one (docs/semantics.md).
using StatesSeen = std::array<bool, state_count>;
// Inline: its callers keep the optional in registers. Out of line, GCC built the returned optional
// in memory in two parts and read it back as one wider load, which waits for both stores.
inline std::optional<State> liveliest_state(const StatesSeen& seen) {
    // pending_activation after active: {pending_activation, pending_cancellation} arises when one
    // product of a never-activated subscription is cancelled; the subscription still awaits activation.
    constexpr State liveliest_first[] = {State::trialing, State::active, State::pending_activation,
                                         State::past_due, State::pending_cancellation, State::paused,
                                         State::expired, State::cancelled};
    for (State s : liveliest_first)
        if (seen[static_cast<std::size_t>(s)]) return s;
    return std::nullopt;
}

const char* to_string(EventType t);
const char* to_string(State s);
std::optional<EventType> event_type_from_string(std::string_view s);
std::optional<State> state_from_string(std::string_view s);

struct Event {
    // User-provided, so that `events.emplace_back()` leaves the details' unused inline storage
    // alone instead of zero-filling the whole event first (value-initialisation of an aggregate).
    Event() {}
    Event(Date d, EventType t, std::optional<std::size_t> sub, std::optional<std::size_t> prod, Details det, Rule r,
          std::optional<std::size_t> act)
        : date(d), type(t), subscription(sub), product(prod), details(std::move(det)), rule(r), action(act) {}

    Date date;
    EventType type = EventType::subscription_started;
    std::optional<std::size_t> subscription;
    std::optional<std::size_t> product;  // catalog product index
    Details details;  // in the event itself up to three pairs (model/details.hpp)
    Rule rule{};  // from the catalogue (model/rules.hpp), e.g. Rule::cancellation_end_of_period
    // The scenario action (its index in `actions`) that produced this event; none for the
    // calendar's own events. Not part of the JSON result: the what-if answers use it.
    std::optional<std::size_t> action;

    const DetailValue* detail(std::string_view key) const;
};

struct Span {
    std::size_t subscription;
    std::size_t product;
    State state;
    Date from;
    Date to;
};

// What an invoice line is for (SPEC-v2 §0.3); written in format 2 only.
enum class LineKind { period, proration_credit, proration_charge, refund, termination_fee };
inline constexpr std::size_t line_kind_count = static_cast<std::size_t>(LineKind::termination_fee) + 1;
const char* to_string(LineKind k);

// Invoice status (SPEC-v2 §0.3). Without dunning every invoice is paid on its own date.
enum class InvoiceStatus { paid, open, uncollectible };
inline constexpr std::size_t invoice_status_count = static_cast<std::size_t>(InvoiceStatus::uncollectible) + 1;
const char* to_string(InvoiceStatus s);

struct InvoiceLine {
    std::optional<std::size_t> product;
    std::optional<std::size_t> bundle;
    Date from;
    Date to;
    Money amount;
    std::optional<std::size_t> plan = std::nullopt;  // catalog plan index; null for a bundle line
    LineKind kind = LineKind::period;
    // Not written: the nominal span's start and its number of periods (SPEC-v2 §0.2), which a
    // later proration of this line needs. A regular period: nominal_from == from, periods 1.
    std::optional<Date> nominal_from = std::nullopt;
    long periods = 1;
    // Not written: a later change or refund already credited this line's unused part (or all of
    // it), so it no longer counts as paid time (SPEC-v2 §1.5, §2.3).
    bool superseded = false;
};

// An invoice's lines: in the simulation's LinePool (model/line_pool.hpp) when the engine bills them.
using InvoiceLines = std::vector<InvoiceLine, LineAllocator<InvoiceLine>>;

struct Invoice {
    Date date;
    std::size_t subscription;
    Money amount;
    InvoiceLines lines;
    InvoiceStatus status = InvoiceStatus::paid;
    std::optional<Date> paid_on = std::nullopt;  // none: paid on `date` (format 2 writes it)
};

// What checking one `expect` entry (scenario.expectations[index]) found. The narrator words it
// (narrate_expectation); `message` is that line in the scenario's locale, for the JSON result.
struct ExpectationOutcome {
    std::size_t index = 0;
    bool passed = false;
    std::optional<State> state;       // state expectation: the state found on that date
    std::int64_t count = 0;           // event expectation: matching events (on that date when given)
    std::int64_t count_any_date = 0;  // event expectation: matching events on any date
    std::vector<Date> first_dates;    // … and the first (at most three) of those dates
    std::int64_t total_charged = 0;   // total expectations: the total found
    std::string message;
};

struct Result {
    int version = 1;  // the scenario's format version: chooses the JSON shape (SPEC-v2 §9)
    std::vector<std::string> subscription_ids;
    std::vector<std::string> product_ids;
    std::vector<std::string> bundle_ids;
    std::vector<std::string> plan_ids;
    std::string currency;
    std::optional<Date> today;  // format 2: the reference date when the scenario used a relative date (SPEC-v2 §8.2)

    std::vector<Event> events;
    std::vector<Span> spans;
    // The storage of the invoices' lines (declared before them: destroyed after them). Shared by the
    // copies of a result, whose own lines are on the heap.
    std::shared_ptr<LinePool> line_pool;
    std::vector<Invoice> invoices;
    Money total_charged;
    Money total_credited;  // format 2: the magnitudes of the negative lines
    Money total_unpaid;    // format 2: open or uncollectible invoices (none before dunning)
    std::vector<std::optional<State>> final_states;  // per subscription, on `until`
    bool account_closed = false;
    std::vector<ExpectationOutcome> expectations;

    // Set when the scenario would exceed an output limit; the rest of the result is then partial.
    std::optional<std::string> limit_exceeded;

    bool all_expectations_passed() const;
};

}  // namespace subsim
