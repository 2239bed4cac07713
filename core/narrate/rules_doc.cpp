#include "narrate/rules_doc.hpp"

#include <initializer_list>

#include "model/rules.hpp"
#include "narrate/phrasebook.hpp"

namespace subsim {
namespace {

struct RulePhrases {
    Rule rule;
    std::initializer_list<Phrase> phrases;
};

using P = Phrase;
using R = Rule;

// The phrases the narrator chooses for the events and refusals of each rule.
const RulePhrases rule_phrases[] = {
    {R::subscription_start, {P::started}},
    {R::trial_start, {P::trial_started}},
    {R::trial_converted, {P::trial_converted, P::invoice_after_trial, P::trial_converted_no_method}},
    {R::trial_no_payment_method, {P::trial_expired}},
    {R::trial_cancel_immediate, {P::scheduled_immediate}},
    {R::trial_cancel_at_trial_end, {P::scheduled, P::scheduled_trial_end}},
    {R::trial_contact_support, {P::refused, P::reason_trial_contact_support}},
    {R::billing_first_period, {P::invoice_first}},
    {R::billing_period, {P::invoice_period}},
    {R::renewal_auto, {P::renewed_auto, P::invoice_renewal}},
    {R::renewal_manual, {P::renewed_manual, P::invoice_manual}},
    {R::renewal_grace_ended, {P::grace_ended, P::reason_grace_ended}},
    {R::renewal_reseller_channel, {P::reason_renew_through_reseller}},
    {R::renewal_not_active, {P::reason_not_active}},
    {R::renewal_auto_renewing, {P::reason_auto_renewing}},
    {R::renewal_already_renewed, {P::reason_already_renewed}},
    {R::renewal_already_cancelled, {P::reason_cancelled}},
    {R::term_expired, {P::expired, P::expired_grace}},
    {R::reminder_renewal, {P::reminder_renews, P::reminder_ends}},
    {R::reminder_trial_ending, {P::trial_ending}},
    {R::cancellation_immediate, {P::cancel_requested, P::scheduled_immediate}},
    {R::cancellation_end_of_period, {P::cancel_requested, P::scheduled, P::scheduled_notice_met, P::cancel_effective}},
    {R::cancellation_end_of_next_period, {P::scheduled, P::scheduled_next_period}},
    {R::cancellation_end_of_term, {P::scheduled, P::scheduled_notice_met}},
    {R::cancellation_confirmation, {P::email_confirmation}},
    {R::cancellation_already_cancelled, {P::reason_already_cancelled}},
    {R::cancellation_not_active, {P::reason_not_active}},
    {R::cancellation_requires_cascade, {P::cancel_requested_requires, P::scheduled_requires}},
    {R::cancellation_account_cascade, {P::cancel_requested_account, P::scheduled_account}},
    {R::notice_deadline_missed,
     {P::scheduled_notice_missed_one, P::scheduled_notice_missed_many, P::scheduled_notice_missed_partial,
      P::scheduled_notice_missed_later}},
    {R::self_service_disabled, {P::reason_self_service}},
    {R::bundle_members_not_cancellable, {P::reason_bundle_member}},
    {R::bundle_price_ends, {P::price_changed}},
    {R::permission_denied, {P::refused, P::reason_not_permitted}},
    {R::reactivation_withdrawn, {P::reactivated_active, P::reactivated_trial}},
    {R::reactivation_requires_cascade, {P::reactivated_cascade}},
    {R::reactivation_too_late, {P::reason_too_late}},
    {R::reactivation_cycle_ended, {P::reason_cycle_ended}},
    {R::reactivation_nothing_pending, {P::reason_not_pending}},
    {R::reactivation_account_closing, {P::reason_account_closing}},
    {R::reactivation_requires_cancelled, {P::reason_requires_cancelled}},
    {R::reactivation_disabled, {P::reason_reactivation_disabled}},
    {R::account_close, {P::cancel_requested_closure, P::scheduled_closure}},
    {R::account_closing, {P::scheduled_closure}},
    {R::account_closure, {P::account_closed}},
    {R::account_closed, {P::reason_account_closed}},
    {R::account_data_retention, {P::data_deleted}},
    {R::transfer_same_organization, {P::transfer_same}},
    {R::transfer_separate_entity, {P::transfer_separate}},
    {R::transfer_completed, {P::transfer_completed, P::reason_transferred}},
    {R::transfer_pending, {P::reason_transfer_pending}},
    {R::transfer_not_active, {P::reason_not_active}},
    {R::activation_required, {P::started_activation_required}},
    {R::activation_activated, {P::activated, P::activated_number}},
    {R::activation_not_active, {P::reason_activate_not_active}},
    {R::activation_already_active, {P::reason_already_active}},
    {R::activation_wrong_number, {P::reason_wrong_number}},
    {R::change_immediate, {P::change_requested, P::change_scheduled_now, P::plan_changed}},
    {R::change_end_of_period, {P::change_requested, P::change_scheduled_later, P::plan_changed}},
    {R::change_end_of_term, {P::change_requested, P::change_scheduled_later, P::plan_changed}},
    {R::change_trial, {P::change_requested, P::change_scheduled_now, P::plan_changed}},
    {R::change_withdrawn, {P::change_back_requested, P::change_withdrawn_back, P::change_withdrawn_cancel}},
    {R::change_reset_anchor, {P::invoice_itemized, P::money_period}},
    {R::proration_prorate, {P::invoice_itemized, P::money_credit_unused, P::money_charge_same_days}},
    {R::proration_full_credit, {P::invoice_itemized, P::money_credit_whole, P::money_period}},
    {R::change_already_cancelled, {P::reason_cancelled}},
    {R::change_not_active, {P::reason_not_active}},
    {R::change_not_current_plan, {P::reason_not_current_plan}},
    {R::change_same_plan, {P::reason_same_plan}},
    {R::change_in_bundle, {P::reason_in_bundle}},
    {R::change_multiple_plans, {P::reason_multiple_plans}},
    {R::change_upgrade_refused, {P::reason_upgrade_not_allowed}},
    {R::change_downgrade_refused, {P::reason_downgrade_not_allowed}},
    {R::change_ends_first, {P::reason_ends_first}},
    {R::refund_prorated, {P::invoice_itemized, P::money_refund_unused}},
    {R::refund_full, {P::invoice_itemized, P::money_refund_whole}},
    {R::fee_termination, {P::invoice_itemized, P::money_fee}},
    {R::term_evergreen, {P::evergreen_any_day, P::evergreen_grid}},
    {R::term_cancel_at_term_end, {P::ended_at_term_end}},
    {R::term_renew_once, {P::ended_after_renew_once}},
    {R::cancellation_evergreen, {P::scheduled, P::scheduled_evergreen, P::answer_cancel_evergreen}},
    {R::billing_partial_last_period, {P::invoice_partial_last, P::invoice_itemized, P::money_refund_unused}},
    {R::payment_declined, {P::pay_failed_declined, P::pay_retry_declined}},
    {R::payment_no_payment_method, {P::pay_failed_no_method, P::pay_retry_no_method}},
    {R::payment_retry_succeeded, {P::pay_retry_succeeded}},
    {R::payment_recovered, {P::pay_recovered_update, P::pay_recovered_retry}},
    {R::dunning_exhausted_cancel, {P::exhausted_cancel, P::cancelled_nonpayment}},
    {R::dunning_exhausted_expire, {P::exhausted_expire, P::expired_nonpayment}},
    {R::dunning_exhausted_keep_past_due, {P::exhausted_keep}},
    {R::change_past_due, {P::reason_past_due}},
    {R::law_fr_reminder_window, {P::law_window_fr_reminder, P::law_warn_fr_reminder, P::law_warn_fr_reminder_none}},
    {R::law_fr_free_termination,
     {P::law_window_fr_free, P::law_window_fr_free_open, P::law_scheduled_fr_free, P::money_refund_unused, P::answer_law_fr_free}},
    {R::law_de_initial_term, {P::law_warn_de_term}},
    {R::law_de_tacit_extension, {P::law_warn_de_extension, P::law_warn_de_extension_old}},
    {R::law_de_exit_after_initial_term, {P::law_warn_de_exit}},
    {R::law_de_initial_notice, {P::law_warn_de_notice}},
    {R::law_eu_withdrawal_period, {P::law_window_eu_withdrawal}},
    {R::law_eu_withdrawal,
     {P::withdraw_requested, P::law_scheduled_eu_withdrawal, P::money_refund_unused, P::answer_law_withdrawal}},
    {R::law_ca_trial_notice, {P::law_window_ca_trial, P::law_warn_ca_trial, P::law_warn_ca_trial_none}},
    {R::law_ca_renewal_notice, {P::law_window_ca_renewal, P::law_warn_ca_renewal, P::law_warn_ca_renewal_none}},
    {R::withdrawal_no_right, {P::refused, P::act_withdraw, P::reason_no_withdrawal_right}},
    {R::withdrawal_already_cancelled, {P::refused, P::act_withdraw, P::reason_cancelled}},
    {R::withdrawal_not_active, {P::refused, P::act_withdraw, P::reason_not_active}},
    {R::withdrawal_period_over, {P::refused, P::act_withdraw, P::reason_withdrawal_period_over}},
    {R::pause_end_of_period, {P::pause_scheduled_later, P::pause_until, P::pause_cycles, P::pause_open, P::pause_until_max, P::answer_pause}},
    {R::pause_immediate, {P::pause_scheduled_now, P::pause_until, P::pause_cycles, P::pause_open, P::answer_pause_credit}},
    {R::pause_started, {P::pause_started_until, P::pause_started_open, P::pause_started_max}},
    {R::pause_resumed, {P::resumed_planned, P::resume_keeps_day, P::resume_new_day}},
    {R::pause_resumed_by_request, {P::resumed_request, P::resume_keeps_day, P::resume_new_day, P::answer_resume}},
    {R::pause_max_reached, {P::resumed_max, P::resume_keeps_day, P::resume_new_day}},
    {R::pause_withdrawn, {P::pause_withdrawn_resumed, P::pause_withdrawn_cancel, P::answer_resume_withdraw}},
    {R::pause_unused_credit, {P::invoice_itemized, P::money_credit_unused, P::money_credit_whole}},
    {R::pause_cancelled_while_paused, {P::cancel_requested, P::scheduled_immediate, P::scheduled_while_paused, P::cancel_effective}},
    {R::pause_already_cancelled, {P::reason_cancelled}},
    {R::pause_not_active, {P::reason_not_active}},
    {R::pause_trialing, {P::reason_trialing}},
    {R::pause_already_paused, {P::reason_already_paused}},
    {R::pause_past_due, {P::reason_past_due}},
    {R::pause_change_pending, {P::reason_change_pending}},
    {R::pause_ends_first, {P::reason_pause_ends_first}},
    {R::pause_mixed_periods, {P::reason_mixed_periods}},
    {R::pause_not_allowed, {P::reason_pause_not_allowed}},
    {R::pause_ends_before_start, {P::reason_ends_before_start}},
    {R::pause_too_long, {P::reason_pause_too_long}},
    {R::resume_not_paused, {P::reason_not_paused}},
    {R::renewal_paused, {P::reason_paused}},
    {R::change_paused, {P::reason_paused}},
    {R::billing_aligned_first_period, {P::invoice_aligned_first, P::invoice_aligned_after_trial, P::started_free_stub}},
};

std::initializer_list<Phrase> phrases_of(Rule r) {
    for (const RulePhrases& rp : rule_phrases)
        if (rp.rule == r) return rp.phrases;
    return {};
}

std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

}  // namespace

std::string rules_markdown() {
    std::string out =
        "# Rule catalogue\n\n"
        "Generated by `subsim rules` from core/model/rules.hpp (rules) and core/narrate/phrasebook_en.cpp,\n"
        "phrasebook_fr.cpp (sentences); do not edit by hand. Every event of a result names one of these rules;\n"
        "its sentence is the template shown, its `{slots}` filled with the facts of the result.\n";
    for (const RuleInfo& r : rule_catalogue()) {
        out += "\n## `" + std::string(r.id) + "`\n\n";
        out += "SPEC " + std::string(r.spec) + " · source: " + (r.source.empty() ? std::string("—") : std::string(r.source)) + "\n\n";
        out += "| phrase | English | French |\n|---|---|---|\n";
        for (Phrase p : phrases_of(r.rule))
            out += "| `" + std::string(phrase_id(p)) + "` | " + cell(phrase(p, Language::en)) + " | " +
                   cell(phrase(p, Language::fr)) + " |\n";
    }
    return out;
}

}  // namespace subsim
