#pragma once
// The account (SPEC §2.2, §3 "Account closure"): its payment method, its closure (ZENDESK:
// effective at the end of the cycle, then data deletion after the retention) and the tier-1
// cascade's closing date.
//
//   `close_account` on 2025-03-10, monthly plan anchored on the 1st, data_retention P30D:
//   account_closed on 2025-04-01 (data_deleted_on 2025-05-01), data_deleted on 2025-05-01.
#include <optional>

#include "domain/date.hpp"

namespace subsim {

struct Action;
struct Simulation;

// The account slice of a run.
struct AccountRun {
    bool payment_method = false;
    std::optional<Date> closing_on;
    bool closed = false;
    std::optional<Date> data_deleted_on;
};

// Boundary step "account closure": closes the account if its closure falls on `day`.
void close_account_if_due(Simulation& sim, Date day);

// Boundary step "data deletion".
void delete_data_if_due(Simulation& sim, Date day);

// The `close_account` action: every subscription ends at its term end (trials at their end).
void close_account(Simulation& sim, const Action& action);

// The `add_payment_method` action (no event; a trial then converts).
void add_payment_method(Simulation& sim, const Action& action);

}  // namespace subsim
