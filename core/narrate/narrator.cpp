#include "narrate/narrator.hpp"

#include <functional>

namespace subsim {
namespace {

struct Say {
    const Scenario& sc;
    const Result& result;
    const Event& e;
    Language lang;

    bool fr() const { return lang == Language::fr; }
    std::string pick(const std::string& en, const std::string& french) const { return fr() ? french : en; }

    std::string date_detail(std::string_view key) const {
        const DetailValue* v = e.detail(key);
        if (v && std::holds_alternative<Date>(*v)) return format_date(std::get<Date>(*v), lang);
        return "";
    }
    // The last day covered by a half-open range ending on the date in `key`.
    std::string day_before_detail(std::string_view key) const {
        const DetailValue* v = e.detail(key);
        if (v && std::holds_alternative<Date>(*v)) return format_date(std::get<Date>(*v).plus_days(-1), lang);
        return "";
    }
    std::string text_detail(std::string_view key) const {
        const DetailValue* v = e.detail(key);
        return v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : "";
    }
    std::int64_t number_detail(std::string_view key) const {
        const DetailValue* v = e.detail(key);
        return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : 0;
    }
    bool flag(std::string_view key) const {
        const DetailValue* v = e.detail(key);
        return v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
    }
    std::string money(std::int64_t minor) const { return format_money(minor, sc.currency, lang); }
    std::string product_name(Index p) const { return sc.catalog.products[p].name; }
    std::string product_named(const std::string& id) const {
        for (const Product& p : sc.catalog.products)
            if (p.id == id) return p.name;
        return id;
    }
    std::string sub() const { return e.subscription ? sc.subscriptions[*e.subscription].id : ""; }
    // What the event is about: "subscription s1" or "Chat (subscription s1)".
    std::string subject() const {
        if (!e.subscription) return pick("the account", "le compte");
        if (e.product) return product_name(*e.product) + pick(" (subscription ", " (abonnement ") + sub() + ")";
        return pick("subscription ", "l'abonnement ") + sub();
    }
    std::string who() const {
        const std::string by = text_detail("by");
        return by.empty() ? pick("The account owner", "Le propriétaire du compte") : by;
    }
};

std::string reason_text(const Say& s, const std::string& reason) {
    if (reason == "not_permitted") return s.pick("this user's role may not do it", "le rôle de cet utilisateur ne le permet pas");
    if (reason == "already_cancelled") return s.pick("it is already cancelled or pending cancellation", "il est déjà résilié ou en attente de résiliation");
    if (reason == "not_active") return s.pick("it is not active", "il n'est pas actif");
    if (reason == "contact_support") return s.pick("this must go through customer support", "il faut passer par le service client");
    if (reason == "not_pending") return s.pick("no cancellation is pending", "aucune résiliation n'est en attente");
    if (reason == "grace_ended") return s.pick("the renewal grace period is over, a new subscription must be bought", "le délai de renouvellement est dépassé, il faut acheter un nouvel abonnement");
    if (reason == "renew_through_reseller") return s.pick("it was bought from a reseller, who handles its renewal", "il a été acheté auprès d'un revendeur, qui gère son renouvellement");
    if (reason == "auto_renewing") return s.pick("it already renews automatically", "il se renouvelle déjà automatiquement");
    if (reason == "already_renewed") return s.pick("the next term is already paid", "la prochaine période est déjà payée");
    if (reason == "account_closed") return s.pick("the account is closed", "le compte est fermé");
    if (reason == "account_closing") return s.pick("it is part of an account closure, which only support can withdraw", "elle fait partie d'une fermeture de compte, que seul le support peut annuler");
    if (reason == "transferred") return s.pick("it now belongs to another account", "il appartient désormais à un autre compte");
    if (reason == "transfer_pending") return s.pick("a transfer is already under way", "un transfert est déjà en cours");
    return reason;
}

std::string action_text(const Say& s, const std::string& action) {
    if (action == "cancel") return s.pick("cancel", "résilier");
    if (action == "reactivate") return s.pick("reactivate", "réactiver");
    if (action == "renew") return s.pick("renew", "renouveler");
    if (action == "close_account") return s.pick("close the account", "fermer le compte");
    if (action == "transfer") return s.pick("transfer", "transférer");
    return s.pick("add a payment method", "ajouter un moyen de paiement");
}

std::string scheduled(const Say& s) {
    std::string out = s.pick("The cancellation of " + s.subject() + " takes effect on " + s.date_detail("effective") +
                                 ": access until " + s.date_detail("access_until") + ".",
                             "La résiliation de " + s.subject() + " prend effet le " + s.date_detail("effective") +
                                 " : accès jusqu'au " + s.date_detail("access_until") + ".");
    if (s.flag("deadline_missed"))
        out += s.pick(" The notice deadline was " + s.date_detail("notice_deadline") +
                          ", so it rolls over to the next boundary and one more period is billed.",
                      " La date limite de préavis était le " + s.date_detail("notice_deadline") +
                          " : elle est reportée à l'échéance suivante et une période de plus est facturée.");
    if (to_string(s.e.rule) == "cancellation.requires_cascade")
        out += s.pick(" It depends on a product being cancelled, so it goes too.",
                      " Il dépend d'un produit résilié, il part donc avec lui.");
    if (to_string(s.e.rule) == "cancellation.account_cascade")
        out += s.pick(" Cancelling a base (tier-1) product cancels the whole account.",
                      " Résilier un produit de base (niveau 1) résilie tout le compte.");
    if (to_string(s.e.rule) == "cancellation.end_of_next_period")
        out += s.pick(" A product removal runs until the end of the following billing cycle.",
                      " Le retrait d'un produit court jusqu'à la fin du cycle de facturation suivant.");
    return out;
}

std::string invoice(const Say& s) {
    const std::string amount = s.money(s.number_detail("amount"));
    const std::string what = s.pick(" for subscription ", " pour l'abonnement ") + s.sub();
    if (to_string(s.e.rule) == "renewal.auto") return s.pick("Renewal invoice of " + amount + what + ", billed in advance.", "Facture de renouvellement de " + amount + what + ", payable d'avance.");
    if (to_string(s.e.rule) == "renewal.manual") return s.pick("Invoice of " + amount + what + " for the whole renewed term.", "Facture de " + amount + what + " pour toute la période renouvelée.");
    if (to_string(s.e.rule) == "trial.converted") return s.pick("First invoice after the trial: " + amount + what + ".", "Première facture après l'essai : " + amount + what + ".");
    if (to_string(s.e.rule) == "billing.first_period") return s.pick("First invoice: " + amount + what + ", billed in advance.", "Première facture : " + amount + what + ", payable d'avance.");
    return s.pick("Invoice of " + amount + what + " for the new billing period.", "Facture de " + amount + what + " pour la nouvelle période de facturation.");
}

std::string sentence(const Say& s) {
    const Event& e = s.e;
    switch (e.type) {
        case EventType::subscription_started:
            return s.pick("Subscription " + s.sub() + " starts; billing is anchored on " + s.date_detail("anchor") + ".",
                          "L'abonnement " + s.sub() + " démarre ; la facturation est ancrée au " + s.date_detail("anchor") + ".");
        case EventType::trial_started:
            return s.pick("Free trial until " + s.date_detail("ends") + " (exclusive).", "Essai gratuit jusqu'au " + s.date_detail("ends") + " (exclu).");
        case EventType::trial_ending:
            return s.pick("Reminder: the trial ends on " + s.date_detail("ends") + ".", "Rappel : l'essai se termine le " + s.date_detail("ends") + ".");
        case EventType::trial_converted:
            return s.pick("The trial ends; a payment method is on file, so it becomes a paid subscription.",
                          "L'essai se termine ; un moyen de paiement est enregistré, il devient un abonnement payant.");
        case EventType::trial_expired:
            return s.pick("The trial ends without a payment method: the subscription simply expires and nothing is charged.",
                          "L'essai se termine sans moyen de paiement : l'abonnement expire simplement, sans frais.");
        case EventType::invoice: return invoice(s);
        case EventType::renewed:
            if (s.flag("manual"))
                return s.pick(s.who() + " renews " + s.subject() + " by hand for a new term from " + s.date_detail("term_from") + " to " + s.day_before_detail("term_to") + " included.",
                              s.who() + " renouvelle " + s.subject() + " manuellement pour une nouvelle période du " + s.date_detail("term_from") + " au " + s.day_before_detail("term_to") + " inclus.");
            return s.pick("The term of " + s.subject() + " renews automatically, up to " + s.day_before_detail("term_to") + " included.",
                          "La période de " + s.subject() + " se renouvelle automatiquement, jusqu'au " + s.day_before_detail("term_to") + " inclus.");
        case EventType::renewal_reminder:
            if (s.flag("auto_renew"))
                return s.pick("Reminder: " + s.subject() + " renews on " + s.date_detail("renews_on") + ".",
                              "Rappel : " + s.subject() + " se renouvelle le " + s.date_detail("renews_on") + ".");
            return s.pick("Reminder: " + s.subject() + " ends on " + s.date_detail("renews_on") + " unless it is renewed.",
                          "Rappel : " + s.subject() + " se termine le " + s.date_detail("renews_on") + " s'il n'est pas renouvelé.");
        case EventType::cancellation_requested:
            if (to_string(e.rule) == "cancellation.requires_cascade" || to_string(e.rule) == "cancellation.account_cascade")
                return s.pick("The cancellation extends to " + s.subject() + ".", "La résiliation s'étend à " + s.subject() + ".");
            if (to_string(e.rule) == "account.close")
                return s.pick(s.who() + " closes the account, which cancels " + s.subject() + ".", s.who() + " ferme le compte, ce qui résilie " + s.subject() + ".");
            return s.pick(s.who() + " asks to cancel " + s.subject() + ".", s.who() + " demande la résiliation de " + s.subject() + ".");
        case EventType::cancellation_scheduled: return scheduled(s);
        case EventType::cancellation_effective:
            return s.pick("The cancellation of " + s.subject() + " takes effect: access ends.",
                          "La résiliation de " + s.subject() + " prend effet : l'accès prend fin.");
        case EventType::reactivated:
            return s.pick(s.who() + " reactivates " + s.subject() + ": the cancellation planned for " + s.date_detail("withdrawn_effective") + " is withdrawn, nothing is charged.",
                          s.who() + " réactive " + s.subject() + " : la résiliation prévue le " + s.date_detail("withdrawn_effective") + " est annulée, sans frais.");
        case EventType::action_refused:
            return s.pick("Refused: " + s.who() + " cannot " + action_text(s, s.text_detail("action")) + " " + s.subject() + " because " + reason_text(s, s.text_detail("reason")) + ".",
                          "Refusé : " + s.who() + " ne peut pas " + action_text(s, s.text_detail("action")) + " (" + s.subject() + ") car " + reason_text(s, s.text_detail("reason")) + ".");
        case EventType::email:
            return s.pick("A confirmation e-mail gives the expiry date: access until " + s.date_detail("access_until") + ".",
                          "Un e-mail de confirmation indique la date d'expiration : accès jusqu'au " + s.date_detail("access_until") + ".");
        case EventType::expired: {
            std::string out = s.pick("The term ends without renewal: " + s.subject() + " expires.", "La période se termine sans renouvellement : " + s.subject() + " expire.");
            if (!s.date_detail("renewable_until").empty())
                out += s.pick(" It can still be renewed until " + s.date_detail("renewable_until") + ".", " Il peut encore être renouvelé jusqu'au " + s.date_detail("renewable_until") + ".");
            return out;
        }
        case EventType::grace_ended:
            return s.pick("The renewal grace period of " + s.subject() + " is over: a new subscription must be bought.",
                          "Le délai de renouvellement de " + s.subject() + " est dépassé : il faut acheter un nouvel abonnement.");
        case EventType::price_changed:
            return s.pick("Removing " + s.product_named(s.text_detail("removed")) + " ends the suite price: the remaining products are billed at list price (" + s.money(s.number_detail("old_amount")) + " becomes " + s.money(s.number_detail("new_amount")) + " per period).",
                          "Le retrait de " + s.product_named(s.text_detail("removed")) + " met fin au tarif de la suite : les produits restants sont facturés au tarif normal (" + s.money(s.number_detail("old_amount")) + " devient " + s.money(s.number_detail("new_amount")) + " par période).");
        case EventType::account_closed:
            return s.pick("The account is closed; its data will be deleted on " + s.date_detail("data_deleted_on") + " under the retention policy.",
                          "Le compte est fermé ; ses données seront supprimées le " + s.date_detail("data_deleted_on") + " selon la politique de conservation.");
        case EventType::data_deleted:
            return s.pick("The account's data is deleted.", "Les données du compte sont supprimées.");
        case EventType::transfer_requested:
            if (s.flag("separate_entity"))
                return s.pick("Transfer of " + s.subject() + " to " + s.text_detail("to") + ", a separate legal entity: it completes after 10 business days, on " + s.date_detail("completes_on") + ".",
                              "Transfert de " + s.subject() + " vers " + s.text_detail("to") + ", entité juridique distincte : il aboutit après 10 jours ouvrés, le " + s.date_detail("completes_on") + ".");
            return s.pick("Transfer of " + s.subject() + " to " + s.text_detail("to") + " within the same organization.",
                          "Transfert de " + s.subject() + " vers " + s.text_detail("to") + " au sein de la même organisation.");
        case EventType::transfer_completed:
            return s.pick(s.subject() + " now belongs to account " + s.text_detail("to") + ".", s.subject() + " appartient désormais au compte " + s.text_detail("to") + ".");
    }
    return "";
}

}  // namespace

std::string narrate_event(const Scenario& scenario, const Result& result, const Event& event, Language lang) {
    std::string out = sentence(Say{scenario, result, event, lang});
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace subsim

namespace subsim {

std::vector<std::string> narrate_events(const Scenario& scenario, const Result& result, Language lang) {
    std::vector<std::string> out;
    out.reserve(result.events.size());
    for (const Event& e : result.events) out.push_back(narrate_event(scenario, result, e, lang));
    return out;
}

std::string narrate_answer(const Scenario& scenario, const Result& result, std::size_t action, Language lang) {
    std::string out;
    for (const Event& e : result.events)
        if (e.action == action) return narrate_event(scenario, result, e, lang);
    return out;
}

std::string narrate_expectation(const Scenario&, const ExpectationOutcome& outcome, Language) { return outcome.message; }

}  // namespace subsim
