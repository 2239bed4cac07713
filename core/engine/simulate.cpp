#include "engine/simulate.hpp"

#include <algorithm>

#include "engine/actions.hpp"
#include "engine/boundaries.hpp"
#include "engine/dunning.hpp"
#include "engine/expectations.hpp"
#include "engine/law_compliance.hpp"
#include "engine/reminders.hpp"
#include "engine/simulation.hpp"
#include "engine/spans.hpp"
#include "engine/start.hpp"
#include "engine/wakeup.hpp"

namespace subsim {
namespace {

void copy_ids(const Scenario& scenario, Result& result) {
    for (const Subscription& s : scenario.subscriptions) result.subscription_ids.push_back(s.id);
    for (const Product& p : scenario.catalog.products) result.product_ids.push_back(p.id);
    for (const Bundle& b : scenario.catalog.bundles) result.bundle_ids.push_back(b.id);
    for (const Plan& p : scenario.catalog.plans) result.plan_ids.push_back(p.id);
    result.version = scenario.version;
    result.currency = scenario.currency;
    result.today = scenario.today;
}

}  // namespace

Result simulate(const Scenario& scenario, Stepping stepping) {
    Simulation sim{scenario};
    copy_ids(scenario, sim.result);
    sim.account.payment_method = scenario.account.payment_method;
    for (Index i = 0; i < scenario.subscriptions.size(); ++i) sim.subs.push_back(prepare_run(scenario, i));

    // Actions run by date; on one date, in file order.
    std::vector<const Action*> agenda;
    for (const Action& a : scenario.actions) agenda.push_back(&a);
    std::stable_sort(agenda.begin(), agenda.end(), [](const Action* a, const Action* b) { return a->on < b->on; });

    // Roughly two events per billing boundary: growing the vectors in place avoids most moves.
    sim.result.events.reserve(256);
    sim.result.invoices.reserve(128);
    std::size_t next_action = 0;
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped();) {
        run_boundaries(sim, day);
        for (; next_action < agenda.size() && agenda[next_action]->on == day; ++next_action) {
            sim.current_action = static_cast<std::size_t>(agenda[next_action] - scenario.actions.data());
            run_action(sim, *agenda[next_action]);
            sim.current_action.reset();
        }
        collect_payments(sim, day);
        send_reminders(sim, day);
        run_law(sim, day);
        const std::optional<Date> action_ahead =
            next_action < agenda.size() ? std::optional<Date>{agenda[next_action]->on} : std::nullopt;
        day = stepping == Stepping::every_day ? day.plus_days(1) : next_day_to_visit(sim, day, action_ahead);
    }
    build_spans(sim);
    for (const Invoice& invoice : sim.result.invoices)
        for (const InvoiceLine& line : invoice.lines)
            if (line.amount.minor() < 0) sim.result.total_credited += Money{-line.amount.minor()};
    sim.result.total_unpaid = unpaid_total(sim.result);
    sim.result.account_closed = sim.account.closed;
    sim.result.expectations = check_expectations(scenario, sim.result);
    return std::move(sim.result);
}

}  // namespace subsim
