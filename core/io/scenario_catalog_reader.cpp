// Reading the top level, the catalog (products, plans, bundles), the account and permissions.
#include <algorithm>

#include "domain/money.hpp"
#include "io/limits.hpp"
#include "io/scenario_parts.hpp"

namespace subsim {
namespace {

constexpr std::int64_t max_price = 10'000'000'000;  // 10^10 minor units: no 100-year sum can overflow

bool is_currency_code(const std::string& s) {
    return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_locale(const std::string& s) {
    return (s.size() == 2 || (s.size() == 5 && s[2] == '-')) &&
           std::all_of(s.begin(), s.begin() + 2, [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

bool ScenarioParts::register_id(IdIndex& index, const Json& object, Index at, const PointerPath& ptr,
                                std::string_view what) {
    const Json* written = object.find("id");
    const std::string_view id = written && written->is_string() ? written->text() : std::string_view();  // as r.string read it
    if (id.empty()) {
        r.error(ptr, std::string(what) + " id cannot be empty");
        return false;
    }
    if (!index.insert(id, at)) {
        r.error(ptr, "duplicate " + std::string(what) + " id " + in_quotes(id) + ": ids must be unique");
        return false;
    }
    return true;
}

std::optional<Index> ScenarioParts::resolve(const IdIndex& index, const Json& value, const PointerPath& ptr,
                                            std::string_view what) {
    if (!value.is_string()) {
        r.error(ptr, "expected the id of a " + std::string(what) + " in quotes, not " + describe_json_type(value));
        return std::nullopt;
    }
    if (const auto it = index.find(value.text())) return it;
    r.error(ptr, "unknown " + std::string(what) + " id " + in_quotes(value.text()));
    return std::nullopt;
}

void ScenarioParts::read_top(const Json& root) {
    if (const Json* v = r.member(root, "", "subsim", true)) {
        if (v->is_number_integer() && (v->integer() == 1 || v->integer() == 2)) r.version = sc.version = static_cast<int>(v->integer());
        else r.error("/subsim", "\"subsim\" is the format version: expected 1 or 2, not " + describe_json_type(*v));
    }
    r.only_keys(root, "", {"$schema", "subsim", "title", "source", "locale", "currency", "start", "until", "holidays",
                           "catalog", "account", "permissions", "subscriptions", "actions", "expect", "jurisdiction"});
    if (r.version < 2 && root.contains("jurisdiction"))
        r.error("/jurisdiction", "unknown key \"jurisdiction\" in a version 1 file: it needs \"subsim\": 2", true);
    r.string(root, "", "$schema", false);
    if (r.version >= 2) read_jurisdiction(root);
    sc.title = r.string(root, "", "title", false).value_or("");
    sc.source = r.string(root, "", "source", false);
    if (auto locale = r.string(root, "", "locale", false)) {
        if (is_locale(*locale)) sc.locale = *locale;
        else r.error("/locale", "\"locale\" must be a language code like \"fr\" or \"en\", not " + in_quotes(*locale));
    }
    if (auto currency = r.string(root, "", "currency", true)) {
        if (is_currency_code(*currency)) sc.currency = *currency;
        else r.error("/currency", "\"currency\" must be a three-letter ISO 4217 code like \"EUR\", not " + in_quotes(*currency));
    }
    const auto start = r.date(root, "", "start", true);
    const auto until = r.date(root, "", "until", true);
    if (start && until) {
        if (*until < *start) {
            r.error("/until", "\"until\" (" + until->iso() + ") is before \"start\" (" + start->iso() + ")");
        } else if (Duration::months(12L * limits::horizon_years).after(*start) < *until) {
            r.error("/until", "the horizon is longer than " + std::to_string(limits::horizon_years) +
                                  " years: \"until\" must be on or before " +
                                  Duration::months(12L * limits::horizon_years).after(*start).iso());
        } else {
            sc.start = *start;
            sc.until = *until;
            dates_ok = true;
        }
    }
    if (const Json* list = r.array(root, "", "holidays", false, limits::holidays)) {
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto d = r.date_value((*list)[i], PointerPath("", "holidays", i))) sc.holidays.push_back(*d);
        std::sort(sc.holidays.begin(), sc.holidays.end());
        sc.holidays.erase(std::unique(sc.holidays.begin(), sc.holidays.end()), sc.holidays.end());
    }
}

void ScenarioParts::read_catalog(const Json& root) {
    const Json* v = r.member(root, "", "catalog", true);
    if (!v || !r.as_object(*v, "/catalog", "\"catalog\"")) return;
    r.only_keys(*v, "/catalog", {"products", "plans", "bundles"});
    if (const Json* list = r.array(*v, "/catalog", "products", true, limits::products)) {
        std::vector<std::optional<Index>> read(list->size());
        sc.catalog.products.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) read[i] = read_product((*list)[i], PointerPath("/catalog", "products", i));
        // Dependencies may name products listed later: resolve them once all are known.
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (!read[i] || !(*list)[i].contains("requires")) continue;
            const PointerPath product_at("/catalog", "products", i);
            resolve_requires(*(*list)[i].find("requires"), product_at / "requires", *read[i]);
        }
    }
    if (const Json* list = r.array(*v, "/catalog", "plans", true, limits::plans)) {
        sc.catalog.plans.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) read_plan((*list)[i], PointerPath("/catalog", "plans", i));
    }
    if (const Json* list = r.array(*v, "/catalog", "bundles", false, limits::bundles)) {
        sc.catalog.bundles.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) read_bundle((*list)[i], PointerPath("/catalog", "bundles", i));
    }
}

std::optional<Index> ScenarioParts::read_product(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "a product")) return std::nullopt;
    r.only_keys(v, ptr, {"id", "name", "requires", "cancels_account"});
    Product p;
    p.id = r.string(v, ptr, "id", true).value_or("");
    p.name = r.string(v, ptr, "name", true).value_or(p.id);
    if (const Json* c = r.member(v, ptr, "cancels_account", false)) {
        const PointerPath at(ptr, "cancels_account");
        if (c->is_boolean()) {
            p.cancels_account = c->boolean();
        } else if (c->is_object()) {
            r.only_keys(*c, at, {"if_account_created_before"});
            p.cancels_account = true;
            p.cancels_account_if_created_before = r.date(*c, at, "if_account_created_before", true);
        } else {
            r.error(at, "\"cancels_account\" must be true, false or { \"if_account_created_before\": \"YYYY-MM-DD\" }");
        }
    }
    if (!register_id(products, v, sc.catalog.products.size(), ptr / "id", "product")) return std::nullopt;
    sc.catalog.products.push_back(std::move(p));
    return sc.catalog.products.size() - 1;
}

void ScenarioParts::resolve_requires(const Json& list, const PointerPath& ptr, Index owner) {
    if (!list.is_array()) return r.error(ptr, "\"requires\" must be a list of product ids");
    if (list.size() > limits::products)
        return r.error(ptr, "\"requires\" has " + std::to_string(list.size()) + " items; the limit is " +
                                std::to_string(limits::products));
    for (std::size_t i = 0; i < list.size(); ++i) {
        const PointerPath at(ptr, i);
        const auto dependency = resolve(products, list[i], at, "product");
        if (!dependency) continue;
        if (*dependency == owner) r.error(at, "a product cannot require itself");
        else sc.catalog.products[owner].requires_products.push_back(*dependency);
    }
}

void ScenarioParts::read_trial(Plan& plan, const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "\"trial\"")) return;
    r.only_keys(v, ptr, {"length", "requires_payment_method", "cancel"});
    Trial trial;
    const auto length = r.duration(v, ptr, "length", true, false);
    trial.requires_payment_method = r.boolean(v, ptr, "requires_payment_method", false).value_or(false);
    if (auto mode = r.choice(v, ptr, "cancel", false, {"at_trial_end", "immediate", "contact_support"}))
        trial.cancel = *mode == "immediate" ? TrialCancel::immediate
                       : *mode == "contact_support" ? TrialCancel::contact_support
                                                    : TrialCancel::at_trial_end;
    if (!length) return;
    trial.length = *length;
    plan.trial = trial;
}

namespace {

CancellationPolicy policy_named(const std::string& name) {
    if (name == "immediate") return CancellationPolicy::immediate;
    if (name == "end_of_next_period") return CancellationPolicy::end_of_next_period;
    if (name == "end_of_term") return CancellationPolicy::end_of_term;
    return CancellationPolicy::end_of_period;
}

}  // namespace

void ScenarioParts::read_plan(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "a plan")) return;
    r.only_keys(v, ptr, {"id", "product", "price", "period", "trial", "term", "auto_renew", "renewal_term", "notice",
                         "cancellation", "reactivation", "renewal_grace", "self_service", "channel", "reminders"},
                {"rank", "change", "refund_on_immediate_cancel", "termination_fee", "at_term_end", "evergreen_period",
                 "evergreen_notice", "dunning", "pause", "billing_day", "first_period"});
    Plan plan;
    plan.id = r.string(v, ptr, "id", true).value_or("");
    if (const Json* product = r.member(v, ptr, "product", true))
        plan.product = resolve(products, *product, ptr / "product", "product").value_or(0);
    plan.price = Money{r.integer(v, ptr, "price", true, 0, max_price).value_or(0)};
    const auto period = r.duration(v, ptr, "period", true, false);
    if (const Json* trial = r.member(v, ptr, "trial", false)) read_trial(plan, *trial, ptr / "trial");
    const auto term = r.duration(v, ptr, "term", false, false);
    const auto renewal_term = r.duration(v, ptr, "renewal_term", false, false);
    plan.auto_renew = r.boolean(v, ptr, "auto_renew", false).value_or(true);
    plan.notice = r.duration(v, ptr, "notice", false, true).value_or(Duration::days(0));
    if (auto policy = r.choice(v, ptr, "cancellation", false,
                               {"immediate", "end_of_period", "end_of_next_period", "end_of_term"}))
        plan.cancellation = policy_named(*policy);
    plan.reactivation = r.boolean(v, ptr, "reactivation", false).value_or(true);
    plan.renewal_grace = r.duration(v, ptr, "renewal_grace", false, true).value_or(Duration::days(0));
    plan.self_service = r.boolean(v, ptr, "self_service", false).value_or(true);
    if (auto channel = r.choice(v, ptr, "channel", false, {"online", "reseller"}))
        plan.channel = *channel == "reseller" ? Channel::reseller : Channel::online;
    if (const Json* list = r.array(v, ptr, "reminders", false, limits::reminders_per_plan))
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto d = r.duration_value((*list)[i], PointerPath(ptr, "reminders", i), false))
                plan.reminders.push_back(*d);
    if (period) {
        plan.period = *period;
        plan.term = term.value_or(*period);
        plan.renewal_term = renewal_term.value_or(plan.term);
        if (term && !term->multiple_of(*period))
            r.error(ptr / "term", "the term (" + term->iso() + ") must be a whole number of billing periods (" +
                                       period->iso() + ")");
        if (renewal_term && !renewal_term->multiple_of(*period))
            r.error(ptr / "renewal_term", "the renewal term (" + renewal_term->iso() +
                                               ") must be a whole number of billing periods (" + period->iso() + ")");
    }
    if (r.version >= 2) read_plan_v2(plan, v, ptr);
    if (r.version >= 2) read_term_end(plan, v, ptr, renewal_term.has_value());
    if (r.version >= 2) read_pause_policy(plan, v, ptr);
    // A plan with errors is registered all the same, so references to it do not cascade into more errors.
    if (register_id(plans, v, sc.catalog.plans.size(), ptr / "id", "plan")) sc.catalog.plans.push_back(std::move(plan));
}

namespace {

ChangeTiming timing_named(const std::string& s) {
    if (s == "end_of_period") return ChangeTiming::end_of_period;
    if (s == "end_of_term") return ChangeTiming::end_of_term;
    if (s == "refused") return ChangeTiming::refused;
    return ChangeTiming::immediate;
}

}  // namespace

Proration proration_named(const std::string& s) {
    if (s == "full_credit") return Proration::full_credit;
    if (s == "none") return Proration::none;
    return Proration::prorate;
}

std::optional<ChangeTiming> read_timing(FieldReader& r, const Json& v, const PointerPath& ptr, std::string_view key,
                                        bool allow_refused) {
    const auto t = allow_refused ? r.choice(v, ptr, key, false, {"immediate", "end_of_period", "end_of_term", "refused"})
                                 : r.choice(v, ptr, key, false, {"immediate", "end_of_period", "end_of_term"});
    return t ? std::optional<ChangeTiming>(timing_named(*t)) : std::nullopt;
}

// SPEC-v2 §1.1 and §2.1: rank, change, refund_on_immediate_cancel, termination_fee.
void ScenarioParts::read_plan_v2(Plan& plan, const Json& v, const PointerPath& ptr) {
    plan.rank = r.integer(v, ptr, "rank", false, 0, 1'000'000);
    if (const Json* c = r.member(v, ptr, "change", false); c && r.as_object(*c, ptr / "change", "\"change\"")) {
        const PointerPath at(ptr, "change");
        r.only_keys(*c, at, {"upgrade", "downgrade", "proration"});
        plan.change.upgrade = read_timing(r, *c, at, "upgrade", true).value_or(ChangeTiming::immediate);
        plan.change.downgrade = read_timing(r, *c, at, "downgrade", true).value_or(ChangeTiming::immediate);
        if (auto p = r.choice(*c, at, "proration", false, {"prorate", "full_credit", "none"})) plan.change.proration = proration_named(*p);
    }
    if (auto refund = r.choice(v, ptr, "refund_on_immediate_cancel", false, {"none", "prorated", "full"}))
        plan.refund_on_immediate_cancel = *refund == "full" ? Refund::full : *refund == "prorated" ? Refund::prorated : Refund::none;
    plan.termination_fee = Money{r.integer(v, ptr, "termination_fee", false, 0, 10'000'000'000).value_or(0)};
    plan.dunning = read_dunning(r, v, ptr);
}

// SPEC-v2 §5.1: at_term_end, evergreen_period, evergreen_notice.
void ScenarioParts::read_term_end(Plan& plan, const Json& v, const PointerPath& ptr, bool explicit_renewal_term) {
    plan.evergreen_period = plan.period;
    plan.evergreen_notice = plan.notice;
    if (auto at = r.choice(v, ptr, "at_term_end", false, {"renew", "renew_once", "evergreen", "cancel"}))
        plan.at_term_end = *at == "renew_once" ? AtTermEnd::renew_once
                           : *at == "evergreen" ? AtTermEnd::evergreen
                           : *at == "cancel"    ? AtTermEnd::cancel
                                                : AtTermEnd::renew;
    const auto period = r.duration(v, ptr, "evergreen_period", false, false);
    const auto notice = r.duration(v, ptr, "evergreen_notice", false, true);
    const bool evergreen = plan.at_term_end == AtTermEnd::evergreen;
    if (plan.at_term_end != AtTermEnd::renew && !plan.auto_renew)
        r.error(ptr / "at_term_end", "\"at_term_end\" other than \"renew\" needs \"auto_renew\": true");
    if (period && !evergreen) r.error(ptr / "evergreen_period", "\"evergreen_period\" needs \"at_term_end\": \"evergreen\"");
    if (notice && !evergreen) r.error(ptr / "evergreen_notice", "\"evergreen_notice\" needs \"at_term_end\": \"evergreen\"");
    if (explicit_renewal_term && (evergreen || plan.at_term_end == AtTermEnd::cancel))
        r.error(ptr / "renewal_term", "no renewal term ever starts when \"at_term_end\" is \"evergreen\" or \"cancel\"");
    if (period) plan.evergreen_period = *period;
    if (notice) plan.evergreen_notice = *notice;
    plan.billing_day = read_billing_day(r, v, ptr);  // SPEC-v2 §6.1
    plan.first_period_free = read_first_period_free(r, v, ptr);
}

void ScenarioParts::read_bundle(const Json& v, const PointerPath& ptr) {
    if (!r.as_object(v, ptr, "a bundle")) return;
    r.only_keys(v, ptr, {"id", "name", "products", "price", "period", "members_cancellable"});
    Bundle bundle;
    bundle.id = r.string(v, ptr, "id", true).value_or("");
    bundle.name = r.string(v, ptr, "name", true).value_or(bundle.id);
    if (const Json* list = r.array(v, ptr, "products", true, limits::products)) {
        if (list->size() < 2) r.error(ptr / "products", "a bundle groups at least two products");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto product = resolve(products, (*list)[i], PointerPath(ptr, "products", i), "product");
            if (!product) continue;
            if (std::find(bundle.products.begin(), bundle.products.end(), *product) != bundle.products.end())
                r.error(PointerPath(ptr, "products", i), "this product is listed twice in the bundle");
            else bundle.products.push_back(*product);
        }
    }
    bundle.price = Money{r.integer(v, ptr, "price", true, 0, max_price).value_or(0)};
    bundle.period = r.duration(v, ptr, "period", true, false).value_or(Duration::months(1));
    bundle.members_cancellable = r.boolean(v, ptr, "members_cancellable", false).value_or(true);
    if (register_id(bundles, v, sc.catalog.bundles.size(), ptr / "id", "bundle"))
        sc.catalog.bundles.push_back(std::move(bundle));
}

// SPEC-v2 §7.1: "jurisdiction", one of four consumer-law profiles.
void ScenarioParts::read_jurisdiction(const Json& root) {
    const auto j = r.choice(root, "", "jurisdiction", false, {"FR", "DE", "EU", "US-CA"});
    if (!j) return;
    sc.jurisdiction = *j == "FR" ? Jurisdiction::fr : *j == "DE" ? Jurisdiction::de : *j == "EU" ? Jurisdiction::eu : Jurisdiction::us_ca;
}

// SPEC-v2 §3.1: the plan's `pause` { allowed, starts, max }.
void ScenarioParts::read_pause_policy(Plan& plan, const Json& v, const PointerPath& ptr) {
    const Json* p = r.member(v, ptr, "pause", false);
    if (!p || !r.as_object(*p, ptr / "pause", "\"pause\"")) return;
    const PointerPath at(ptr, "pause");
    r.only_keys(*p, at, {"allowed", "starts", "max"});
    plan.pause.allowed = r.boolean(*p, at, "allowed", false).value_or(true);
    if (auto s = r.choice(*p, at, "starts", false, {"end_of_period", "immediate"}))
        plan.pause.starts = *s == "immediate" ? PauseStart::immediate : PauseStart::end_of_period;
    plan.pause.max = r.duration(*p, at, "max", false, false);
}

}  // namespace subsim
