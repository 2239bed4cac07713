// SPEC-v2 §9: a version 1 file keeps its v1.3 answer byte for byte (the golden results prove it),
// and the same file relabelled "subsim": 2 differs only where §9 says: subsim 2 and today null;
// invoices paid on their own date; lines with their plan and kind period; totals credited and
// unpaid at 0. Version 2 keys in a version 1 file are errors that say they need "subsim": 2.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "io/json_api.hpp"
#include "io/scenario_reader.hpp"

namespace fs = std::filesystem;
using ordered = nlohmann::ordered_json;

namespace {

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string relabelled(std::string text) {
    const std::string from = "\"subsim\": 1", to = "\"subsim\": 2";
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// Takes away from a relabelled result exactly what §9 allows, checking each value on the way.
ordered back_to_version_1(ordered r) {
    CHECK(r["subsim"] == 2);
    CHECK(r["today"].is_null());
    r["subsim"] = 1;
    r.erase("today");
    for (ordered& invoice : r["invoices"]) {
        CHECK(invoice["status"] == "paid");
        CHECK(invoice["paid_on"] == invoice["date"]);
        invoice.erase("status");
        invoice.erase("paid_on");
        for (ordered& line : invoice["lines"]) {
            CHECK(line["kind"] == "period");
            CHECK(line["plan"].is_string() == line["product"].is_string());  // null on a bundle line
            line.erase("plan");
            line.erase("kind");
        }
    }
    CHECK(r["summary"]["total_credited"] == 0);
    CHECK(r["summary"]["total_unpaid"] == 0);
    r["summary"].erase("total_credited");
    r["summary"].erase("total_unpaid");
    return r;
}

}  // namespace

TEST_CASE("A version 1 file relabelled 2 differs only as SPEC-v2 §9 lists", "[format-version]") {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(SUBSIM_SOURCE_DIR) / "scenarios")) {
        if (entry.path().extension() != ".json" || entry.path().string().find("schema") != std::string::npos) continue;
        const std::string text = read_text(entry.path());
        if (text.find("\"subsim\": 1") == std::string::npos) continue;
        INFO("scenario " << entry.path().filename().string());
        const subsim::JsonAnswer v1 = subsim::simulate_json(text);
        const subsim::JsonAnswer v2 = subsim::simulate_json(relabelled(text));
        REQUIRE(v1.status == v2.status);
        const ordered a = ordered::parse(v1.json);
        const ordered b = back_to_version_1(ordered::parse(v2.json));
        CHECK(b.dump() == a.dump());  // same keys, same order, same values
        ++files;
    }
    CHECK(files >= 40);
}

namespace {

const char* kV1WithV2Keys = R"({
  "subsim": 1,
  "title": "v2 keys in a v1 file",
  "currency": "EUR",
  "start": "2025-01-01",
  "until": "2025-03-31",
  "catalog": {
    "products": [ { "id": "p", "name": "P" } ],
    "plans": [ { "id": "m", "product": "p", "price": 1000, "period": "P1M", "termination_fee": 500 },
               { "id": "n", "product": "p", "price": 2000, "period": "P1M" } ]
  },
  "account": { "id": "a", "created": "2025-01-01", "owner": "o", "payment_method": true },
  "subscriptions": [ { "id": "s1", "plans": ["m"], "start": "2025-01-01" } ],
  "actions": [ { "on": "2025-02-10", "do": "change_plan", "subscription": "s1", "to": "n" } ]
})";

const subsim::Diagnostic* error_at(const subsim::Diagnostics& errors, const std::string& pointer) {
    for (const subsim::Diagnostic& d : errors)
        if (d.pointer == pointer) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("Version 2 keys and actions in a version 1 file need \"subsim\": 2, with pointer and line:column",
          "[format-version]") {
    const subsim::ScenarioReading reading = subsim::read_scenario(kV1WithV2Keys);
    REQUIRE_FALSE(reading.scenario);
    const subsim::Diagnostic* fee = error_at(reading.errors, "/catalog/plans/0/termination_fee");
    REQUIRE(fee);
    CHECK(fee->message.find("needs \"subsim\": 2") != std::string::npos);
    CHECK(fee->line == 9);
    const subsim::Diagnostic* change = error_at(reading.errors, "/actions/0/do");
    REQUIRE(change);
    CHECK(change->message.find("needs \"subsim\": 2") != std::string::npos);
    CHECK(change->line == 14);
    CHECK(change->column > 1);
}

TEST_CASE("The format version is 1 or 2, anything else is an error at /subsim", "[format-version]") {
    std::string text = kV1WithV2Keys;
    text.replace(text.find("\"subsim\": 1"), 11, "\"subsim\": 3");
    const subsim::ScenarioReading reading = subsim::read_scenario(text);
    const subsim::Diagnostic* version = error_at(reading.errors, "/subsim");
    REQUIRE(version);
    CHECK(version->message.find("expected 1 or 2") != std::string::npos);
    text.replace(text.find("\"subsim\": 3"), 11, "\"subsim\": 2");
    CHECK(subsim::read_scenario(text).scenario.has_value());
}

TEST_CASE("The errors object repeats the file's format version", "[format-version]") {
    std::string text = kV1WithV2Keys;
    CHECK(nlohmann::json::parse(subsim::validate_json(text).json)["subsim"] == 1);
    text.replace(text.find("\"subsim\": 1"), 11, "\"subsim\": 2");
    text.replace(text.find("\"to\": \"n\""), 9, "\"to\": \"zz\"");
    const subsim::JsonAnswer answer = subsim::simulate_json(text);
    CHECK(answer.status == 2);
    CHECK(nlohmann::json::parse(answer.json)["subsim"] == 2);
}

TEST_CASE("Format 2 keeps one invoice per subscription per date, a manual renewal on a billing date included",
          "[format-version]") {
    std::string text = R"({
  "subsim": 2, "title": "renew on a billing date", "currency": "EUR", "start": "2025-01-01", "until": "2025-03-31",
  "catalog": { "products": [ { "id": "p", "name": "P" } ],
    "plans": [ { "id": "m", "product": "p", "price": 1000, "period": "P1M", "term": "P3M", "auto_renew": false } ] },
  "account": { "id": "a", "created": "2025-01-01", "owner": "o", "payment_method": true },
  "subscriptions": [ { "id": "s1", "plans": ["m"], "start": "2025-01-01" } ],
  "actions": [ { "on": "2025-02-01", "do": "renew", "subscription": "s1" } ]
})";
    const nlohmann::json v2 = nlohmann::json::parse(subsim::simulate_json(text).json);
    int on_feb_1 = 0;
    for (const auto& inv : v2["invoices"])
        if (inv["date"] == "2025-02-01") {
            ++on_feb_1;
            CHECK(inv["amount"] == 1000 + 3000);
        }
    CHECK(on_feb_1 == 1);
    text.replace(text.find("\"subsim\": 2"), 11, "\"subsim\": 1");
    int v1_on_feb_1 = 0;  // version 1 keeps the v1.3 answer: two invoices that day
    const nlohmann::json v1 = nlohmann::json::parse(subsim::simulate_json(text).json);
    for (const auto& inv : v1["invoices"]) v1_on_feb_1 += inv["date"] == "2025-02-01";
    CHECK(v1_on_feb_1 == 2);
}
