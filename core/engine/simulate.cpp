#include "engine/simulate.hpp"

#include "engine/day.hpp"
#include "engine/dunning.hpp"
#include "engine/expectations.hpp"
#include "engine/simulation.hpp"
#include "engine/spans.hpp"
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

    sim.result.invoices.reserve(128);  // the events' capacity comes from an estimate (simulation.cpp)
    ActionAgenda agenda{scenario};
    for (Date day = scenario.start; day <= scenario.until && !sim.stopped();) {
        run_day(sim, day, agenda);
        day = stepping == Stepping::every_day ? day.plus_days(1) : next_day_to_visit(sim, day, agenda);
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
