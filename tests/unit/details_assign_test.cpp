// Details assigned from a braced list (Simulation::emit writes an event's details this way):
// the pairs replace what was held, inline or spilled, in the order given.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "model/details.hpp"

using subsim::Date;
using subsim::Details;

TEST_CASE("Details assigned from a braced list replace the pairs held", "[details]") {
    Details d{{"a", std::int64_t{1}}, {"b", nullptr}, {"c", std::string(40, 'x')}, {"d", false}};  // spilled
    d = {{"amount", std::int64_t{4900}}};
    REQUIRE(d.size() == 1);
    CHECK(d[0].key == "amount");
    CHECK(std::get<std::int64_t>(d[0].value) == 4900);
    d = {{"kind", std::string("cancellation_confirmation")}, {"effective", *Date::parse("2025-03-15")},
         {"access_until", *Date::parse("2025-03-14")}, {"by", std::string("olga")}};  // inline to spilled
    REQUIRE(d.size() == 4);
    CHECK(std::get<std::string>(d[0].value) == "cancellation_confirmation");
    CHECK(std::get<std::string>(d[3].value) == "olga");
    CHECK(d[3].key == "by");
    d = {};
    CHECK(d.empty());
}

TEST_CASE("A new event's details are filled or copied in place, inline or spilled", "[details]") {
    Details few;
    few.fill_new(subsim::Pair{"amount", std::int64_t{4900}}, subsim::Pair{"by", std::string("olga")});
    REQUIRE(few.size() == 2);
    CHECK(std::get<std::int64_t>(few[0].value) == 4900);
    CHECK(std::get<std::string>(few[1].value) == "olga");
    Details many;
    many.fill_new(subsim::Pair{"a", true}, subsim::Pair{"b", nullptr}, subsim::Pair{"c", std::string(40, 'x')},
                  subsim::Pair{"d", *Date::parse("2025-03-14")});
    REQUIRE(many.size() == 4);
    CHECK(many[2].key == "c");
    CHECK(std::get<std::string>(many[2].value) == std::string(40, 'x'));
    Details copied;
    copied.copy_new({{"kind", std::string("cancellation_confirmation")}, {"amount", std::int64_t{-1}}});
    REQUIRE(copied.size() == 2);
    CHECK(copied[0].key == "kind");
    CHECK(std::get<std::int64_t>(copied[1].value) == -1);
}
