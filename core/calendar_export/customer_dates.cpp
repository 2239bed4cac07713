#include "calendar_export/customer_dates.hpp"

#include <algorithm>

#include "engine/cancellation_date.hpp"

namespace subsim {

namespace {

std::optional<OutputTitle> kind_of(EventType type) {
    switch (type) {
    case EventType::renewed: return OutputTitle::renewal;
    case EventType::trial_converted:
    case EventType::trial_expired: return OutputTitle::trial_end;
    case EventType::cancellation_effective:
    case EventType::expired:
    case EventType::grace_ended: return OutputTitle::access_end;
    default: return std::nullopt;
    }
}

bool is_manual(const Event& e) {
    const DetailValue* manual = e.detail("manual");
    return manual && std::holds_alternative<bool>(*manual) && std::get<bool>(*manual);
}

// The earliest deadline among the subscription's plans (the event's product's plan only when the
// renewal is a product's): the one date that stops the whole renewal.
std::optional<CustomerDate> deadline_before(const Scenario& scenario, const Event& renewal, std::size_t index) {
    if (!renewal.subscription || is_manual(renewal)) return std::nullopt;
    std::optional<CustomerDate> earliest;
    for (Index p : scenario.subscriptions[*renewal.subscription].plans) {
        const Plan& plan = scenario.catalog.plans[p];
        if (renewal.product && plan.product != *renewal.product) continue;
        const Date d = last_day_to_cancel(renewal.date, plan.notice);
        if (!earliest || d < earliest->date) earliest = CustomerDate{d, OutputTitle::last_day_to_cancel, index, plan.notice};
    }
    return earliest;
}

}  // namespace

Date last_day_to_cancel(Date renewal, const Duration& notice) {
    return std::min(notice_deadline(renewal, notice), renewal.plus_days(-1));
}

std::vector<CustomerDate> customer_dates(const Scenario& scenario, const Result& result) {
    std::vector<CustomerDate> dates;
    for (std::size_t i = 0; i < result.events.size(); ++i) {
        const Event& e = result.events[i];
        const auto kind = kind_of(e.type);
        if (!kind) continue;
        if (*kind == OutputTitle::renewal)
            if (auto deadline = deadline_before(scenario, e, i)) dates.push_back(*deadline);
        dates.push_back({e.date, *kind, i, std::nullopt});
    }
    std::stable_sort(dates.begin(), dates.end(), [](const CustomerDate& a, const CustomerDate& b) { return a.date < b.date; });
    return dates;
}

}  // namespace subsim
