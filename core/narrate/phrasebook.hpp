#pragma once
// The phrasebook: every sentence template shown to a reader, in one table per locale
// (phrasebook_en.cpp, phrasebook_fr.cpp), keyed by a phrase id. Templates have named slots
// ("{subject}", "{last_day}") that the narrator fills with facts of the result, already
// formatted for the locale (dates, amounts, names).
//
// Slot vocabulary (the same in every table):
//   {subject} {Subject}   what the event is about ("subscription s1", « l’abonnement s1 »);
//                         {Subject} starts a sentence
//   {of_subject}          after "of" (English) / with its « de » (French: « de l’abonnement s1 »)
//   {to_subject}          after "to" (English) / with its « à » (French: « à l’abonnement s1 »)
//   {who} {Who}           who acted: the user's name, else the id as written, else the owner
//   {date} {effective} {access_until} {last_day} … dates; {amount} {cost} … amounts
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "narrate/format.hpp"

namespace subsim {

#define SUBSIM_PHRASES(X)                                                                           \
    /* what an event is about */                                                                    \
    X(subject_subscription) X(subject_subscription_of) X(subject_subscription_to)                   \
    X(subject_product) X(subject_product_of) X(subject_product_to)                                  \
    X(subject_account) X(subject_account_of) X(subject_account_to)                                  \
    X(who_owner) X(list_or)                                                                         \
    /* roles in words */                                                                            \
    X(role_owner) X(role_admin) X(role_billing_admin) X(role_billing_contact) X(role_org_admin)     \
    X(role_org_user) X(role_site_admin) X(role_shopper) X(role_employee) X(role_technician)         \
    X(role_agent) X(role_other)                                                                     \
    /* notice lengths */                                                                            \
    X(notice_day_one) X(notice_day_many) X(notice_week_one) X(notice_week_many)                     \
    X(notice_month_one) X(notice_month_many) X(notice_year_one) X(notice_year_many)                 \
    /* event sentences */                                                                           \
    X(started) X(started_activation_required) X(trial_started) X(trial_ending) X(trial_converted)   \
    X(trial_expired) X(invoice_first) X(invoice_after_trial) X(invoice_renewal) X(invoice_period)   \
    X(invoice_manual) X(renewed_auto) X(renewed_manual) X(reminder_renews) X(reminder_ends)         \
    X(cancel_requested) X(cancel_requested_closure) X(cancel_requested_requires)                   \
    X(cancel_requested_account) X(scheduled) X(scheduled_immediate) X(scheduled_notice_met)         \
    X(scheduled_notice_missed_one) X(scheduled_notice_missed_many) X(scheduled_notice_missed_partial)      \
    X(scheduled_notice_missed_later) X(periods_one) X(periods_many) X(still_charged) X(nothing_more_charged) X(scheduled_requires)            \
    X(scheduled_account) X(scheduled_next_period) X(scheduled_closure) X(scheduled_trial_end)       \
    X(cancel_effective) X(reactivated_active) X(reactivated_trial) X(reactivated_cascade) X(refused)                       \
    X(email_confirmation) X(expired) X(expired_grace) X(grace_ended) X(price_changed)               \
    X(account_closed) X(data_deleted) X(transfer_separate) X(transfer_same) X(transfer_completed)    \
    X(activated) X(activated_number)                                                                \
    /* actions in the infinitive, for refusals and answers */                                       \
    X(act_cancel) X(act_reactivate) X(act_add_payment_method) X(act_renew) X(act_close_account)     \
    X(act_transfer) X(act_activate)                                                                 \
    /* refusal reasons, each with what to do instead */                                             \
    X(reason_not_permitted) X(reason_account_closed) X(reason_transferred)                          \
    X(reason_already_cancelled) X(reason_cancelled) X(reason_too_late) X(reason_not_active) X(reason_activate_not_active) \
    X(reason_contact_support) X(reason_self_service) X(reason_trial_contact_support)                \
    X(reason_bundle_member) X(reason_reactivation_disabled) X(reason_not_pending)                   \
    X(reason_cycle_ended) X(reason_account_closing) X(reason_requires_cancelled)                    \
    X(reason_grace_ended) X(reason_renew_through_reseller) X(reason_auto_renewing)                  \
    X(reason_already_renewed) X(reason_transfer_pending) X(reason_already_active)                   \
    X(reason_wrong_number)                                                                          \
    /* what-if answers */                                                                           \
    X(answer_cancel) X(answer_cancel_now) X(answer_cancel_late) X(answer_refused)                   \
    X(answer_reactivate) X(answer_renew) X(answer_close_account) X(answer_transfer)                 \
    X(answer_add_payment_method) X(answer_activate) X(answer_nothing)                               \
    /* states in words (expectation lines) */                                                       \
    X(state_trialing) X(state_pending_activation) X(state_active) X(state_pending_cancellation)     \
    X(state_cancelled) X(state_expired) X(state_not_started)                                        \
    /* expectation lines */                                                                         \
    X(expect_state_ok) X(expect_state_failed) X(expect_event) X(expect_event_for) X(expect_event_on) \
    X(expect_event_ok) X(expect_event_absent_ok) X(expect_event_count_ok) X(expect_event_absent_failed) \
    X(expect_event_count_failed) X(expect_event_never) X(expect_event_elsewhere) X(expect_and_more)  \
    X(times_one) X(times_many) X(expect_total_ok) X(expect_total_failed)                             \
    X(timeline_period) X(timeline_invoices) X(timeline_final_state)                                 \
    /* format 2: plan changes, refunds, fees (SPEC-v2 §1, §2) */                                    \
    X(change_requested) X(change_back_requested) X(change_scheduled_now) X(change_scheduled_later)   \
    X(direction_upgrade) X(direction_downgrade) X(direction_lateral) X(plan_changed)                 \
    X(change_withdrawn_back) X(change_withdrawn_cancel) X(invoice_itemized) X(list_items) X(money_invoiced) X(money_credit_unused)   \
    X(money_credit_whole) X(money_charge_same_days) X(money_period) X(money_refund_unused)            \
    X(money_refund_whole) X(money_fee) X(act_change_plan) X(reason_not_current_plan)                 \
    X(reason_same_plan) X(reason_in_bundle) X(reason_multiple_plans) X(reason_upgrade_not_allowed)   \
    X(reason_downgrade_not_allowed) X(reason_ends_first) X(answer_change_plan)                       \
    X(answer_change_plan_later) X(expect_credited_ok) X(expect_credited_failed) X(expect_unpaid_ok)  \
    X(expect_unpaid_failed) X(expect_event_rule)                                                     \
    /* format 2: term-end actions and evergreen contracts (SPEC-v2 §5) */                           \
    X(evergreen_any_day) X(evergreen_grid) X(invoice_partial_last) X(ended_at_term_end)              \
    X(ended_after_renew_once) X(scheduled_evergreen) X(answer_cancel_evergreen)                      \
    /* format 2: failed payments and dunning (SPEC-v2 §4) */                                        \
    X(pay_failed_declined) X(pay_failed_no_method) X(pay_next_retry) X(pay_no_retry_left) \
    X(pay_ended_unpaid) X(pay_access_kept) X(pay_access_suspended) X(pay_retry_declined) \
    X(pay_retry_no_method) X(pay_retry_next) X(pay_retry_last) X(pay_retry_succeeded) \
    X(pay_recovered_update) X(pay_recovered_retry) X(exhausted_cancel) X(exhausted_expire) \
    X(exhausted_keep) X(cancelled_nonpayment) X(expired_nonpayment) X(reason_past_due) \
    X(act_update_payment_method) X(state_past_due) X(answer_payment_fails_recovered) \
    X(answer_payment_fails_ended) X(answer_payment_fails_written_off) \
    X(answer_payment_fails_open) X(answer_payment_fails_nothing) X(answer_update_payment_method) \
    X(answer_update_recovers) X(trial_converted_no_method)                                     \
    /* format 2: reader-relative dates (SPEC-v2 §8) */                                              \
    X(timeline_today) X(date_today) X(answer_cancel_today)                                         \
    /* format 2: consumer-law profiles (SPEC-v2 §7) */                                              \
    X(law_window_fr_reminder) X(law_window_fr_free) X(law_window_fr_free_open)                      \
    X(law_window_eu_withdrawal) X(law_window_ca_trial) X(law_window_ca_renewal)                     \
    X(law_warn_fr_reminder) X(law_warn_fr_reminder_none) X(law_warn_de_term) X(law_warn_de_extension) \
    X(law_warn_de_extension_old) X(law_warn_de_exit) X(law_warn_de_notice) X(law_warn_ca_trial)      \
    X(law_warn_ca_trial_none) X(law_warn_ca_renewal) X(law_warn_ca_renewal_none) X(law_and)          \
    X(law_scheduled_fr_free) X(law_scheduled_eu_withdrawal) X(withdraw_requested) X(act_withdraw)    \
    X(reason_no_withdrawal_right) X(reason_withdrawal_period_over) X(law_refunded)                   \
    X(answer_law_fr_free) X(answer_law_withdrawal)                                              \
    /* format 2: pause and resume (SPEC-v2 §3) */                                                   \
    X(pause_scheduled_later) X(pause_scheduled_now) X(pause_until) X(pause_cycles) X(pause_open)    \
    X(pause_started_until) X(pause_started_open) X(resumed_request) X(resumed_planned) X(resumed_max) \
    X(resume_keeps_day) X(resume_new_day) X(pause_withdrawn_resumed) X(pause_withdrawn_cancel)        \
    X(scheduled_while_paused) X(act_pause) X(act_resume) X(reason_trialing) X(reason_already_paused)  \
    X(reason_change_pending) X(reason_mixed_periods) X(reason_pause_not_allowed)                      \
    X(reason_ends_before_start) X(reason_pause_too_long) X(reason_not_paused) X(reason_paused)        \
    X(reason_pause_ends_first) X(answer_pause) X(answer_pause_credit) X(answer_resume)                \
    X(answer_resume_free) X(answer_resume_withdraw) X(state_paused) X(pause_until_max) X(pause_started_max) \
    /* format 2: billing-day alignment (SPEC-v2 §6) */                                              \
    X(invoice_aligned_first) X(invoice_aligned_after_trial) X(started_free_stub)

enum class Phrase {
#define SUBSIM_PHRASE_ENUM(id) id,
    SUBSIM_PHRASES(SUBSIM_PHRASE_ENUM)
#undef SUBSIM_PHRASE_ENUM
    count_
};

constexpr std::size_t phrase_count = static_cast<std::size_t>(Phrase::count_);

struct PhraseEntry {
    Phrase id;
    std::string_view text;
};

// The tables, in the order of SUBSIM_PHRASES (checked at compile time in each table's file).
extern const PhraseEntry phrasebook_en[phrase_count];
extern const PhraseEntry phrasebook_fr[phrase_count];

std::string_view phrase_id(Phrase p);  // "trial_started"
std::string_view phrase(Phrase p, Language lang);

using Slots = std::vector<std::pair<std::string_view, std::string>>;

// The template with every "{name}" replaced by its slot's value; French gets its elisions and
// contractions at the slot boundaries (« de actif » → « d’actif », « à le » → « au »).
std::string fill(Phrase p, Language lang, const Slots& slots);
// The same with one slot, `name` holding `value`, and no list made for it (a phrase of one slot
// is most of what an expectation's line says, made in every simulation with expectations).
std::string fill(Phrase p, Language lang, std::string_view name, std::string_view value);

template <std::size_t N>
constexpr bool in_phrase_order(const PhraseEntry (&table)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (table[i].id != static_cast<Phrase>(i)) return false;
    return N == phrase_count;
}

}  // namespace subsim
