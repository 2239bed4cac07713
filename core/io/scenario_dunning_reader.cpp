// Reading `dunning` (SPEC-v2 §4.1), a key of a plan and of the account, and the dunning fields of
// the `payment_fails` action.
//
//   "dunning": { "retries": ["P3D", "P1W"], "on_exhausted": "expire" }  gives retries on the
//   invoice date + 3 and + 7 days, access kept; "retries": ["P5D", "P3D"] is an error at
//   /…/dunning/retries/1 (not after P5D).
#include "io/scenario_parts.hpp"

namespace subsim {
namespace {

constexpr std::size_t max_retries = 10;
constexpr long max_retry_days = 365;

// One retry offset: a day or week duration of 1 to 365 days.
std::optional<Duration> read_retry(FieldReader& r, const Json& value, const PointerPath& at) {
    const auto d = r.duration_value(value, at, false);
    if (!d) return std::nullopt;
    if (d->is_calendar()) {
        r.error(at, "a retry offset is counted in days or weeks (like P3D or P1W), not " + in_quotes(d->iso()));
        return std::nullopt;
    }
    if (d->base_units() > max_retry_days) {
        r.error(at, "a retry offset is at most P365D, not " + in_quotes(d->iso()));
        return std::nullopt;
    }
    return d;
}

std::vector<Duration> read_retries(FieldReader& r, const Json& list, const PointerPath& ptr) {
    std::vector<Duration> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const PointerPath at(ptr, i);
        const auto d = read_retry(r, list[i], at);
        if (!d) continue;
        if (!out.empty() && d->base_units() <= out.back().base_units())
            r.error(at, "retry offsets must increase: " + in_quotes(d->iso()) + " does not come after " +
                            in_quotes(out.back().iso()));
        else out.push_back(*d);
    }
    return out;
}

}  // namespace

std::optional<Dunning> read_dunning(FieldReader& r, const Json& owner, const PointerPath& owner_ptr) {
    const Json* v = r.member(owner, owner_ptr, "dunning", false);
    const PointerPath ptr(owner_ptr, "dunning");
    if (!v || !r.as_object(*v, ptr, "\"dunning\"")) return std::nullopt;
    r.only_keys(*v, ptr, {"retries", "on_exhausted", "access_during_dunning"});
    Dunning d;
    if (const Json* list = r.array(*v, ptr, "retries", false, max_retries)) d.retries = read_retries(r, *list, ptr / "retries");
    if (auto on = r.choice(*v, ptr, "on_exhausted", false, {"cancel", "expire", "keep_past_due"}))
        d.on_exhausted = *on == "expire" ? OnExhausted::expire : *on == "keep_past_due" ? OnExhausted::keep_past_due
                                                                                         : OnExhausted::cancel;
    d.access_during_dunning = r.boolean(*v, ptr, "access_during_dunning", false).value_or(true);
    return d;
}

void read_payment_fails(FieldReader& r, Action& a, const Json& v, const PointerPath& ptr) {
    if (v.contains("by")) r.error(ptr / "by", "a failed payment happens at the bank, not by a user's hand: leave \"by\" out", true);
    a.failures = r.integer(v, ptr, "failures", false, 1, 100);
}

}  // namespace subsim
