// SPEC-v2 §2.3, refund_on_immediate_cancel, one TEST_CASE per rule. Base: "app-monthly" 1000/P1M
// for s1 from 2025-01-15; a cancellation on 2025-03-01 leaves 14 of the 28 days of [02-15, 03-15).
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json immediate(const std::string& refund) {
    json sc = base_scenario();
    sc["subsim"] = 2;
    plan(sc, "app-monthly")["cancellation"] = "immediate";
    plan(sc, "app-monthly")["refund_on_immediate_cancel"] = refund;
    act(sc, {{"on", "2025-03-01"}, {"do", "cancel"}, {"subscription", "s1"}});
    return sc;
}

json invoice_on(const Run& run, const std::string& date) {
    for (const json& inv : run.invoices("s1"))
        if (inv["date"] == date) return inv;
    return json();
}

}  // namespace

TEST_CASE("refund.prorated: an immediate cancellation refunds the unused part of the paid line", "[refund]") {
    const Run run{immediate("prorated")};
    const json inv = invoice_on(run, "2025-03-01");
    REQUIRE(inv.is_object());
    CHECK(inv["amount"] == -500);
    CHECK(inv["lines"][0]["kind"] == "refund");
    CHECK(inv["lines"][0]["from"] == "2025-03-01");
    CHECK(inv["lines"][0]["to"] == "2025-03-15");
    CHECK(run.events().on("2025-03-01").types() ==
          Strings{"cancellation_requested", "cancellation_scheduled", "email", "cancellation_effective", "invoice"});
    CHECK(run.events("invoice").on("2025-03-01").only()["rule"] == "refund.prorated");
    CHECK(run.output()["summary"]["total_credited"] == 500);
}

TEST_CASE("refund.full: the whole current line is refunded, days used included", "[refund]") {
    const Run run{immediate("full")};
    const json inv = invoice_on(run, "2025-03-01");
    CHECK(inv["amount"] == -1000);
    CHECK(inv["lines"][0]["from"] == "2025-02-15");
    CHECK(run.total_charged() == 1000);
}

TEST_CASE("refund none keeps the v1.3 answer", "[refund]") {
    const Run run{immediate("none")};
    CHECK(invoice_on(run, "2025-03-01").is_null());
    CHECK(run.total_charged() == 2000);
}

TEST_CASE("A cancellation at the end of the period leaves nothing unused, so nothing is refunded", "[refund]") {
    json sc = immediate("prorated");
    plan(sc, "app-monthly")["cancellation"] = "end_of_period";
    const Run run{sc};
    CHECK(run.events("invoice").on("2025-03-15").empty());
    CHECK(run.output()["summary"]["total_credited"] == 0);
}

TEST_CASE("An immediate cancellation on a billing date withdraws the morning's line: nothing to refund", "[refund]") {
    json sc = immediate("full");
    sc["actions"][0]["on"] = "2025-03-15";
    const Run run{sc};
    CHECK(invoice_on(run, "2025-03-15").is_null());
    CHECK(run.total_charged() == 2000);
}

TEST_CASE("A trial cancellation refunds nothing (SPEC-v2 §2.2)", "[refund]") {
    json sc = immediate("full");
    plan(sc, "app-monthly")["trial"] = {{"length", "P30D"}, {"cancel", "immediate"}};
    sc["actions"][0]["on"] = "2025-01-20";
    const Run run{sc};
    CHECK(run.output()["invoices"].empty());
}

TEST_CASE("A bundle line is refunded once every member of the bundle has ended", "[refund]") {
    const Run run{std::string(R"({ "subsim": 2, "title": "bundle refund", "currency": "EUR", "start": "2025-01-01", "until": "2025-03-31",
  "catalog": { "products": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" }, { "id": "c", "name": "C" } ],
    "plans": [ { "id": "a1", "product": "a", "price": 1000, "period": "P1M", "cancellation": "immediate", "refund_on_immediate_cancel": "prorated" },
               { "id": "b1", "product": "b", "price": 1000, "period": "P1M", "cancellation": "immediate", "refund_on_immediate_cancel": "prorated" },
               { "id": "c1", "product": "c", "price": 700, "period": "P1M" } ],
    "bundles": [ { "id": "bun", "name": "Suite", "products": ["a", "b"], "price": 1500, "period": "P1M" } ] },
  "account": { "id": "x", "created": "2025-01-01", "owner": "o", "payment_method": true },
  "subscriptions": [ { "id": "s1", "plans": ["a1", "b1", "c1"], "start": "2025-01-01", "bundle": "bun" } ],
  "actions": [ { "on": "2025-02-10", "do": "cancel", "subscription": "s1", "products": ["a"] },
               { "on": "2025-02-15", "do": "cancel", "subscription": "s1", "products": ["b"] } ] })")};
    // 10 Feb: a leaves while b is still in the bundle: nothing is refunded. 15 Feb: the last member
    // leaves, so the bundle line [02-01, 03-01) is refunded for 14 of its 28 days: −750. C runs on.
    CHECK(run.events("invoice").on("2025-02-10").empty());
    const json refund = run.invoices("s1").at(2);
    CHECK(refund["date"] == "2025-02-15");
    CHECK(refund["amount"] == -750);
    CHECK(refund["lines"][0]["bundle"] == "bun");
    CHECK(refund["lines"][0]["kind"] == "refund");
}
