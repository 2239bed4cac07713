#pragma once
// The sentence families of the narrator (internal to core/narrate): each file words one family
// from the phrasebook — events (event_sentences.cpp), cancellations and what they cost
// (cancellation_sentences.cpp), refusals and their advice (refusal_sentences.cpp), what-if
// answers (answer_sentences.cpp), expectation lines (expectation_lines.cpp).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "narrate/context.hpp"

namespace subsim::narrate_detail {

std::string cancellation_requested(const Context& c, const Event& e);
std::string cancellation_scheduled(const Context& c, const Event& e);
std::string cancellation_effective(const Context& c, const Event& e);

// Calls visit(invoice index, line index) for each invoice line of `product` (none: every line;
// a suite's line is not one product's cost) of subscription `sub` on billing dates in [from, to).
void for_each_line_between(const Context& c, std::size_t sub, std::optional<std::size_t> product, Date from, Date to,
                           const std::function<void(std::size_t, std::size_t)>& visit);
// The sum of those lines, and on how many invoices: what a cancellation still costs before it
// takes effect.
struct Charge {
    std::int64_t amount = 0;
    std::int64_t invoices = 0;
};
Charge charged_between(const Context& c, std::size_t sub, std::optional<std::size_t> product, Date from, Date to);

// "cancel subscription s1" / « résilier l’abonnement s1 », for a refused action or an answer.
std::string action_words(const Context& c, std::string_view action, const Event& e);
// Why an action was refused and what to do instead, from the event's reason and rule.
std::string refusal_reason(const Context& c, const Event& e);
std::string refused(const Context& c, const Event& e);

std::optional<ActionKind> action_kind(std::string_view name);

// Format 2 (plan_change_sentences.cpp): the four plan-change events, and invoices whose rule
// (proration, reset, refund, fee) calls for their lines in words.
std::string plan_change_sentence(const Context& c, const Event& e);
bool itemized(Rule rule);
std::string itemized_invoice(const Context& c, const Event& e);
// The lines of that invoice in words, joined: "14 unused days of basic credited: −€25.00; …".
std::string itemized_lines(const Context& c, const Event& e);

// Format 2, failed payments and dunning (payment_sentences.cpp): the four payment events, and the
// what-if answer of `payment_fails` or `update_payment_method` (none for other actions).
std::string payment_sentence(const Context& c, const Event& e);
std::optional<std::string> payment_answer(const Context& c, const Action& action, const std::vector<const Event*>& events,
                                          Slots base);
// Format 2, consumer law (law_sentences.cpp, SPEC-v2 §7): compliance windows and warnings; the
// clause a law-based same-day end adds to its `cancellation_scheduled`; the what-if answer of a
// `cancel` or `withdraw` that the law ends the same day ("ends today, X refunded"), or none.
std::string law_sentence(const Context& c, const Event& e);
std::string law_scheduled_clause(const Context& c, const Event& e);
std::optional<std::string> law_answer(const Context& c, const std::vector<const Event*>& events, Slots slots);
// Format 2 (pause_sentences.cpp): the four pause events, and the what-if answers of `pause`
// (from its pause_scheduled and the credit invoice of an immediate pause) and `resume`.
std::string pause_sentence(const Context& c, const Event& e);
std::string pause_answer(const Context& c, const Event& scheduled, const Event* credit_invoice, Slots slots);
std::string resume_answer(const Context& c, const Event* withdrawn, const Event* invoice, Slots slots);
// Format 2 (term_sentences.cpp): an invoice for a stub before the first billing day (SPEC-v2
// §6.2), whether its rule is billing.aligned_first_period or trial.converted; none for any other
// invoice. The start of a subscription whose stub is free.
std::optional<std::string> aligned_first_invoice(const Context& c, const Event& e);
std::optional<std::string> started_with_free_stub(const Context& c, const Event& e);

}  // namespace subsim::narrate_detail
