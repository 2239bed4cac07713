// SPEC-v2 §4, failed payments and dunning, one TEST_CASE per rule. Dates are worked out from the
// spec's text: retries counted from the invoice date (§4.1), payments after actions (§0.5).
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

// s1 on app-monthly (1000/P1M from 2025-01-15), format 2, the account's dunning as given.
json dunning_scenario(json account_dunning = json::object()) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["until"] = "2025-06-30";
    if (!account_dunning.is_null()) sc["account"]["dunning"] = std::move(account_dunning);
    return sc;
}

json fails_on(const std::string& on, std::optional<int> failures = std::nullopt) {
    json a = {{"on", on}, {"do", "payment_fails"}, {"subscription", "s1"}};
    if (failures) a["failures"] = *failures;
    return a;
}

json update_on(const std::string& on, const std::string& by = "olivia") {
    return {{"on", on}, {"do", "update_payment_method"}, {"by", by}};
}

const json& invoice_of(const Run& run, const std::string& date) {
    for (const json& inv : run.output()["invoices"])
        if (inv["date"] == date) return inv;
    FAIL("no invoice on " << date);
    return run.output();
}

// The `details` keys of an event in the order the result writes them (the JSON object is sorted).
std::string details_in_order(const Run& run, const json& event) {
    for (const Event& e : run.result().events)
        if (to_string(e.type) == event["type"].get<std::string>() && e.date.iso() == event["date"].get<std::string>()) {
            std::string keys;
            for (const Detail& d : e.details) keys += std::string(keys.empty() ? "" : ",") + std::string(d.key);
            return keys;
        }
    return "";
}

Strings errors_of(const json& sc) {
    Strings out;
    for (const Diagnostic& d : read_scenario(sc.dump(2)).errors) out.push_back(d.pointer + ": " + d.message);
    return out;
}

}  // namespace

TEST_CASE("payment.declined: payment_fails arms the first invoice on or after its date, attempt 1 fails and the "
          "subscription is past_due",
          "[dunning]") {
    json sc = dunning_scenario();
    act(sc, fails_on("2025-03-01"));  // no invoice that day: the one of 03-15 takes the arm
    const Run run{sc};
    const json failed = run.events("payment_failed").only();
    CHECK(failed["date"] == "2025-03-15");
    CHECK(failed["rule"] == "payment.declined");
    CHECK(failed["product"].is_null());
    CHECK(failed["details"] == json::parse(R"({"invoice_date":"2025-03-15","amount":1000,"attempt":1,"reason":"declined",
                                                "next_retry":"2025-03-18","access":true})"));
    CHECK(details_in_order(run, failed) == "invoice_date,amount,attempt,reason,next_retry,access");
    CHECK(run.events("payment_retry").dates() == Dates{"2025-03-18", "2025-03-20", "2025-03-22"});
    CHECK(run.state("s1", "2025-03-14") == "active");
    CHECK(run.state("s1", "2025-03-15") == "past_due");
    CHECK(run.events("payment_failed").on("2025-04-15").empty());  // one arm, one invoice
}

TEST_CASE("payment.no_payment_method: with a dunning key, an attempt without a payment method fails, without one, "
          "v1.3 results stay",
          "[dunning]") {
    json sc = dunning_scenario(nullptr);
    sc["account"]["payment_method"] = false;
    const Run without{sc};
    CHECK(without.events("payment_failed").empty());
    CHECK(without.output()["summary"]["total_unpaid"] == 0);

    sc["account"]["dunning"] = {{"retries", {"P2D"}}, {"on_exhausted", "keep_past_due"}};
    const Run with{sc};
    const json first = with.events("payment_failed").on("2025-01-15").only();
    CHECK(first["rule"] == "payment.no_payment_method");
    CHECK(first["details"]["reason"] == "no_payment_method");
    CHECK(with.events("payment_retry").on("2025-01-17").only()["rule"] == "payment.no_payment_method");
}

TEST_CASE("payment.retry_succeeded and payment.recovered (retry): failures 1 lets the first retry through (Example 4.C)",
          "[dunning]") {
    json sc = dunning_scenario();
    act(sc, fails_on("2025-03-15", 1));
    const Run run{sc};
    const json retry = run.events("payment_retry").only();
    CHECK(retry["date"] == "2025-03-18");
    CHECK(retry["rule"] == "payment.retry_succeeded");
    CHECK(retry["details"] == json::parse(R"({"invoice_date":"2025-03-15","amount":1000,"attempt":2,"succeeded":true,
                                               "reason":null,"next_retry":null})"));
    CHECK(details_in_order(run, retry) == "invoice_date,amount,attempt,succeeded,reason,next_retry");
    const json ok = run.events("payment_succeeded").only();
    CHECK(ok["details"]["recovered_by"] == "retry");
    CHECK(details_in_order(run, ok) == "invoice_date,amount,attempt,recovered_by");
    CHECK(run.events().on("2025-03-18").types() == Strings{"payment_retry", "payment_succeeded"});
    CHECK(run.state("s1", "2025-03-17") == "past_due");
    CHECK(run.state("s1", "2025-03-18") == "active");
    CHECK(invoice_of(run, "2025-03-15")["status"] == "paid");
    CHECK(invoice_of(run, "2025-03-15")["paid_on"] == "2025-03-18");
}

TEST_CASE("payment.recovered (payment_method_update): after an update the next retry succeeds (Example 4.A)",
          "[dunning]") {
    json sc = dunning_scenario();
    act(sc, fails_on("2025-03-15"));
    act(sc, update_on("2025-03-19"));
    const Run run{sc};
    CHECK(run.events("payment_retry").dates() == Dates{"2025-03-18", "2025-03-20"});
    CHECK(run.events("payment_succeeded").only()["details"]["recovered_by"] == "payment_method_update");
    CHECK(run.events().on("2025-03-19").empty());  // the update itself has no event
    CHECK(invoice_of(run, "2025-03-15")["paid_on"] == "2025-03-20");
    CHECK(run.output()["summary"]["total_unpaid"] == 0);
}

TEST_CASE("Payments come after actions: on the invoice's own date an update clears an earlier payment_fails, and a "
          "payment_fails after the update still arms it",
          "[dunning]") {
    json before = dunning_scenario();
    act(before, fails_on("2025-03-15"));
    act(before, update_on("2025-03-15"));
    CHECK(Run{before}.events("payment_failed").empty());

    json after = dunning_scenario();
    act(after, update_on("2025-03-15"));
    act(after, fails_on("2025-03-15"));
    CHECK(Run{after}.events("payment_failed").on("2025-03-15").size() == 1);
}

TEST_CASE("dunning.exhausted_cancel: the last failed retry cancels the subscription without request, e-mail or fee, "
          "its invoice becomes uncollectible (Example 4.B)",
          "[dunning]") {
    json sc = dunning_scenario(nullptr);
    sc["account"]["payment_method"] = false;
    plan(sc, "app-monthly").update({{"trial", {{"length", "P14D"}, {"requires_payment_method", true}}},
                                    {"dunning", {{"retries", {"P2D", "P4D"}}}},
                                    {"term", "P12M"}, {"termination_fee", 5000}});
    subscription(sc, "s1")["start"] = "2025-01-01";
    const Run run{sc};
    CHECK(run.events().on("2025-01-19").types() ==
          Strings{"payment_retry", "dunning_exhausted", "cancellation_effective"});
    const json exhausted = run.events("dunning_exhausted").only();
    CHECK(exhausted["details"] ==
          json::parse(R"({"invoice_date":"2025-01-15","amount":1000,"attempts":3,"on_exhausted":"cancel"})"));
    CHECK(details_in_order(run, exhausted) == "invoice_date,amount,attempts,on_exhausted");
    CHECK(run.events("cancellation_effective").only()["rule"] == "dunning.exhausted_cancel");
    CHECK(run.events("cancellation_requested").empty());
    CHECK(run.events("email").empty());
    CHECK(run.state("s1", "2025-01-18") == "past_due");
    CHECK(run.state("s1", "2025-01-19") == "cancelled");
    CHECK(invoice_of(run, "2025-01-15")["status"] == "uncollectible");
    CHECK(run.invoices("s1").size() == 1);  // no fee line, nothing after the end
    CHECK(run.output()["summary"]["total_unpaid"] == 1000);
}

TEST_CASE("A dunning cancellation cascades through requires with only cancellation_effective, and does not close the "
          "account",
          "[dunning]") {
    json sc = dunning_scenario({{"retries", json::array()}});
    add_product(sc, "addon", {{"requires", {"app"}}});
    add_plan(sc, "addon-monthly", "addon", 300, "P1M", {{"refund_on_immediate_cancel", "prorated"}});
    product(sc, "app")["cancels_account"] = true;
    add_subscription(sc, "s2", {"addon-monthly"}, "2025-01-20");
    act(sc, fails_on("2025-03-15"));
    const Run run{sc};
    const json cascade = run.events("cancellation_effective").of("s2").only();
    CHECK(cascade["date"] == "2025-03-15");
    CHECK(cascade["rule"] == "cancellation.requires_cascade");
    CHECK(run.events().of("s2").on("2025-03-15").types() == Strings{"cancellation_effective"});
    for (const json& inv : run.invoices("s2"))
        for (const json& l : inv["lines"]) CHECK(l["kind"] == "period");  // no refund: not a customer's request
    CHECK(run.events("account_closed").empty());
    CHECK(invoice_of(run, "2025-03-15")["status"] == "uncollectible");  // attempted that day: kept, written off
}

TEST_CASE("dunning.exhausted_expire: the subscription expires, cannot be renewed (not_active) and has no grace",
          "[dunning]") {
    json sc = dunning_scenario({{"retries", {"P3D"}}, {"on_exhausted", "expire"}});
    plan(sc, "app-monthly")["renewal_grace"] = "P30D";
    act(sc, fails_on("2025-03-15"));
    act(sc, {{"on", "2025-03-25"}, {"do", "renew"}, {"subscription", "s1"}});
    const Run run{sc};
    const json expired = run.events("expired").only();
    CHECK(expired["date"] == "2025-03-18");
    CHECK(expired["rule"] == "dunning.exhausted_expire");
    CHECK(expired["details"]["renewable_until"].is_null());
    CHECK(run.events("action_refused").only()["details"]["reason"] == "not_active");
    CHECK(run.events("grace_ended").empty());
    CHECK(run.state("s1", "2025-03-18") == "expired");
    CHECK(invoice_of(run, "2025-03-15")["status"] == "uncollectible");
}

TEST_CASE("dunning.exhausted_keep_past_due: the invoice stays open, renewals go on, and an update triggers one more "
          "attempt that succeeds",
          "[dunning]") {
    json sc = dunning_scenario({{"retries", {"P3D"}}, {"on_exhausted", "keep_past_due"}});
    act(sc, fails_on("2025-03-15"));
    act(sc, update_on("2025-05-02"));
    const Run run{sc};
    CHECK(run.events("dunning_exhausted").only()["rule"] == "dunning.exhausted_keep_past_due");
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-03-15", "2025-04-15", "2025-05-15", "2025-06-15"});
    CHECK(run.state("s1", "2025-04-20") == "past_due");
    const json again = run.events("payment_retry").on("2025-05-02").only();
    CHECK(again["details"]["attempt"] == 3);
    CHECK(again["details"]["succeeded"] == true);
    CHECK(run.events("payment_succeeded").only()["details"]["recovered_by"] == "payment_method_update");
    CHECK(run.state("s1", "2025-05-02") == "active");
    CHECK(invoice_of(run, "2025-03-15")["paid_on"] == "2025-05-02");
}

TEST_CASE("change.past_due: a plan change is refused while past_due, cancel is judged on the underlying state",
          "[dunning]") {
    json sc = dunning_scenario();
    add_plan(sc, "app-pro", "app", 2000, "P1M");
    act(sc, fails_on("2025-03-15"));
    act(sc, {{"on", "2025-03-16"}, {"do", "change_plan"}, {"subscription", "s1"}, {"to", "app-pro"}});
    act(sc, {{"on", "2025-03-17"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    const json refused = run.events("action_refused").only();
    CHECK(refused["rule"] == "change.past_due");
    CHECK(refused["details"]["reason"] == "past_due");
    CHECK(run.events("cancellation_scheduled").only()["details"]["effective"] == "2025-04-15");
    // The subscription ends on 04-15 with its invoice still open: written off (§4.3).
    CHECK(invoice_of(run, "2025-03-15")["status"] == "uncollectible");
    CHECK(run.state("s1", "2025-04-15") == "cancelled");
}

TEST_CASE("update_payment_method is refused not_permitted, then account_closed, and payment_fails is never refused",
          "[dunning]") {
    json sc = dunning_scenario();
    act(sc, update_on("2025-02-01", "emma"));
    act(sc, {{"on", "2025-02-02"}, {"do", "close_account"}});
    act(sc, update_on("2025-04-20"));
    act(sc, fails_on("2025-04-21"));
    const Run run{sc};
    const Events refused = run.events("action_refused");
    CHECK(refused.rules() == Strings{"permission.denied", "account.closed"});
    CHECK(refused[0]["subscription"].is_null());
    CHECK(refused[1]["details"]["action"] == "update_payment_method");
}

TEST_CASE("A transfer stops the retries: the invoice stays open and the subscription leaves past_due", "[dunning]") {
    json sc = dunning_scenario();
    act(sc, fails_on("2025-03-15"));
    act(sc, {{"on", "2025-03-19"}, {"do", "transfer"}, {"subscription", "s1"}, {"to", "other"}});
    const Run run{sc};
    CHECK(run.events("payment_retry").dates() == Dates{"2025-03-18"});
    CHECK(invoice_of(run, "2025-03-15")["status"] == "open");
    CHECK(run.output()["summary"]["total_unpaid"] == 1000);
    CHECK(run.state("s1", "2025-03-19") != "past_due");
}

TEST_CASE("An invoice of the end date is still attempted: a failure gives no retry and no dunning_exhausted",
          "[dunning]") {
    json sc = dunning_scenario();
    plan(sc, "app-monthly").update({{"cancellation", "immediate"}, {"term", "P12M"}, {"termination_fee", 5000}});
    act(sc, {{"on", "2025-04-02"}, {"do", "cancel"}, {"subscription", "s1"}});
    act(sc, fails_on("2025-04-02"));
    const Run run{sc};
    const json failed = run.events("payment_failed").only();
    CHECK(failed["date"] == "2025-04-02");
    CHECK(failed["details"]["next_retry"].is_null());
    CHECK(run.events("dunning_exhausted").empty());
    CHECK(invoice_of(run, "2025-04-02")["status"] == "uncollectible");
    CHECK(run.events("payment_retry").empty());
}

TEST_CASE("Invoices of amount 0 or less are paid on their date without an attempt", "[dunning]") {
    json sc = dunning_scenario(nullptr);
    sc["account"]["payment_method"] = false;
    sc["account"]["dunning"] = json::object();
    plan(sc, "app-monthly")["price"] = 0;
    const Run run{sc};
    CHECK(run.events("payment_failed").empty());
    for (const json& inv : run.invoices("s1")) {
        CHECK(inv["status"] == "paid");
        CHECK(inv["paid_on"] == inv["date"]);
    }
}

TEST_CASE("The reader checks dunning and payment_fails, with pointers", "[dunning]") {
    json sc = dunning_scenario({{"retries", {"P5D", "P3D", "P1M"}}, {"on_exhausted", "suspend"}});
    act(sc, {{"on", "2025-03-15"}, {"do", "payment_fails"}, {"subscription", "s1"}, {"by", "olivia"}, {"failures", 0}});
    const Strings errors = errors_of(sc);
    const auto has = [&](const std::string& start) {
        return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.rfind(start, 0) == 0; });
    };
    INFO(json(errors).dump(1));
    CHECK(has("/account/dunning/retries/1: retry offsets must increase"));
    CHECK(has("/account/dunning/retries/2: a retry offset is counted in days or weeks"));
    CHECK(has("/account/dunning/on_exhausted"));
    CHECK(has("/actions/0/by"));
    CHECK(has("/actions/0/failures"));

    json v1 = base_scenario();
    act(v1, fails_on("2025-03-15"));
    v1["account"]["dunning"] = json::object();
    const Strings v1_errors = errors_of(v1);
    INFO(json(v1_errors).dump(1));
    CHECK(std::any_of(v1_errors.begin(), v1_errors.end(), [](const std::string& e) {
        return e.rfind("/actions/0/do", 0) == 0 && e.find("needs \"subsim\": 2") != std::string::npos;
    }));
    CHECK(std::any_of(v1_errors.begin(), v1_errors.end(), [](const std::string& e) {
        return e.find("dunning") != std::string::npos && e.find("needs \"subsim\": 2") != std::string::npos;
    }));
}

TEST_CASE("The narrator tells a failed payment, its retries and its recovery in English and French", "[dunning]") {
    json sc = dunning_scenario();
    act(sc, fails_on("2025-03-15"));
    act(sc, update_on("2025-03-19"));
    const Run run{sc};
    const auto sentences = [&](Language lang) {
        Strings out;
        for (const std::string& s : narrate_events(run.scenario(), run.result(), lang)) out.push_back(test::plain(s));
        return out;
    };
    const Strings en = sentences(Language::en);
    const Strings fr = sentences(Language::fr);
    const auto contains = [](const Strings& all, const std::string& s) { return std::find(all.begin(), all.end(), s) != all.end(); };
    CHECK(contains(en, "The bank declines the payment of €10.00 for the 15 March 2025 invoice of subscription s1. The "
                       "subscription is now past due; the next attempt is on 18 March 2025. Access continues meanwhile."));
    CHECK(contains(en, "The 15 March 2025 invoice of subscription s1 is paid on 20 March 2025, thanks to the new payment method."));
    const auto any_has = [](const Strings& all, const std::string& part) {
        return std::any_of(all.begin(), all.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
    };
    CHECK(any_has(fr, "Tentative n°\u00a02 pour la facture du 15 mars 2025 de l’abonnement s1"));
    CHECK(any_has(fr, "nouveau refus. Prochaine tentative le 20 mars 2025."));
    CHECK(test::plain(narrate_answer(run.scenario(), run.result(), 0, Language::en)) ==
          "If the payment for subscription s1 fails from 15 March 2025: the 15 March 2025 invoice (€10.00) goes unpaid at "
          "first, and the subscription is past due until it is paid on 20 March 2025.");
    const std::string fr_answer = test::plain(narrate_answer(run.scenario(), run.result(), 1, Language::fr));
    CHECK(fr_answer.find("Si olivia met à jour le moyen de paiement le 19 mars 2025") == 0);
    CHECK(fr_answer.find("la tentative suivante aboutit, et la facture du 15 mars 2025") != std::string::npos);
    CHECK(fr_answer.find("est réglée le 20 mars 2025.") != std::string::npos);
}

TEST_CASE("Refunds cover paid lines only: a cancellation while the period's invoice is unpaid refunds nothing",
          "[dunning]") {
    json sc = dunning_scenario();
    plan(sc, "app-monthly").update({{"cancellation", "immediate"}, {"refund_on_immediate_cancel", "prorated"}});
    act(sc, fails_on("2025-03-15"));
    act(sc, {{"on", "2025-03-16"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    for (const json& inv : run.invoices("s1"))
        for (const json& l : inv["lines"]) CHECK(l["kind"] != "refund");
    CHECK(invoice_of(run, "2025-03-15")["status"] == "uncollectible");
    CHECK(run.events("payment_retry").empty());  // dunning stops when the subscription ends

    json paid = dunning_scenario();
    plan(paid, "app-monthly").update({{"cancellation", "immediate"}, {"refund_on_immediate_cancel", "prorated"}});
    act(paid, {{"on", "2025-03-16"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run refunded{paid};
    CHECK(refunded.invoices("s1").back()["lines"][0]["kind"] == "refund");
}
