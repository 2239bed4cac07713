#include "narrate/context.hpp"

#include <algorithm>
#include <vector>

namespace subsim::narrate_detail {
namespace {

template <class U>
std::optional<std::string> user_name(const U& user) {
    if constexpr (requires { user.name; }) {
        if constexpr (requires { user.name.has_value(); }) return user.name;
        else return user.name.empty() ? std::nullopt : std::optional<std::string>(user.name);
    } else {
        return std::nullopt;
    }
}

Phrase role_phrase(const std::string& role) {
    struct Known { std::string_view id; Phrase phrase; };
    static constexpr Known known[] = {
        {"owner", Phrase::role_owner},           {"admin", Phrase::role_admin},
        {"billing_admin", Phrase::role_billing_admin}, {"billing_contact", Phrase::role_billing_contact},
        {"org_admin", Phrase::role_org_admin},   {"org_user", Phrase::role_org_user},
        {"site_admin", Phrase::role_site_admin}, {"shopper", Phrase::role_shopper},
        {"employee", Phrase::role_employee},     {"technician", Phrase::role_technician},
        {"agent", Phrase::role_agent}};
    for (const Known& k : known)
        if (k.id == role) return k.phrase;
    return Phrase::role_other;
}

}  // namespace

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    else if (s.rfind("à ", 0) == 0) s.replace(0, 2, "À");
    return s;
}

const ResultIndex& Context::index() const {
    if (index_) return *index_;
    auto built = std::make_shared<ResultIndex>();
    built->invoices_of.resize(sc.subscriptions.size());
    built->spans_of.resize(sc.subscriptions.size());
    for (std::size_t i = 0; i < result.invoices.size(); ++i)
        if (result.invoices[i].subscription < built->invoices_of.size()) built->invoices_of[result.invoices[i].subscription].push_back(i);
    for (std::size_t i = 0; i < result.spans.size(); ++i)
        if (result.spans[i].subscription < built->spans_of.size()) built->spans_of[result.spans[i].subscription].push_back(i);
    for (auto& list : built->invoices_of)
        std::stable_sort(list.begin(), list.end(),
                         [&](std::size_t a, std::size_t b) { return result.invoices[a].date < result.invoices[b].date; });
    index_ = std::move(built);
    return *index_;
}

const std::string& subscription_name(const Subscription& s) { return s.number && !s.number->empty() ? *s.number : s.id; }

const std::string& Context::subscription_name(std::size_t sub) const { return narrate_detail::subscription_name(sc.subscriptions[sub]); }

std::string Context::subject(std::optional<std::size_t> sub, std::optional<std::size_t> product, int form) const {
    static constexpr Phrase account[] = {Phrase::subject_account, Phrase::subject_account_of, Phrase::subject_account_to};
    static constexpr Phrase whole[] = {Phrase::subject_subscription, Phrase::subject_subscription_of,
                                       Phrase::subject_subscription_to};
    static constexpr Phrase part[] = {Phrase::subject_product, Phrase::subject_product_of, Phrase::subject_product_to};
    if (!sub) return say(account[form]);
    // (One slot, not a {plan}: say would be fill, with a list made for the slot and the name copied.)
    if (!product) return fill(whole[form], lang, "sub", name(subscription_name(*sub)));
    return say(part[form], {{"sub", name(subscription_name(*sub))}, {"product", name(sc.catalog.products[*product].name)}});
}

Slots Context::subject_slots(std::optional<std::size_t> sub, std::optional<std::size_t> product) const {
    const std::string plain = subject(sub, product);
    // A product name is written as the catalogue writes it: only phrase text is capitalised.
    return {{"subject", plain}, {"Subject", product ? plain : capitalised(plain)},
            {"of_subject", subject(sub, product, 1)}, {"to_subject", subject(sub, product, 2)}};
}

std::string Context::who(const std::optional<std::string>& user_id) const {
    if (!user_id) return say(Phrase::who_owner);
    for (const User& u : sc.account.users)
        if (u.id == *user_id) return name(user_name(u).value_or(u.id));
    return name(*user_id);
}

std::string Context::role(const std::string& r) const { return say(role_phrase(r), {{"role", name(r)}}); }

std::string Context::say(Phrase p, const Slots& slots) const {
    const auto is_plan_id = [&](const std::string& value) {
        return std::any_of(sc.catalog.plans.begin(), sc.catalog.plans.end(), [&](const Plan& plan) { return plan.id == value; });
    };
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i].first == "plan" && is_plan_id(slots[i].second)) {
            Slots named = slots;
            named[i].second = name(slots[i].second);
            return fill(p, lang, named);
        }
    return fill(p, lang, slots);
}

std::string Context::allowed(ActionKind kind) const {
    const std::size_t k = static_cast<std::size_t>(kind);
    const auto& listed = k < sc.permissions.roles_by_action.size() ? sc.permissions.roles_by_action[k] : std::nullopt;
    const std::vector<std::string> roles = listed && !listed->empty() ? *listed : std::vector<std::string>{"owner"};
    std::string out;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        std::string r = role(roles[i]);
        if (i > 0) {
            out += say(Phrase::list_or);
            // French: « c’est au propriétaire ou à un administrateur »: each role after the first
            // gets its own « à » (the first one's is in the template).
            if (lang == Language::fr) r = r.rfind("le ", 0) == 0 ? "au " + r.substr(3) : "à " + r;
        }
        out += r;
    }
    return out;
}

std::string Context::notice(std::string_view iso) const {
    if (iso.size() < 3 || iso[0] != 'P') return std::string(iso);
    const std::string n(iso.substr(1, iso.size() - 2));
    const char unit = iso.back();
    const bool one = n == "1";
    Phrase p = one ? Phrase::notice_day_one : Phrase::notice_day_many;
    if (unit == 'W') p = one ? Phrase::notice_week_one : Phrase::notice_week_many;
    if (unit == 'M') p = one ? Phrase::notice_month_one : Phrase::notice_month_many;
    if (unit == 'Y') p = one ? Phrase::notice_year_one : Phrase::notice_year_many;
    return say(p, {{"n", n}});
}

std::string Context::state(std::optional<State> s) const {
    if (!s) return say(Phrase::state_not_started);
    const std::string_view name = to_string(*s);
    if (name == "trialing") return say(Phrase::state_trialing);
    if (name == "pending_activation") return say(Phrase::state_pending_activation);
    if (name == "active") return say(Phrase::state_active);
    if (name == "pending_cancellation") return say(Phrase::state_pending_cancellation);
    if (name == "cancelled") return say(Phrase::state_cancelled);
    if (name == "past_due") return say(Phrase::state_past_due);
    if (name == "paused") return say(Phrase::state_paused);
    return say(Phrase::state_expired);
}

Slots event_slots(const Context& c, const Event& e, Slots extra) {
    Slots s = c.subject_slots(e.subscription, e.product);
    const std::optional<std::string> by = by_detail(e);
    const std::string who = c.who(by);
    s.push_back({"who", who});
    s.push_back({"Who", by ? who : capitalised(who)});
    for (auto& slot : extra) {
        // A plan's id copied from the event as it is (the plan-change events' from and to).
        const bool raw_id = (slot.first == "from" || slot.first == "to") && !slot.second.empty() &&
                            slot.second == text_detail(e, slot.first);
        if (raw_id) slot.second = c.name(slot.second);
        s.push_back(std::move(slot));
    }
    return s;
}

std::optional<Date> date_detail(const Event& e, std::string_view key) {
    const DetailValue* v = e.detail(key);
    if (v && std::holds_alternative<Date>(*v)) return std::get<Date>(*v);
    return std::nullopt;
}

std::string date_of(const Context& c, const Event& e, std::string_view key) {
    const std::optional<Date> d = date_detail(e, key);
    return d ? c.date(*d) : "";
}

std::string text_detail(const Event& e, std::string_view key) {
    const DetailValue* v = e.detail(key);
    const std::optional<std::string_view> text = v ? text_of(*v) : std::nullopt;
    return text ? std::string(*text) : "";
}

std::int64_t number_detail(const Event& e, std::string_view key) {
    const DetailValue* v = e.detail(key);
    return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : 0;
}

bool flag_detail(const Event& e, std::string_view key) {
    const DetailValue* v = e.detail(key);
    return v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
}

std::optional<std::string> by_detail(const Event& e) {
    const DetailValue* v = e.detail("by");
    if (const std::optional<std::string_view> text = v ? text_of(*v) : std::nullopt) return std::string(*text);
    return std::nullopt;
}

}  // namespace subsim::narrate_detail
