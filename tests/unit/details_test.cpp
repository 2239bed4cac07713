// An event's details (core/model/details.hpp): the pairs stay in the order the engine gave them,
// held in the event up to three and on the heap beyond, through copies, moves and reassignment.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "model/details.hpp"

using subsim::Date;
using subsim::Details;

namespace {

std::string keys_of(const Details& d) {
    std::string out;
    for (const subsim::Detail& p : d) out += std::string(out.empty() ? "" : ",") + std::string(p.key);
    return out;
}

// Three pairs (held inline) and seven (on the heap), one of them a string too long for SSO.
Details three() { return {{"renews_on", *Date::parse("2025-02-15")}, {"before", std::string("P7D")}, {"auto_renew", true}}; }
Details seven() {
    return {{"a", std::int64_t{1}}, {"b", nullptr}, {"c", std::string(40, 'x')}, {"d", false},
            {"e", std::int64_t{-5}}, {"f", *Date::parse("2030-12-31")}, {"g", std::string("end_of_term")}};
}

}  // namespace

TEST_CASE("Details keep their pairs in the order given, inline or spilled", "[details]") {
    CHECK(Details{}.empty());
    const Details small = three();
    REQUIRE(small.size() == 3);
    CHECK(keys_of(small) == "renews_on,before,auto_renew");
    CHECK(std::get<std::string>(small[1].value) == "P7D");
    const Details big = seven();
    REQUIRE(big.size() == 7);
    CHECK(keys_of(big) == "a,b,c,d,e,f,g");
    CHECK(std::get<std::string>(big[2].value) == std::string(40, 'x'));
    CHECK(std::get<Date>(big[5].value) == *Date::parse("2030-12-31"));
}

TEST_CASE("Details copied, moved or reassigned keep the same pairs", "[details]") {
    for (const Details& original : {three(), seven()}) {
        Details copy = original;
        CHECK(keys_of(copy) == keys_of(original));
        Details moved = std::move(copy);
        CHECK(keys_of(moved) == keys_of(original));
        CHECK(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from Details is empty
        Details target = seven();
        target = original;
        CHECK(keys_of(target) == keys_of(original));
        target = {{"amount", std::int64_t{4900}}};  // as the engine rewrites an invoice's amount
        REQUIRE(target.size() == 1);
        CHECK(std::get<std::int64_t>(target[0].value) == 4900);
        target = std::move(moved);
        CHECK(keys_of(target) == keys_of(original));
    }
}

TEST_CASE("A string detail is owned or one of the engine's literals, and text_of reads both", "[details]") {
    const Details d{{"kind", std::string_view("cancellation_confirmation")}, {"by", std::string("rachel")},
                    {"count", std::int64_t{2}}};
    REQUIRE(d.size() == 3);
    CHECK(std::holds_alternative<std::string_view>(d[0].value));  // a literal: no copy, no allocation
    CHECK(subsim::text_of(d[0].value) == std::optional<std::string_view>("cancellation_confirmation"));
    CHECK(subsim::text_of(d[1].value) == std::optional<std::string_view>("rachel"));
    CHECK_FALSE(subsim::text_of(d[2].value).has_value());
    const Details copy = d;  // the literal stays a view of the same characters
    CHECK(std::get<std::string_view>(copy[0].value).data() == std::get<std::string_view>(d[0].value).data());
}
