// Refusals: why the action was refused and who may do it instead or what to do (SPEC §4.1),
// as the source articles advise: contact support, renew through the reseller, let the trial
// expire, buy a new subscription, ask a role the permissions allow.
#include "narrate/names.hpp"
#include "narrate/sentences.hpp"

namespace subsim::narrate_detail {
namespace {

Phrase contact_support_phrase(Rule rule) {
    switch (rule) {
        case Rule::self_service_disabled: return Phrase::reason_self_service;
        case Rule::trial_contact_support: return Phrase::reason_trial_contact_support;
        case Rule::bundle_members_not_cancellable: return Phrase::reason_bundle_member;
        case Rule::reactivation_disabled: return Phrase::reason_reactivation_disabled;
        default: return Phrase::reason_contact_support;
    }
}

Phrase reason_phrase(Reason reason, Rule rule, std::string_view action) {
    switch (reason) {
        case Reason::not_permitted: return Phrase::reason_not_permitted;
        case Reason::account_closed: return Phrase::reason_account_closed;
        case Reason::transferred: return Phrase::reason_transferred;
        case Reason::already_cancelled:
            if (action == "reactivate") return Phrase::reason_too_late;
            return action == "cancel" ? Phrase::reason_already_cancelled : Phrase::reason_cancelled;
        case Reason::not_active: return action == "activate" ? Phrase::reason_activate_not_active : Phrase::reason_not_active;
        case Reason::contact_support: return contact_support_phrase(rule);
        case Reason::not_pending: return Phrase::reason_not_pending;
        case Reason::cycle_ended: return Phrase::reason_cycle_ended;
        case Reason::account_closing: return Phrase::reason_account_closing;
        case Reason::requires_cancelled: return Phrase::reason_requires_cancelled;
        case Reason::grace_ended: return Phrase::reason_grace_ended;
        case Reason::renew_through_reseller: return Phrase::reason_renew_through_reseller;
        case Reason::auto_renewing: return Phrase::reason_auto_renewing;
        case Reason::already_renewed: return Phrase::reason_already_renewed;
        case Reason::transfer_pending: return Phrase::reason_transfer_pending;
        case Reason::already_active: return Phrase::reason_already_active;
        case Reason::wrong_number: return Phrase::reason_wrong_number;
        case Reason::not_current_plan: return Phrase::reason_not_current_plan;
        case Reason::same_plan: return Phrase::reason_same_plan;
        case Reason::in_bundle: return Phrase::reason_in_bundle;
        case Reason::multiple_plans: return Phrase::reason_multiple_plans;
        case Reason::upgrade_not_allowed: return Phrase::reason_upgrade_not_allowed;
        case Reason::downgrade_not_allowed: return Phrase::reason_downgrade_not_allowed;
        case Reason::ends_first: return action == "pause" ? Phrase::reason_pause_ends_first : Phrase::reason_ends_first;
        case Reason::past_due: return Phrase::reason_past_due;
        case Reason::no_withdrawal_right: return Phrase::reason_no_withdrawal_right;
        case Reason::withdrawal_period_over: return Phrase::reason_withdrawal_period_over;
        case Reason::trialing: return Phrase::reason_trialing;
        case Reason::already_paused: return Phrase::reason_already_paused;
        case Reason::change_pending: return Phrase::reason_change_pending;
        case Reason::mixed_periods: return Phrase::reason_mixed_periods;
        case Reason::pause_not_allowed: return Phrase::reason_pause_not_allowed;
        case Reason::ends_before_start: return Phrase::reason_ends_before_start;
        case Reason::pause_too_long: return Phrase::reason_pause_too_long;
        case Reason::not_paused: return Phrase::reason_not_paused;
        case Reason::paused: return Phrase::reason_paused;
    }
    return Phrase::reason_contact_support;
}

Phrase action_phrase(std::string_view action) {
    if (action == "cancel") return Phrase::act_cancel;
    if (action == "reactivate") return Phrase::act_reactivate;
    if (action == "add_payment_method") return Phrase::act_add_payment_method;
    if (action == "renew") return Phrase::act_renew;
    if (action == "close_account") return Phrase::act_close_account;
    if (action == "transfer") return Phrase::act_transfer;
    if (action == "change_plan") return Phrase::act_change_plan;
    if (action == "update_payment_method") return Phrase::act_update_payment_method;
    if (action == "withdraw") return Phrase::act_withdraw;
    if (action == "pause") return Phrase::act_pause;
    if (action == "resume") return Phrase::act_resume;
    return Phrase::act_activate;
}

}  // namespace

std::optional<ActionKind> action_kind(std::string_view name) {
    const std::vector<std::string> names = action_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<ActionKind>(i);
    return std::nullopt;
}

std::string action_words(const Context& c, std::string_view action, const Event& e) {
    return c.say(action_phrase(action), {{"subject", c.subject(e.subscription, e.product)}});
}

std::string refusal_reason(const Context& c, const Event& e) {
    const std::string action = text_detail(e, "action");
    const std::optional<Reason> reason = reason_from_string(text_detail(e, "reason"));
    if (!reason) return text_detail(e, "reason") + ".";
    const std::optional<ActionKind> kind = action_kind(action);
    Slots slots = {{"allowed", kind ? c.allowed(*kind) : c.role("owner")}};
    if (*reason == Reason::pause_too_long && e.subscription && *e.subscription < c.sc.subscriptions.size()) {
        const Plan& lead = c.sc.catalog.plans[c.sc.subscriptions[*e.subscription].plans.front()];
        if (lead.pause.max) slots.push_back({"max", c.notice(lead.pause.max->iso())});  // the plan's longest pause
    }
    return c.say(reason_phrase(*reason, e.rule, action), slots);
}

std::string refused(const Context& c, const Event& e) {
    return c.say(Phrase::refused, event_slots(c, e, {{"action", action_words(c, text_detail(e, "action"), e)},
                                                      {"reason", refusal_reason(c, e)}}));
}

}  // namespace subsim::narrate_detail
