// SPEC-v2 §6.1: `billing_day` and `first_period`, on a plan or on a subscription. The
// subscription's value wins; otherwise the plans that set them must agree. Every plan of an
// aligned subscription, and its bundle, needs a month- or year-based period.
#include <algorithm>

#include "io/scenario_parts.hpp"

namespace subsim {
namespace {

std::string day_text(unsigned day) { return day == 31 ? std::string("31 (\"last\")") : std::to_string(day); }

}  // namespace

std::optional<unsigned> read_billing_day(FieldReader& r, const Json& v, const PointerPath& ptr) {
    const Json* day = r.member(v, ptr, "billing_day", false);
    if (!day) return std::nullopt;
    const PointerPath at(ptr, "billing_day");
    if (day->is_string()) {
        if (day->text() == "last") return 31U;
        r.error(at, "expected a day of the month from 1 to 31, or \"last\"; got " + in_quotes(day->text()));
        return std::nullopt;
    }
    if (!day->is_number_integer()) {
        r.error(at, "expected a day of the month from 1 to 31, or \"last\"; got " + describe_json_type(*day));
        return std::nullopt;
    }
    const auto n = day->integer();
    if (n < 1 || n > 31) {
        r.error(at, "expected a day of the month from 1 to 31, or \"last\"; got " + std::to_string(n));
        return std::nullopt;
    }
    return static_cast<unsigned>(n);
}

std::optional<bool> read_first_period_free(FieldReader& r, const Json& v, const PointerPath& ptr) {
    const auto mode = r.choice(v, ptr, "first_period", false, {"prorate", "free"});
    if (!mode) return std::nullopt;
    return *mode == "free";
}

void ScenarioParts::align_subscription(Subscription& s, const Json& v, const PointerPath& ptr) {
    const auto own_day = read_billing_day(r, v, ptr);
    const auto own_free = read_first_period_free(r, v, ptr);
    std::optional<unsigned> day = own_day;
    std::optional<bool> free = own_free;
    for (std::size_t i = 0; i < s.plans.size(); ++i) {
        const Plan& p = sc.catalog.plans[s.plans[i]];
        const PointerPath at(ptr, "plans", i);
        if (!own_day && p.billing_day) {
            if (day && *day != *p.billing_day)
                r.error(at, "the plans of this subscription set different billing days (" + day_text(*day) + " and " +
                                day_text(*p.billing_day) + "); set \"billing_day\" on the subscription to choose one");
            else day = p.billing_day;
        }
        if (!own_free && p.first_period_free) {
            if (free && *free != *p.first_period_free)
                r.error(at, "the plans of this subscription set different \"first_period\" values; set \"first_period\" on "
                            "the subscription to choose one");
            else free = p.first_period_free;
        }
    }
    if (!day) {
        if (own_free) r.error(ptr / "first_period", "\"first_period\" needs a \"billing_day\"");
        return;
    }
    for (std::size_t i = 0; i < s.plans.size(); ++i) {
        const Plan& p = sc.catalog.plans[s.plans[i]];
        if (!p.period.is_calendar())
            r.error(PointerPath(ptr, "plans", i), "a billing day needs month- or year-based periods; plan " +
                                                          in_quotes(p.id) + " is billed every " + p.period.iso());
    }
    if (s.bundle && *s.bundle < sc.catalog.bundles.size() && !sc.catalog.bundles[*s.bundle].period.is_calendar())
        r.error(ptr / "bundle", "a billing day needs month- or year-based periods; the bundle is billed every " +
                                     sc.catalog.bundles[*s.bundle].period.iso());
    s.billing_day = day;
    s.first_period_free = free.value_or(false);
}

}  // namespace subsim
