#pragma once
// The context one simulate() call threads through its phases: the scenario, the run state and
// the output being built. Each phase (boundaries, actions, reminders) is a free function on it.
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/maybe_index.hpp"
#include "engine/reactivation.hpp"
#include "engine/run_state.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {

// Output beyond this many events plus invoice lines stops the run with an error (docs/limits.md).
inline constexpr std::size_t max_output_records = 1'000'000;

struct Simulation {
    const Scenario& scenario;
    std::vector<SubscriptionRun> subs;
    AccountRun account;
    Result result;
    std::size_t records = 0;
    // No paid line that still runs on a date E was invoiced more than this many days before E: a
    // period, or a term prepaid by hand during the term before it (bounds the scans of format 2).
    long longest_line_days = 0;
    // The action being run (its index in scenario.actions): events emitted meanwhile carry it.
    std::optional<std::size_t> current_action;
    // Per catalog product, the products whose `requires` lists it (each once): cascades follow
    // these instead of searching every line's requires list.
    std::vector<std::vector<Index>> dependents;
    // Storage a `cancel` reuses from the last for its `requires` cascade (cancellation.cpp).
    CascadeScratch cascade_scratch;
    // Storage a `reactivate` reuses from the last (reactivation.hpp).
    ReactivationScratch reactivation_scratch;
    // Set by a rule while what it does only moves a term end forward and bills (KeepsReminderDates,
    // renewal.cpp): the subscriptions it touches keep their reminder and scheduled dates (wakeup_state.hpp).
    bool keeps_reminder_dates = false;

    // Ready for its first day: every subscription's run prepared (start.hpp), the account's payment method.
    explicit Simulation(const Scenario& s);

    bool stopped() const { return result.limit_exceeded.has_value(); }
    void count_record() { count_records(1); }
    // n records at once (an invoice's lines); only passing the limit takes the call out of line.
    void count_records(std::size_t n) {
        records += n;
        if (records > max_output_records) stop_at_limit();
    }

    // A new event without details, counted, its subscription touched (unless a reminder's).
    Event& emit(Date date, EventType type, MaybeIndex sub, MaybeIndex product, Rule rule) {
        return new_event(date, type, sub, product, rule);
    }
    // The same for details written in place, `{{"amount", ...}}`: the pairs are copied into the
    // event itself, never into a Details of their own first (the overload a braced list picks).
    Event& emit(Date date, EventType type, MaybeIndex sub, MaybeIndex product, Rule rule,
                std::initializer_list<Detail> details);
    // The same with the pairs constructed in the event itself: Pair{"by", actor(...)}, ... (no
    // braced list to build, copy and destroy first).
    template <class V, class... More>
    Event& emit(Date date, EventType type, MaybeIndex sub, MaybeIndex product, Rule rule,
                Pair<V>&& first, Pair<More>&&... more) {
        Event& e = new_event(date, type, sub, product, rule);
        e.details.fill_new(std::move(first), std::move(more)...);
        return e;
    }
    // A new invoice of `lines` (their amounts sum to `amount`), built in place in the result. It
    // does not touch the subscription: its `invoice` event, emitted first, does.
    void add_invoice(Date date, Index subscription, Money amount, InvoiceLines&& lines);
    // Every state change becomes part of a span: it counts towards the output limit too.
    void change_state(ProductLine& line, Date on, State state);
    // Something happened to a subscription (or to all): the lookahead computes its dates again
    // (wakeup_state.hpp). emit and change_state call these themselves.
    void touch(MaybeIndex sub);
    void touch_all();

private:
    void stop_at_limit();  // records passed max_output_records: the run stops with the error
    void grow_events();    // room for more events (twice as many), when the estimate fell short
    void grow_invoices();  // the same for invoices
    // Sets wakeup.touched, and wakeup.reminders_touched and scheduled_touched (and drops
    // billing_kept) unless keeps_reminder_dates.
    void mark_touched(WakeupState& wakeup);
    // A new event without details, counted, its subscription touched.
    Event& new_event(Date date, EventType type, MaybeIndex sub, MaybeIndex product, Rule rule);
};

}  // namespace subsim
