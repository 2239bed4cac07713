// Generators of the benchmark scenarios (bench/scenarios.hpp).
#include "scenarios.hpp"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace bench {
namespace {


using nlohmann::json;

std::string date_of(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

json base(const std::string& title, int years) {
    return json{{"subsim", 1},
                {"title", title},
                {"currency", "EUR"},
                {"start", date_of(2025, 1, 1)},
                {"until", date_of(2025 + years - 1, 12, 31)},
                {"account", {{"id", "acme"}, {"created", "2019-06-01"}, {"owner", "olga"}, {"payment_method", true},
                             {"users", json::array({{{"id", "olga"}, {"role", "owner"}},
                                                    {{"id", "bill"}, {"role", "billing_contact"}}})}}},
                {"permissions", {{"cancel", {"owner", "billing_contact"}}, {"reactivate", {"owner", "billing_contact"}}}}};
}

// 1. One monthly plan, one subscription, one year.
std::string single_plan_scenario(int years) {
    json s = base("single plan", years);
    s["catalog"] = {{"products", json::array({{{"id", "app"}, {"name", "App"}}})},
                    {"plans", json::array({{{"id", "app-monthly"}, {"product", "app"}, {"price", 4900}, {"period", "P1M"},
                                            {"reminders", {"P7D"}}}})}};
    s["subscriptions"] = json::array({{{"id", "s1"}, {"plans", {"app-monthly"}}, {"start", "2025-01-15"}}});
    s["expect"] = json::array({{{"event", "invoice"}, {"subscription", "s1"}}});
    return s.dump(2) + "\n";
}

// 2. 20 products in 4 subscriptions of 5 (two of them priced as bundles); monthly plans with a
// 30-day notice, end_of_period / end_of_next_period / yearly end_of_term policies, reminders and
// add-ons that require their base. Every year each subscription has a product cancelled and
// reactivated before it takes effect, and another product cancelled for good and bought back
// the following year in a fresh subscription-less sense (reactivated while still pending).
std::string twenty_product_scenario(int years) {
    json s = base("20 products with notices and bundles", years);
    json products = json::array(), plans = json::array(), bundles = json::array(), subs = json::array();
    for (int p = 0; p < 20; ++p) {
        const std::string id = "p" + std::to_string(p);
        json product = {{"id", id}, {"name", "Product " + std::to_string(p)}};
        if (p % 5 == 4) product["requires"] = {"p" + std::to_string(p - 4)};  // an add-on of its group's base
        products.push_back(product);
        json plan = {{"id", id + "-plan"}, {"product", id}, {"price", 1000 + 100 * p}, {"period", "P1M"},
                     {"notice", "P30D"}, {"reminders", {"P7D"}}};
        if (p % 5 == 1) plan["cancellation"] = "end_of_next_period";
        if (p % 5 == 2) {
            plan["term"] = "P1Y";
            plan["cancellation"] = "end_of_term";
        }
        plans.push_back(plan);
    }
    for (int b = 0; b < 2; ++b) {
        json members = json::array();
        for (int p = 0; p < 5; ++p) members.push_back("p" + std::to_string(5 * b + p));
        bundles.push_back({{"id", "suite" + std::to_string(b)}, {"name", "Suite"}, {"products", members},
                           {"price", 4000}, {"period", "P1M"}});
    }
    for (int g = 0; g < 4; ++g) {
        json sp = json::array();
        for (int p = 0; p < 5; ++p) sp.push_back("p" + std::to_string(5 * g + p) + "-plan");
        json sub = {{"id", "s" + std::to_string(g)}, {"plans", sp}, {"start", date_of(2025, 1, 1 + 7 * g)}};
        if (g < 2) sub["bundle"] = "suite" + std::to_string(g);
        subs.push_back(sub);
    }
    json actions = json::array();
    for (int y = 0; y < years; ++y) {
        const int year = 2025 + y;
        for (int g = 0; g < 4; ++g) {
            const std::string sub = "s" + std::to_string(g);
            // Product cancellation withdrawn in time (the add-on p%5==3, nothing depends on it).
            actions.push_back({{"on", date_of(year, 3, 3 + g)}, {"do", "cancel"}, {"by", "bill"},
                               {"subscription", sub}, {"products", {"p" + std::to_string(5 * g + 3)}}});
            actions.push_back({{"on", date_of(year, 3, 20 + g)}, {"do", "reactivate"}, {"by", "bill"},
                               {"subscription", sub}, {"products", {"p" + std::to_string(5 * g + 3)}}});
            // A late reactivation attempt of something not pending: refused not_pending.
            actions.push_back({{"on", date_of(year, 6, 10)}, {"do", "reactivate"}, {"by", "olga"},
                               {"subscription", sub}, {"products", {"p" + std::to_string(5 * g + 1)}}});
            // A whole-subscription cancel that misses the notice deadline, then withdrawn.
            actions.push_back({{"on", date_of(year, 9, 25)}, {"do", "cancel"}, {"by", "olga"}, {"subscription", sub}});
            actions.push_back({{"on", date_of(year, 10, 2)}, {"do", "reactivate"}, {"by", "olga"}, {"subscription", sub}});
        }
    }
    // In the last year, product cancellations that go through (with the requires cascade).
    const int last = 2025 + years - 1;
    for (int g = 0; g < 4; ++g)
        actions.push_back({{"on", date_of(last, 11, 1)}, {"do", "cancel"}, {"by", "olga"},
                           {"subscription", "s" + std::to_string(g)}, {"products", {"p" + std::to_string(5 * g)}}});
    s["catalog"] = {{"products", products}, {"plans", plans}, {"bundles", bundles}};
    s["subscriptions"] = subs;
    s["actions"] = actions;
    s["expect"] = json::array({{{"event", "reactivated"}, {"subscription", "s0"}},
                               {{"event", "price_changed"}, {"count", 2}}});
    return s.dump(2) + "\n";
}

// 3. The worst case within the limits: 100 years of daily billing with a daily reminder, in as
// many subscriptions as the output limit (max_output_records) allows.
std::string daily_worst_case_scenario(int subscriptions) {
    json s = base("100 years of daily periods", 100);
    s["catalog"] = {{"products", json::array({{{"id", "meter"}, {"name", "Meter"}}})},
                    {"plans", json::array({{{"id", "meter-daily"}, {"product", "meter"}, {"price", 10000000000LL},
                                            {"period", "P1D"}, {"reminders", {"P1D"}}}})}};
    json subs = json::array();
    for (int i = 0; i < subscriptions; ++i)
        subs.push_back({{"id", "s" + std::to_string(i)}, {"plans", {"meter-daily"}}, {"start", "2025-01-01"}});
    s["subscriptions"] = subs;
    return s.dump(2) + "\n";
}

// The largest number of daily subscriptions whose 100 years stay under max_output_records:
// each gives about 146,100 records (a renewed, an invoice, a reminder and an invoice line a day
// for 36,524 days), so 6 give about 876,600 and 7 would stop with the output-limit error.
int daily_subscriptions() {
    const char* env = std::getenv("SUBSIM_BENCH_DAILY_SUBS");
    return env ? std::atoi(env) : 6;
}

}  // namespace

std::vector<Case> scenario_set() {
    std::vector<Case> out;
    out.push_back({"1y_single_plan", "1y1p", single_plan_scenario(1)});
    // The 20-product scenario over 1, 10 and 100 years: cost should grow linearly.
    for (int years : {1, 10, 100}) {
        const std::string y = std::to_string(years) + "y";
        out.push_back({"20_products_" + y, y + "20p", twenty_product_scenario(years)});
    }
    out.push_back({"100y_daily_worst_case", "100y_daily", daily_worst_case_scenario(daily_subscriptions())});
    return out;
}

}  // namespace bench
