// model/line_pool.hpp: the invoice lines the engine bills live in their result's pool; copies of
// them are heap vectors of their own, and moving the result keeps them where they are.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <utility>

#include "engine/simulate.hpp"
#include "io/scenario_reader.hpp"
#include "model/line_pool.hpp"
#include "model/result.hpp"

using namespace subsim;

namespace {

InvoiceLine line_of(std::int64_t amount) {
    InvoiceLine l;
    l.amount = Money{amount};
    return l;
}

Result monthly_for_a_year() {
    const ScenarioReading reading = read_scenario(R"({
      "subsim": 1, "start": "2025-01-01", "until": "2025-12-31", "currency": "EUR",
      "account": {"id": "a", "created": "2020-01-01", "owner": "o", "payment_method": true, "users": [{"id": "o", "role": "owner"}]},
      "catalog": {"products": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                  "plans": [{"id": "pa", "product": "a", "period": "P1M", "price": 1000},
                            {"id": "pb", "product": "b", "period": "P1M", "price": 500}]},
      "subscriptions": [{"id": "s", "start": "2025-01-01", "plans": ["pa", "pb"]}]
    })");
    REQUIRE(reading.scenario);
    return simulate(*reading.scenario);
}

}  // namespace

TEST_CASE("Lines on a pool take its storage, in order, and outlive growth", "[model]") {
    LinePool pool;
    InvoiceLines lines{LineAllocator<InvoiceLine>{&pool}};
    for (int i = 0; i < 100; ++i) lines.push_back(line_of(i));  // grows several times, all from the pool
    REQUIRE(lines.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(lines[static_cast<std::size_t>(i)].amount.minor() == i);
    CHECK(lines.get_allocator().pool() == &pool);
    InvoiceLines moved = std::move(lines);  // the allocator moves with the lines
    CHECK(moved.get_allocator().pool() == &pool);
    CHECK(moved.back().amount.minor() == 99);
}

TEST_CASE("A copy of pooled lines is a heap vector of its own", "[model]") {
    LinePool pool;
    InvoiceLines lines{LineAllocator<InvoiceLine>{&pool}};
    lines.push_back(line_of(7));
    const InvoiceLines copy = lines;
    CHECK(copy.get_allocator().pool() == nullptr);
    CHECK(copy.front().amount.minor() == 7);
    CHECK(copy.data() != lines.data());
}

TEST_CASE("A simulation bills its invoice lines into its result's pool, and they stay valid when the result moves",
          "[engine]") {
    Result result = monthly_for_a_year();
    REQUIRE(result.line_pool);
    REQUIRE(result.invoices.size() == 12);
    for (const Invoice& invoice : result.invoices) {
        CHECK(invoice.lines.get_allocator().pool() == result.line_pool.get());
        CHECK(invoice.lines.size() == 2);
    }
    const Result moved = std::move(result);
    CHECK(moved.invoices.back().lines.front().amount.minor() == 1000);
    CHECK(moved.invoices.back().lines.back().amount.minor() == 500);
    const Result copied = moved;  // its lines are copies on the heap
    CHECK(copied.invoices.front().lines.get_allocator().pool() == nullptr);
    CHECK(copied.total_charged == moved.total_charged);
}
