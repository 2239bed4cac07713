// Reading subscriptions, actions and expectations: everything that refers back to the catalog.
#include <algorithm>
#include <string_view>
#include <vector>

#include "io/limits.hpp"
#include "io/scenario_parts.hpp"
#include "model/result.hpp"

namespace subsim {

void ScenarioParts::read_subscriptions(const Json& root) {
    const Json* list = r.array(root, "", "subscriptions", true, limits::subscriptions);
    if (!list) return;
    std::size_t lines = 0;
    const PointerPath at("/subscriptions");
    sc.subscriptions.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) read_subscription((*list)[i], at / i);
    for (const Subscription& s : sc.subscriptions) lines += s.plans.size();
    if (lines > limits::product_lines)
        r.error("/subscriptions", "the subscriptions hold " + std::to_string(lines) + " plans in all; the limit is " +
                                      std::to_string(limits::product_lines));
}

void ScenarioParts::read_subscription(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "a subscription")) return;
    r.only_keys(v, ptr, {"id", "plans", "start", "bundle", "number", "activation_required"},
                {"billing_day", "first_period"});
    Subscription s;
    s.id = r.string(v, ptr, "id", true).value_or("");
    if (const Json* list = r.array(v, ptr, "plans", true, limits::product_lines)) {
        if (list->empty()) r.error(ptr / "plans", "a subscription needs at least one plan");
        std::vector<Index> seen_products;
        seen_products.reserve(list->size());
        s.plans.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            const PointerPath at(ptr, "plans", i);
            const auto plan = resolve(plans, (*list)[i], at, "plan");
            if (!plan || *plan >= sc.catalog.plans.size()) continue;
            const Plan& p = sc.catalog.plans[*plan];
            if (std::find(seen_products.begin(), seen_products.end(), p.product) != seen_products.end()) {
                r.error(at, "two plans of this subscription are for the same product");
                continue;
            }
            const Plan* lead = s.plans.empty() ? nullptr : &sc.catalog.plans[s.plans.front()];
            const auto trial_length = [](const Plan* x) { return x->trial ? x->trial->length.iso() : "none"; };
            if (lead && trial_length(lead) != trial_length(&p))
                r.error(at, "all plans of a subscription share one anchor, so their trials must be the same length (" +
                                trial_length(lead) + " here, " + trial_length(&p) + " for this plan)");
            seen_products.push_back(p.product);
            s.plans.push_back(*plan);
        }
    }
    if (auto start = r.date(v, ptr, "start", true)) {
        s.start = *start;
        if (dates_ok && !within_horizon(*start))
            r.error(ptr / "start", "the subscription starts on " + start->iso() + ", outside the simulated range " +
                                        sc.start.iso() + " to " + sc.until.iso());
    }
    if (const Json* b = r.member(v, ptr, "bundle", false)) {
        s.bundle = resolve(bundles, *b, ptr / "bundle", "bundle");
        if (s.bundle && *s.bundle < sc.catalog.bundles.size())
            for (Index member : sc.catalog.bundles[*s.bundle].products) {
                const bool held = std::any_of(s.plans.begin(), s.plans.end(),
                                              [&](Index p) { return sc.catalog.plans[p].product == member; });
                if (!held)
                    r.error(ptr / "bundle", "the bundle includes " + in_quotes(sc.catalog.products[member].id) +
                                                 ", which none of this subscription's plans provides");
            }
    }
    s.number = r.string(v, ptr, "number", false);
    s.activation_required = r.boolean(v, ptr, "activation_required", false).value_or(false);
    if (r.version >= 2) align_subscription(s, v, ptr);
    if (register_id(subscriptions, v, sc.subscriptions.size(), ptr / "id", "subscription"))
        sc.subscriptions.push_back(std::move(s));
}

void ScenarioParts::read_actions(const Json& root) {
    const Json* list = r.array(root, "", "actions", false, limits::actions);
    if (!list) return;
    const PointerPath at("/actions");
    sc.actions.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) read_action((*list)[i], at / i);
}

namespace {

std::optional<ActionKind> action_named(std::string_view name) {
    for (ActionKind k : all_action_kinds)
        if (name == to_string(k)) return k;
    return std::nullopt;
}

// The names of the actions a file of `version` may take ("change_plan" and later need 2), in
// the order of all_action_kinds.
std::vector<std::string_view> action_names(int version) {
    std::vector<std::string_view> names;
    for (ActionKind k : all_action_kinds)
        if (format_version_of(k) <= version) names.push_back(to_string(k));
    return names;
}

bool acts_on_subscription(ActionKind k) {
    return k != ActionKind::add_payment_method && k != ActionKind::close_account && k != ActionKind::update_payment_method;
}
bool acts_on_products(ActionKind k) { return k == ActionKind::cancel || k == ActionKind::reactivate; }

// The keys an action of `kind` takes (all that any action takes while its kind is unknown).
void only_action_keys(FieldReader& r, const Json& v, const PointerPath& ptr, std::optional<ActionKind> kind) {
    if (!kind) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "products", "to", "separate_entity", "number"});
    else if (*kind == ActionKind::activate) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "number"});
    else if (*kind == ActionKind::change_plan)
        r.only_keys(v, ptr, {"on", "do", "by", "subscription", "to", "from", "timing", "proration", "reset_anchor"});
    else if (*kind == ActionKind::payment_fails) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "failures"});
    else if (*kind == ActionKind::pause) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "until", "cycles", "starts"});
    else if (*kind == ActionKind::transfer) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "to", "separate_entity"});
    else if (acts_on_products(*kind)) r.only_keys(v, ptr, {"on", "do", "by", "subscription", "products"});
    else if (acts_on_subscription(*kind)) r.only_keys(v, ptr, {"on", "do", "by", "subscription"});
    else r.only_keys(v, ptr, {"on", "do", "by"});
}

}  // namespace

// "do": one of the file version's actions; an action of version 2 in a version 1 file says so.
std::optional<ActionKind> ScenarioParts::read_action_kind(const Json& v, const PointerPath& ptr) {
    const Json* written = v.find("do");
    const std::optional<ActionKind> kind = written && written->is_string() ? action_named(written->text()) : std::nullopt;
    if (kind && format_version_of(*kind) <= r.version) return kind;  // (the list below only for an error)
    if (kind) {
        r.error(ptr / "do", "\"do\": \"" + std::string(written->text()) + "\" is not an action of a version 1 file: it needs \"subsim\": 2");
        return std::nullopt;
    }
    const auto name = r.choice(v, ptr, "do", true, action_names(r.version));
    return name ? action_named(*name) : std::nullopt;
}

void ScenarioParts::read_action(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "an action")) return;
    Action a;
    const std::optional<ActionKind> kind = read_action_kind(v, ptr);
    if (kind) a.kind = *kind;
    only_action_keys(r, v, ptr, kind);
    if (auto on = r.date(v, ptr, "on", true)) {
        a.on = *on;
        if (dates_ok && !within_horizon(*on))
            r.error(ptr / "on", "the action is on " + on->iso() + ", outside the simulated range " + sc.start.iso() +
                                     " to " + sc.until.iso());
    }
    if (const Json* by = kind == ActionKind::payment_fails ? nullptr : r.member(v, ptr, "by", false))
        if (resolve(users, *by, ptr / "by", "user")) a.by = by->text();
    if (kind && acts_on_subscription(*kind))
        if (const Json* s = r.member(v, ptr, "subscription", true))
            a.subscription = resolve(subscriptions, *s, ptr / "subscription", "subscription");
    if (kind && acts_on_products(*kind)) read_action_products(a, v, ptr);
    if (kind == ActionKind::transfer) {
        a.transfer_to = r.string(v, ptr, "to", true).value_or("");
        if (const Json* to = v.find("to"); to && to->is_string() && a.transfer_to.empty())
            r.error(ptr / "to", "\"to\" must name the receiving account");
        a.separate_entity = r.boolean(v, ptr, "separate_entity", false).value_or(false);
    }
    if (kind == ActionKind::activate) a.number = r.string(v, ptr, "number", false);
    if (kind == ActionKind::change_plan) read_change_plan(a, v, ptr);
    if (kind == ActionKind::payment_fails) read_payment_fails(r, a, v, ptr);
    if (kind == ActionKind::pause) read_pause(a, v, ptr);
    sc.actions.push_back(std::move(a));
}

// "products" of a cancel or reactivate: products the subscription holds, each once.
void ScenarioParts::read_action_products(Action& a, const Json& v, const PointerPath& ptr) {
    const Json* list = r.array(v, ptr, "products", false, limits::products);
    if (!list) return;
    if (list->empty()) r.error(ptr / "products", "list at least one product, or leave \"products\" out to act on the whole subscription");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const PointerPath at(ptr, "products", i);
        const auto product = resolve(products, (*list)[i], at, "product");
        if (!product || !a.subscription) continue;
        const Subscription& sub = sc.subscriptions[*a.subscription];
        const bool held = std::any_of(sub.plans.begin(), sub.plans.end(),
                                      [&](Index p) { return sc.catalog.plans[p].product == *product; });
        if (!held) r.error(at, "subscription " + in_quotes(sub.id) + " has no plan for product " + in_quotes((*list)[i].text()));
        else if (std::find(a.products.begin(), a.products.end(), *product) != a.products.end())
            r.error(at, "this product is listed twice");
        else a.products.push_back(*product);
    }
}

// SPEC-v2 §1.1: `to` is a plan of a product the subscription has; `from` a plan of the same product.
void ScenarioParts::read_change_plan(Action& a, const Json& v, const PointerPath& ptr) {
    if (const Json* to = r.member(v, ptr, "to", true)) a.to_plan = resolve(plans, *to, ptr / "to", "plan");
    if (const Json* from = r.member(v, ptr, "from", false)) a.from_plan = resolve(plans, *from, ptr / "from", "plan");
    a.timing = read_timing(r, v, ptr, "timing", false);
    if (auto p = r.choice(v, ptr, "proration", false, {"prorate", "full_credit", "none"})) a.proration = proration_named(*p);
    a.reset_anchor = r.boolean(v, ptr, "reset_anchor", false).value_or(false);
    if (!a.to_plan || *a.to_plan >= sc.catalog.plans.size()) return;
    const Index product = sc.catalog.plans[*a.to_plan].product;
    if (a.from_plan && *a.from_plan < sc.catalog.plans.size() && sc.catalog.plans[*a.from_plan].product != product)
        r.error(ptr / "from", "\"from\" is a plan of another product than \"to\"");
    if (!a.subscription || *a.subscription >= sc.subscriptions.size()) return;
    const Subscription& sub = sc.subscriptions[*a.subscription];
    const bool held = std::any_of(sub.plans.begin(), sub.plans.end(), [&](Index p) { return sc.catalog.plans[p].product == product; });
    if (!held)
        r.error(ptr / "to", "subscription " + in_quotes(sub.id) + " has no plan for the product of " +
                                 in_quotes(sc.catalog.plans[*a.to_plan].id) + "; a plan change stays within one product");
}

// SPEC-v2 §3.1: `until` (the last paused day, not before `on`) or `cycles` (1–1200), and `starts`.
void ScenarioParts::read_pause(Action& a, const Json& v, const PointerPath& ptr) {
    a.until = r.date(v, ptr, "until", false);
    if (auto c = r.integer(v, ptr, "cycles", false, 1, 1200)) a.cycles = static_cast<long>(*c);
    if (auto s = r.choice(v, ptr, "starts", false, {"end_of_period", "immediate"}))
        a.starts = *s == "immediate" ? PauseStart::immediate : PauseStart::end_of_period;
    if (v.contains("until") && v.contains("cycles"))
        r.error(ptr / "cycles", "give either \"until\" (the last paused day) or \"cycles\" (billing periods skipped), not both");
    if (a.until && *a.until < a.on)
        r.error(ptr / "until", "the pause would end on " + a.until->iso() + ", before it is asked for on " + a.on.iso());
}

void ScenarioParts::read_expectations(const Json& root) {
    const Json* list = r.array(root, "", "expect", false, limits::expectations);
    if (!list) return;
    const PointerPath at("/expect");
    sc.expectations.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) read_expectation((*list)[i], at / i);
}

namespace {

// The names of the states a file of `version` may expect, in the order of State.
std::vector<std::string_view> state_names(int version) {
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < state_count; ++i)
        if (format_version_of(static_cast<State>(i)) <= version) names.push_back(to_string(static_cast<State>(i)));
    return names;
}

}  // namespace

void ScenarioParts::read_expectation(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "an expectation")) return;
    if (v.contains("state")) {
        read_state_expectation(v, ptr);
    } else if (v.contains("event")) {
        read_event_expectation(v, ptr);
    } else if (v.contains("total_charged")) {
        r.only_keys(v, ptr, {"total_charged"});
        sc.expectations.push_back(TotalChargedExpectation{r.integer(v, ptr, "total_charged", true, 0, INT64_MAX).value_or(0)});
    } else if (r.version >= 2 && v.contains("total_credited")) {
        r.only_keys(v, ptr, {"total_credited"});
        sc.expectations.push_back(TotalCreditedExpectation{r.integer(v, ptr, "total_credited", true, 0, INT64_MAX).value_or(0)});
    } else if (r.version >= 2 && v.contains("total_unpaid")) {
        r.only_keys(v, ptr, {"total_unpaid"});
        sc.expectations.push_back(TotalUnpaidExpectation{r.integer(v, ptr, "total_unpaid", true, 0, INT64_MAX).value_or(0)});
    } else if (v.contains("total_credited") || v.contains("total_unpaid")) {
        r.error(ptr, "an expectation on \"total_credited\" or \"total_unpaid\" needs \"subsim\": 2");
    } else {
        r.error(ptr, "an expectation needs \"state\" (with \"on\" and \"subscription\"), \"event\", or \"total_charged\"");
    }
}

std::optional<Index> ScenarioParts::expected_subscription(const Json& v, const PointerPath& ptr, bool required) {
    const Json* s = r.member(v, ptr, "subscription", required);
    return s ? resolve(subscriptions, *s, ptr / "subscription", "subscription") : std::nullopt;
}

void ScenarioParts::read_state_expectation(const Json& v, const PointerPath& ptr) {
    r.only_keys(v, ptr, {"on", "subscription", "product", "state"});
    StateExpectation e;
    e.on = r.date(v, ptr, "on", true).value_or(Date{});
    e.subscription = expected_subscription(v, ptr, true).value_or(0);
    if (const Json* p = r.member(v, ptr, "product", false)) e.product = resolve(products, *p, ptr / "product", "product");
    if (r.version < 2 && v.find("state")->equals("paused")) r.error(ptr / "state", "the state \"paused\" needs \"subsim\": 2");
    else e.state = r.choice(v, ptr, "state", true, state_names(r.version)).value_or("");
    sc.expectations.push_back(e);
}

void ScenarioParts::read_event_expectation(const Json& v, const PointerPath& ptr) {
    r.only_keys(v, ptr, {"event", "subscription", "product", "on", "count", "absent"}, {"rule"});
    EventExpectation e;
    if (auto type = r.string(v, ptr, "event", true)) {
        const auto t = event_type_from_string(*type);
        if (t && r.version < 2 && *t >= EventType::plan_change_requested)
            r.error(ptr / "event", "event type " + in_quotes(*type) + " needs \"subsim\": 2");
        else if (t) e.type = *type;
        else r.error(ptr / "event", "unknown event type " + in_quotes(*type));
    }
    e.subscription = expected_subscription(v, ptr, false);
    if (const Json* p = r.member(v, ptr, "product", false)) {
        e.product_given = true;
        if (!p->is_null()) e.product = resolve(products, *p, ptr / "product", "product");
    }
    e.on = r.date(v, ptr, "on", false);
    e.count = r.integer(v, ptr, "count", false, 0, 10'000'000);
    e.absent = r.boolean(v, ptr, "absent", false).value_or(false);
    if (auto rule = r.string(v, ptr, "rule", false)) {
        if (rule_from_string(*rule)) e.rule = *rule;
        else r.error(ptr / "rule", "unknown rule " + in_quotes(*rule));
    }
    if (e.count && v.contains("absent")) r.error(ptr, "use either \"count\" or \"absent\", not both");
    sc.expectations.push_back(e);
}

}  // namespace subsim
