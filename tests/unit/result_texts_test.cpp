// The writer's precomputed pieces (core/io/result_texts.hpp) and the parser's key comparison
// (same_key in core/io/json_value.hpp): each piece is the literal keys and punctuation the record
// needs, around an id escaped once; a detail key is known by where it lives and its length.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "io/json_value.hpp"
#include "io/json_writer.hpp"
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

TEST_CASE("DetailKeys: keys living where others would share a slot all keep their piece", "[json][writer]") {
    // Keys 128 bytes apart share a slot by their address: each one still gets its own piece,
    // again and again, up to the table's 48 keys; past them, none (the writer writes the key
    // itself). The first ones keep theirs.
    static char place[64 * 128];
    std::vector<std::string_view> keys;
    for (int i = 0; i < 60; ++i) {
        char* at = place + 128 * i;
        const std::string name = "k" + std::to_string(i);
        name.copy(at, name.size());
        keys.emplace_back(at, name.size());
    }
    DetailKeys table;
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < keys.size(); ++i) {
            INFO("key " << i << ", round " << round);
            if (i < 48) CHECK(table.of(keys[i]) == ", \"" + std::string(keys[i]) + "\": ");
            else CHECK(table.of(keys[i]).empty());
        }
}

TEST_CASE("write_result_json: an answer with more keys than DetailKeys keeps writes them all", "[json][writer]") {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (int i = 0; i < 60; ++i) n.push_back("key_" + std::to_string(i));
        return n;
    }();
    subsim::Result r;
    r.subscription_ids = {"s1"};
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < names.size(); ++i) {
            subsim::Event e;
            e.subscription = 0;
            e.details = {{names[i], static_cast<std::int64_t>(i)}, {"amount", std::int64_t{4900}}};
            r.events.push_back(std::move(e));
        }
    const std::string text = subsim::write_result_json(r);
    std::size_t from = 0;
    for (int round = 0; round < 2; ++round)
        for (std::size_t i = 0; i < names.size(); ++i) {
            const std::string details = "\"details\": {\"" + names[i] + "\": " + std::to_string(i) + ", \"amount\": 4900}";
            INFO("event " << i << ", round " << round);
            from = text.find(details, from);
            REQUIRE(from != std::string::npos);
        }
}

TEST_CASE("Pool: pieces quoted or in two parts, past its reserve, stay readable once sealed", "[json][writer]") {
    subsim::Pool pool;
    pool.reserve(2, 8);
    std::vector<std::size_t> at;
    std::vector<std::string> expected;
    for (int i = 0; i < 40; ++i) {  // far past the reserve: the pool grows and keeps its pieces
        const std::string id = std::string(static_cast<std::size_t>(i), 'x');
        at.push_back(pool.add_quoted(id, ", \"product\": "));
        expected.push_back("\"" + id + "\", \"product\": ");
        at.push_back(pool.add("null", ", \"details\": {"));
        expected.push_back("null, \"details\": {");
        at.push_back(pool.add(id));
        expected.push_back(id);
    }
    pool.seal();
    for (std::size_t i = 0; i < at.size(); ++i) CHECK(pool[at[i]] == expected[i]);
    const std::string_view last = pool[at.back()];
    CHECK(std::string_view(last.data() + last.size(), subsim::Write::slack) == std::string(subsim::Write::slack, ' '));
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
