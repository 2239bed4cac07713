// Reader errors in the author's terms (core/io/error_hints.*): a date that is written right but
// does not exist says so, and a known key at the wrong level says where it belongs.
#include <string>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "io/error_hints.hpp"
#include "io/json_api.hpp"

namespace {

using nlohmann::json;

const std::string kScenario = R"({
  "subsim": 1, "currency": "EUR", "start": "START", "until": "2025-12-31",
  "catalog": { "products": [ { "id": "app", "name": "App" } ],
               "plans": [ { "id": "m", "product": "app", "price": 1000, "period": "P1M" } ] },
  "account": { "id": "acme", "created": "2024-06-01" },
  "subscriptions": [ { "id": "s1", "plans": ["m"], "start": "2025-01-15" } ]
})";

std::string with(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

// The one error of an invalid scenario, as the page and the CLI get it.
json only_error(const std::string& text) {
    const json out = json::parse(subsim::validate_json(text).json);
    INFO(out.dump());
    REQUIRE(out["errors"].size() == 1);
    return out["errors"][0];
}

}  // namespace

TEST_CASE("A 29 February outside a leap year is reported as a day that does not exist", "[errors][hints]") {
    const json e = only_error(with(kScenario, "START", "2025-02-29"));
    CHECK(e["pointer"] == "/start");
    CHECK(e["message"] == "29 February 2025 does not exist (2025 is not a leap year)");
    CHECK(e["line"] == 2);
}

TEST_CASE("A day past the end of its month names the month's length", "[errors][hints]") {
    CHECK(*subsim::date_hint(json("2025-02-30")) == "30 February 2025 does not exist (February 2025 has 28 days)");
    CHECK(*subsim::date_hint(json("2024-04-31")) == "31 April 2024 does not exist (April 2024 has 30 days)");
    CHECK(*subsim::date_hint(json("2025-13-01")) == "\"2025-13-01\": there is no month 13 (dates are written YYYY-MM-DD)");
    CHECK(*subsim::date_hint(json("2025-03-00")) == "\"2025-03-00\": there is no day 0");
}

TEST_CASE("A date without two-digit month and day is shown written right", "[errors][hints]") {
    CHECK(*subsim::date_hint(json("2025-2-3")) == "\"2025-2-3\": write the month and the day with two digits, 2025-02-03");
}

TEST_CASE("Dates the generic message describes better get no hint", "[errors][hints]") {
    CHECK_FALSE(subsim::date_hint(json("2025-02-28")));  // a real date
    CHECK_FALSE(subsim::date_hint(json("1800-01-01")));  // out of range: the generic message gives the range
    CHECK_FALSE(subsim::date_hint(json("15/01/2025")));
    CHECK_FALSE(subsim::date_hint(json(20250115)));
    const json e = only_error(with(kScenario, "START", "tomorrow"));
    CHECK(e["message"].get<std::string>().find("expected a date written YYYY-MM-DD") == 0);
}

TEST_CASE("A known key at the top level says which object it belongs inside", "[errors][hints]") {
    const std::string text = with(with(kScenario, "START", "2025-01-01"), R"("subsim": 1,)", R"("subsim": 1, "products": [],)");
    const json e = only_error(text);
    CHECK(e["pointer"] == "/products");
    CHECK(e["message"] == "unknown key \"products\"; \"products\" belongs inside \"catalog\" (keys starting with x- are free for notes)");
}

TEST_CASE("A misplaced key points to the nearest place it belongs", "[errors][hints]") {
    CHECK(subsim::misplaced_key_hint("/catalog/plans/0", "length") == "; \"length\" belongs inside \"catalog.plans[].trial\"");
    CHECK(subsim::misplaced_key_hint("/account/users/1", "notice") == "; \"notice\" belongs inside an item of \"catalog.plans\"");
    CHECK(subsim::misplaced_key_hint("/catalog", "currency") == "; \"currency\" belongs at the top level");
    CHECK(subsim::misplaced_key_hint("", "plans") == "; \"plans\" belongs inside \"catalog\"");
    CHECK(subsim::misplaced_key_hint("", "unheard_of").empty());
}

TEST_CASE("A key of this object refused for another reason gets no place elsewhere", "[errors][hints]") {
    // "products" belongs to actions, but not to a renew (docs/semantics.md): no "inside catalog".
    CHECK(subsim::misplaced_key_hint("/actions/0", "products").empty());
}

TEST_CASE("A close typo keeps its suggestion rather than a place elsewhere", "[errors][hints]") {
    CHECK(subsim::or_misplaced("; did you mean \"products\"?", "/actions/0", "product") == "; did you mean \"products\"?");
    CHECK(subsim::or_misplaced("", "", "plans") == "; \"plans\" belongs inside \"catalog\"");
}
