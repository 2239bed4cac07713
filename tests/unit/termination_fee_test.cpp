// SPEC-v2 §2.4, termination_fee, one TEST_CASE per rule. Base: "app-monthly" 1000/P1M with a
// yearly term (P1Y) and a fee of 5000, s1 from 2025-01-15: the first term ends 2026-01-15.
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json committed() {
    json sc = base_scenario();
    sc["subsim"] = 2;
    sc["until"] = "2026-02-28";
    plan(sc, "app-monthly")["term"] = "P1Y";
    plan(sc, "app-monthly")["termination_fee"] = 5000;
    return sc;
}

Strings fee_lines(const Run& run) {
    Strings out;
    for (const json& inv : run.output()["invoices"])
        for (const json& l : inv["lines"])
            if (l["kind"] == "termination_fee")
                out.push_back(inv["date"].get<std::string>() + " " + l["plan"].get<std::string>() + " [" +
                              l["from"].get<std::string>() + ", " + l["to"].get<std::string>() + ") " +
                              std::to_string(l["amount"].get<long long>()));
    return out;
}

}  // namespace

TEST_CASE("fee.termination: leaving before the end of the term costs the fee, on the effective date", "[termination-fee]") {
    json sc = committed();
    act(sc, {{"on", "2025-04-10"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(fee_lines(run) == Strings{"2025-04-15 app-monthly [2025-04-15, 2026-01-15) 5000"});
    CHECK(run.events("invoice").on("2025-04-15").only()["rule"] == "fee.termination");
    CHECK(run.total_charged() == 3 * 1000 + 5000);
}

TEST_CASE("end_of_term never charges a fee", "[termination-fee]") {
    json sc = committed();
    plan(sc, "app-monthly")["cancellation"] = "end_of_term";
    act(sc, {{"on", "2025-04-10"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(fee_lines(run).empty());
    CHECK(run.events("cancellation_effective").dates() == Dates{"2026-01-15"});
}

TEST_CASE("A reactivate before the effective date cancels the fee", "[termination-fee]") {
    json sc = committed();
    act(sc, {{"on", "2025-04-10"}, {"do", "cancel"}, {"subscription", "s1"}});
    act(sc, {{"on", "2025-04-12"}, {"do", "reactivate"}, {"subscription", "s1"}});
    CHECK(fee_lines(Run{sc}).empty());
}

TEST_CASE("A trial cancellation owes no fee", "[termination-fee]") {
    json sc = committed();
    plan(sc, "app-monthly")["trial"] = {{"length", "P14D"}, {"cancel", "immediate"}};
    act(sc, {{"on", "2025-01-20"}, {"do", "cancel"}, {"subscription", "s1"}});
    const Run run{sc};
    CHECK(fee_lines(run).empty());
    CHECK(run.output()["invoices"].empty());
}

TEST_CASE("A product cancellation charges that product's own plan fee", "[termination-fee]") {
    json sc = committed();
    add_product(sc, "addon");
    add_plan(sc, "addon-monthly", "addon", 300, "P1M", {{"term", "P1Y"}, {"termination_fee", 700}});
    subscription(sc, "s1")["plans"] = Strings{"app-monthly", "addon-monthly"};
    act(sc, {{"on", "2025-04-10"}, {"do", "cancel"}, {"subscription", "s1"}, {"products", Strings{"addon"}}});
    CHECK(fee_lines(Run{sc}) == Strings{"2025-04-15 addon-monthly [2025-04-15, 2026-01-15) 700"});
}
