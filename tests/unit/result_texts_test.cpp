// The writer's precomputed pieces (core/io/result_texts.hpp) and the parser's key comparison
// (same_key in core/io/json_value.hpp): each piece is the literal keys and punctuation the record
// needs, around an id escaped once; a detail key is known by where it lives and its length.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "io/json_value.hpp"
#include "io/result_texts.hpp"

using subsim::DetailKeys;

TEST_CASE("ResultTexts: ids escaped once, with the keys after them, null for no id", "[json][writer]") {
    subsim::Result r;
    r.subscription_ids = {"s0", "a\"b"};
    r.product_ids = {"p\\1"};
    r.bundle_ids = {"suite"};
    r.plan_ids = {"monthly"};
    const subsim::ResultTexts t{r};
    CHECK(t.subscription_then_product(0) == "\"s0\", \"product\": ");
    CHECK(t.subscription_then_product(1) == "\"a\\\"b\", \"product\": ");
    CHECK(t.subscription_then_product(std::nullopt) == "null, \"product\": ");
    CHECK(t.product_then_details(0) == "\"p\\\\1\", \"details\": {");
    CHECK(t.product_then_state(0) == "\"p\\\\1\", \"state\": \"");
    CHECK(t.subscription_then_amount(std::nullopt) == "null, \"amount\": ");
    CHECK(t.bundle_then_from(0) == "\"suite\", \"from\": ");
    CHECK(t.bundle_then_plan(std::nullopt) == "null, \"plan\": ");
    CHECK(t.plan_then_kind(0) == "\"monthly\", \"kind\": \"");
    CHECK(t.type_then_subscription(subsim::EventType::renewed) == ", \"type\": \"renewed\", \"subscription\": ");
    CHECK(t.rule_then_end(subsim::Rule::renewal_auto) == "}, \"rule\": \"renewal.auto\"}");
    CHECK(t.state_then_from(subsim::State::active) == "active\", \"from\": ");
    CHECK(t.longest_id() == std::string("\"monthly\"").size());  // the longest of all four lists
}

TEST_CASE("DetailKeys: the same literal, or a prefix of it, gives its own piece", "[json][writer]") {
    static constexpr std::string_view literal = "renews_on";
    DetailKeys keys;
    for (int round = 0; round < 2; ++round) {
        CHECK(keys.of(literal) == ", \"renews_on\": ");
        CHECK(keys.of(literal.substr(0, 6)) == ", \"renews\": ");
        CHECK(keys.of("amount") == ", \"amount\": ");
    }
}

TEST_CASE("same_key agrees with == for every length and every differing byte", "[json][parser]") {
    for (std::size_t n = 0; n <= 20; ++n) {
        std::string a(n, 'k');
        for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i);
        CHECK(subsim::same_key(a, a));
        CHECK_FALSE(subsim::same_key(a, a + "x"));
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = 'Z';
            INFO("length " << n << ", differing at " << i);
            CHECK_FALSE(subsim::same_key(a, b));
        }
    }
}
