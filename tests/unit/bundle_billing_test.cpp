// A billing day's lines (engine/invoicing.cpp, bill_due_lines): the bundle's line on the bundle's
// own calendar, each product outside the bundle on its plan's, one invoice per subscription and
// date. The bundle's next boundary is handed to the products' cursors only when both calendars
// give the same dates (SharedBoundary): a quarterly suite over monthly members must not lend
// its quarter to a monthly product.
//
//   Suite (app + chat) 5000 every P3M, "extra" 700 every P1M, from 2025-01-15: 01-15 bills the
//   suite [01-15, 04-15) and extra [01-15, 02-15); 02-15 and 03-15 extra alone; 04-15 both again.
#include <string>

#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json quarterly_suite_with_monthly_extra() {
    json sc = base_scenario();
    sc["until"] = "2025-05-31";
    add_product(sc, "chat");
    add_product(sc, "extra");
    add_plan(sc, "chat-monthly", "chat", 400, "P1M");
    add_plan(sc, "extra-monthly", "extra", 700, "P1M");
    sc["catalog"]["bundles"] = {{{"id", "suite"}, {"name", "Suite"}, {"products", {"app", "chat"}}, {"price", 5000}, {"period", "P3M"}}};
    json& s1 = subscription(sc, "s1");
    s1["plans"] = {"app-monthly", "chat-monthly", "extra-monthly"};
    s1["bundle"] = "suite";
    return sc;
}

// "from..to amount" for each line of the invoice of `date`, "bundle:" or "product:" first.
Strings lines_of(const Run& run, const std::string& date) {
    Strings out;
    for (const json& inv : run.invoices("s1")) {
        if (inv["date"] != date) continue;
        for (const json& l : inv["lines"])
            out.push_back((l["bundle"].is_null() ? "product:" + l["product"].get<std::string>()
                                                 : "bundle:" + l["bundle"].get<std::string>()) +
                          " " + l["from"].get<std::string>() + ".." + l["to"].get<std::string>() + " " +
                          std::to_string(l["amount"].get<long long>()));
    }
    return out;
}

}  // namespace

TEST_CASE("A quarterly suite and a monthly product outside it: each line on its own calendar", "[bundle]") {
    const Run run{quarterly_suite_with_monthly_extra()};
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-15", "2025-02-15", "2025-03-15", "2025-04-15", "2025-05-15"});
    CHECK(lines_of(run, "2025-01-15") == Strings{"bundle:suite 2025-01-15..2025-04-15 5000",
                                                  "product:extra 2025-01-15..2025-02-15 700"});
    CHECK(lines_of(run, "2025-02-15") == Strings{"product:extra 2025-02-15..2025-03-15 700"});
    CHECK(lines_of(run, "2025-04-15") == Strings{"bundle:suite 2025-04-15..2025-07-15 5000",
                                                  "product:extra 2025-04-15..2025-05-15 700"});
    CHECK(run.total_charged() == 2 * 5000 + 5 * 700);
}

TEST_CASE("A monthly suite shares its boundary with its monthly products: the same dates as alone", "[bundle]") {
    json sc = quarterly_suite_with_monthly_extra();
    sc["catalog"]["bundles"][0]["period"] = "P1M";
    sc["subscriptions"][0]["start"] = "2025-01-31";  // month ends clamp: 02-28, 03-31, 04-30
    const Run run{sc};
    CHECK(run.invoice_dates("s1") == Dates{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31"});
    CHECK(lines_of(run, "2025-02-28") == Strings{"bundle:suite 2025-02-28..2025-03-31 5000",
                                                  "product:extra 2025-02-28..2025-03-31 700"});
    CHECK(lines_of(run, "2025-04-30") == Strings{"bundle:suite 2025-04-30..2025-05-31 5000",
                                                  "product:extra 2025-04-30..2025-05-31 700"});
}
