// schema/scenario.schema.json against SPEC §2: the bundled scenarios conform to it, and it
// rejects what §2 forbids (unknown keys, bad dates and durations, negative prices, unknown
// actions, missing required keys) while leaving x- keys free at every level.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

// Schema-parser problems throw instead of calling abort(), so a broken schema fails one test.
#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <catch2/catch.hpp>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSourceDir{SUBSIM_SOURCE_DIR};

json read_json_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// valijson reports where an error sits as {"<root>", "[catalog]", "[plans]", "[0]"}; turn that
// into the JSON Pointer an author sees in subsim's own errors ("/catalog/plans/0").
std::string to_pointer(const std::vector<std::string>& context) {
    std::string pointer;
    for (const std::string& part : context) {
        if (part == "<root>") continue;
        std::string token = part;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
            token = token.substr(1, token.size() - 2);
        }
        pointer += '/' + token;
    }
    return pointer;
}

struct SchemaError {
    std::string pointer;
    std::string message;
};

class ScenarioSchema {
public:
    static const ScenarioSchema& instance() {
        static const ScenarioSchema schema;
        return schema;
    }

    const json& document() const { return document_; }

    std::vector<SchemaError> errors(const json& scenario) const {
        valijson::Validator validator(valijson::Validator::kStrongTypes);
        valijson::ValidationResults results;
        const valijson::adapters::NlohmannJsonAdapter target(scenario);
        std::vector<SchemaError> found;
        if (!validator.validate(schema_, target, &results)) {
            for (const auto& error : results) found.push_back({to_pointer(error.context), error.description});
            if (found.empty()) found.push_back({"", "invalid (no detail)"});
        }
        return found;
    }

private:
    ScenarioSchema() : document_(read_json_file(kSourceDir / "schema" / "scenario.schema.json")) {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::NlohmannJsonAdapter adapter(document_);
        parser.populateSchema(adapter, schema_);
    }

    json document_;
    valijson::Schema schema_;
};

std::string describe(const std::vector<SchemaError>& errors) {
    std::string text;
    for (const SchemaError& e : errors) text += "  " + (e.pointer.empty() ? "/" : e.pointer) + ": " + e.message + "\n";
    return text.empty() ? "  (no errors)\n" : text;
}

// The example scenario of SPEC §2, verbatim.
json spec_example() {
    return json::parse(R"({
  "$schema": "https://example.invalid/subsim/scenario.schema.json",
  "subsim": 1,
  "title": "RescueAssist: cancel the next payment, then change your mind",
  "source": "RESCUEASSIST",
  "locale": "fr",
  "currency": "EUR",
  "start": "2025-01-15",
  "until": "2025-06-30",
  "holidays": [],
  "catalog": {
    "products": [ { "id": "rescue", "name": "RescueAssist" } ],
    "plans": [ { "id": "rescue-monthly", "product": "rescue", "price": 4900, "period": "P1M" } ]
  },
  "account": {
    "id": "acme", "created": "2025-01-15", "payment_method": true,
    "users": [ { "id": "ana", "role": "billing_contact" } ]
  },
  "permissions": { "cancel": ["owner", "billing_contact"], "reactivate": ["owner", "billing_contact"] },
  "subscriptions": [ { "id": "s1", "plans": ["rescue-monthly"], "start": "2025-01-15" } ],
  "actions": [
    { "on": "2025-03-02", "do": "cancel", "by": "ana", "subscription": "s1" },
    { "on": "2025-03-10", "do": "reactivate", "by": "ana", "subscription": "s1" }
  ],
  "expect": [
    { "on": "2025-03-05", "subscription": "s1", "state": "pending_cancellation" },
    { "event": "cancellation_effective", "subscription": "s1", "absent": true },
    { "total_charged": 29400 }
  ]
})");
}

// A scenario that uses every key of SPEC §2 at least once, so that rejecting one value is
// proof the rule bites, not that the schema rejects everything.
json full_scenario() {
    return json::parse(R"({
  "$schema": "https://example.invalid/subsim/scenario.schema.json",
  "subsim": 1,
  "title": "Every key",
  "source": "ZENDESK",
  "locale": "en",
  "currency": "USD",
  "start": "2024-01-01",
  "until": "2026-12-31",
  "holidays": ["2024-12-25", "2025-01-01"],
  "catalog": {
    "products": [
      { "id": "support", "name": "Support", "cancels_account": { "if_account_created_before": "2020-10-07" } },
      { "id": "chat", "name": "Chat", "cancels_account": true },
      { "id": "guide", "name": "Guide", "requires": ["support"], "cancels_account": false }
    ],
    "plans": [
      { "id": "support-monthly", "product": "support", "price": 4900, "period": "P1M",
        "trial": { "length": "P14D", "requires_payment_method": false, "cancel": "contact_support" },
        "term": "P1Y", "auto_renew": true, "renewal_term": "P1Y", "notice": "P30D",
        "cancellation": "end_of_next_period", "reactivation": true, "renewal_grace": "P30D",
        "self_service": true, "channel": "online", "reminders": ["P7D", "P1M"] },
      { "id": "chat-monthly", "product": "chat", "price": 0, "period": "P1M",
        "cancellation": "end_of_term", "auto_renew": false, "channel": "reseller", "self_service": false },
      { "id": "guide-monthly", "product": "guide", "price": 1900, "period": "P1M",
        "trial": { "length": "P14D" }, "cancellation": "immediate", "reactivation": false }
    ],
    "bundles": [
      { "id": "suite", "name": "Suite", "products": ["support", "guide"], "price": 5900, "period": "P1M",
        "members_cancellable": false }
    ]
  },
  "account": {
    "id": "acme", "created": "2019-05-01", "owner": "olga", "payment_method": false, "data_retention": "P30D",
    "users": [ { "id": "olga", "role": "owner" }, { "id": "bob", "role": "billing_admin" } ]
  },
  "permissions": {
    "cancel": ["owner"], "reactivate": ["owner"], "add_payment_method": ["owner", "billing_admin"],
    "renew": [], "close_account": ["owner"], "transfer": ["owner"], "activate": ["owner"]
  },
  "subscriptions": [
    { "id": "s1", "plans": ["support-monthly", "guide-monthly"], "start": "2024-01-01", "bundle": "suite", "number": "SUB-0001" },
    { "id": "s2", "plans": ["chat-monthly"], "start": "2024-02-01" },
    { "id": "s3", "plans": ["chat-monthly"], "start": "2024-02-01", "number": "RH-1", "activation_required": true }
  ],
  "actions": [
    { "on": "2024-01-10", "do": "add_payment_method", "by": "olga" },
    { "on": "2024-03-02", "do": "cancel", "by": "bob", "subscription": "s1", "products": ["guide"] },
    { "on": "2024-03-03", "do": "reactivate", "subscription": "s1", "products": ["guide"] },
    { "on": "2024-04-01", "do": "renew", "subscription": "s2" },
    { "on": "2024-05-01", "do": "transfer", "subscription": "s2", "to": "globex", "separate_entity": true },
    { "on": "2024-06-01", "do": "close_account" },
    { "on": "2024-02-03", "do": "activate", "by": "olga", "subscription": "s3", "number": "RH-1" }
  ],
  "expect": [
    { "on": "2024-03-05", "subscription": "s1", "state": "active" },
    { "on": "2024-03-05", "subscription": "s1", "product": "guide", "state": "active" },
    { "event": "action_refused", "subscription": "s1", "product": "guide", "on": "2024-03-02", "count": 1 },
    { "event": "account_closed", "absent": false },
    { "event": "trial_expired", "absent": true },
    { "total_charged": 0 }
  ]
})");
}

json with(json scenario, const std::string& pointer, json value) {
    scenario[json::json_pointer(pointer)] = std::move(value);
    return scenario;
}

json without(json scenario, const std::string& pointer) {
    const json::json_pointer where(pointer);
    scenario[where.parent_pointer()].erase(where.back());
    return scenario;
}

// `pointer` is `where` or lies inside it ("/expect/1/on" is inside "/expect/1", "/expect/10" is not).
bool is_at_or_inside(const std::string& pointer, const std::string& where) {
    return pointer.compare(0, where.size(), where) == 0 &&
           (pointer.size() == where.size() || pointer[where.size()] == '/');
}

// The scenario is rejected, and at least one error points at or inside `where`.
void check_rejected(const json& scenario, const std::string& where, const std::string& why) {
    const auto errors = ScenarioSchema::instance().errors(scenario);
    INFO(why << "\nexpected an error at " << where << "; schema said:\n" << describe(errors));
    CHECK_FALSE(errors.empty());
    CHECK(std::any_of(errors.begin(), errors.end(),
                      [&](const SchemaError& e) { return is_at_or_inside(e.pointer, where); }));
}

void check_accepted(const json& scenario, const std::string& why) {
    const auto errors = ScenarioSchema::instance().errors(scenario);
    INFO(why << "\nschema said:\n" << describe(errors));
    CHECK(errors.empty());
}

std::string escape_token(const std::string& key) {
    std::string token;
    for (const char c : key) {
        if (c == '~') token += "~0";
        else if (c == '/') token += "~1";
        else token += c;
    }
    return token;
}

// Calls `visit(pointer, object)` for every JSON object in `value`, outermost first.
void for_each_object(const json& value, const std::string& pointer,
                     const std::function<void(const std::string&, const json&)>& visit) {
    if (value.is_object()) {
        visit(pointer, value);
        for (const auto& [key, child] : value.items()) {
            for_each_object(child, pointer + "/" + escape_token(key), visit);
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) for_each_object(value[i], pointer + "/" + std::to_string(i), visit);
    }
}

}  // namespace

TEST_CASE("Every bundled scenario file conforms to the schema", "[schema]") {
    const fs::path dir = kSourceDir / "scenarios";
    std::vector<fs::path> files;
    if (fs::is_directory(dir)) {
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) WARN("no scenario files in " << dir.string() << " yet; only the schema's own rules are checked");

    for (const fs::path& file : files) {
        INFO("scenario file " << fs::relative(file, kSourceDir).string());
        json scenario;
        REQUIRE_NOTHROW(scenario = read_json_file(file));
        const auto errors = ScenarioSchema::instance().errors(scenario);
        INFO("schema said:\n" << describe(errors));
        CHECK(errors.empty());
    }
}

TEST_CASE("The SPEC example and a scenario using every key are valid", "[schema]") {
    check_accepted(spec_example(), "SPEC §2 example");
    check_accepted(full_scenario(), "scenario using every key");
}

TEST_CASE("The example scenarios in docs/scenario-format.md are valid", "[schema]") {
    std::ifstream in(kSourceDir / "docs" / "scenario-format.md");
    REQUIRE(in);
    std::string line, block;
    bool in_json = false;
    int scenarios = 0;
    while (std::getline(in, line)) {
        if (!in_json && line.rfind("```json", 0) == 0) {
            in_json = true;
            block.clear();
        } else if (in_json && line.rfind("```", 0) == 0) {
            in_json = false;
            const json parsed = json::parse(block, nullptr, false);
            // Fragments ("catalog": {...}) and the result/error samples are not whole scenarios.
            if (parsed.is_object() && parsed.contains("catalog")) {
                ++scenarios;
                check_accepted(parsed, "example scenario in docs/scenario-format.md");
            }
        } else if (in_json) {
            block += line + "\n";
        }
    }
    CHECK(scenarios >= 1);
}

TEST_CASE("Optional keys may be left out", "[schema]") {
    json minimal = spec_example();
    for (const char* optional : {"/$schema", "/title", "/source", "/locale", "/holidays", "/permissions", "/actions",
                                 "/expect", "/account/payment_method", "/account/users"}) {
        minimal = without(minimal, optional);
    }
    check_accepted(minimal, "only the required keys");
}

TEST_CASE("Unknown keys are errors at every level, x- keys are free", "[schema]") {
    const json scenario = full_scenario();
    std::vector<std::string> objects;
    for_each_object(scenario, "", [&](const std::string& pointer, const json&) { objects.push_back(pointer); });
    REQUIRE(objects.size() > 20);  // every level of the file is visited

    SECTION("a typo is an error in every object, top level included") {
        check_rejected(with(scenario, "/untill", "2026-12-31"), "", "misspelt top-level key");
        check_rejected(with(scenario, "/catalog/plans/0/cancelation", "immediate"), "/catalog/plans/0",
                       "misspelt plan key");
        for (const std::string& pointer : objects) {
            check_rejected(with(scenario, pointer + "/colour", "blue"), pointer, "unknown key in " + pointer);
        }
    }
    SECTION("a key starting with x- is accepted in every object, with any value") {
        json annotated = scenario;
        for (const std::string& pointer : objects) {
            annotated = with(annotated, pointer + "/x-note", "written by the author");
            annotated = with(annotated, pointer + "/x-review", json{{"by", "ana"}, {"todo", json::array({1, 2})}});
        }
        check_accepted(annotated, "x- keys in every object");
    }
    SECTION("X- or a key merely containing x- is not an extension") {
        check_rejected(with(scenario, "/X-note", "n"), "", "upper-case X-");
        check_rejected(with(scenario, "/account/note-x-", "n"), "/account", "x- not at the start");
    }
}

TEST_CASE("Dates are written YYYY-MM-DD everywhere", "[schema]") {
    const json scenario = full_scenario();
    const std::vector<std::string> date_places = {
        "/start", "/until", "/holidays/0", "/account/created", "/subscriptions/0/start", "/actions/0/on",
        "/expect/0/on", "/expect/2/on", "/catalog/products/0/cancels_account/if_account_created_before"};
    for (const std::string& where : date_places) {
        for (const json& bad : {json("2025-1-15"), json("15/01/2025"), json("2025-01-15T10:00:00"),
                                json("20250115"), json(""), json(20250115), json(nullptr)}) {
            check_rejected(with(scenario, where, bad), where, "date " + bad.dump() + " at " + where);
        }
        check_accepted(with(scenario, where, "2025-02-28"), "good date at " + where);
    }
}

TEST_CASE("Durations have a single unit, periods, terms, trials and reminders are never zero", "[schema]") {
    const json scenario = full_scenario();
    const std::vector<std::string> duration_places = {
        "/catalog/plans/0/period", "/catalog/plans/0/term", "/catalog/plans/0/renewal_term",
        "/catalog/plans/0/notice", "/catalog/plans/0/renewal_grace", "/catalog/plans/0/reminders/0",
        "/catalog/plans/0/trial/length", "/catalog/bundles/0/period", "/account/data_retention"};
    for (const std::string& where : duration_places) {
        for (const json& bad : {json("P1M15D"), json("P1Y2M"), json("PT1H"), json("P1DT12H"), json("-P1M"),
                                json("P-1M"), json("P1.5M"), json("1M"), json("p1m"), json("P1m"), json("P"),
                                json("P1X"), json(""), json(30)}) {
            check_rejected(with(scenario, where, bad), where, "duration " + bad.dump() + " at " + where);
        }
    }
    SECTION("billing periods, terms, trials and reminders are never zero") {
        for (const std::string where : {"/catalog/plans/0/period", "/catalog/plans/0/term",
                                        "/catalog/plans/0/renewal_term", "/catalog/bundles/0/period",
                                        "/catalog/plans/0/trial/length", "/catalog/plans/0/reminders/0"}) {
            check_rejected(with(scenario, where, "P0D"), where, "P0D at " + where);
            check_rejected(with(scenario, where, "P00M"), where, "P00M at " + where);
        }
        check_accepted(with(scenario, "/catalog/plans/0/period", "P10D"), "a ten-day period");
    }
    SECTION("P0D is a valid notice, grace or retention") {
        for (const std::string where : {"/catalog/plans/0/notice", "/catalog/plans/0/renewal_grace",
                                        "/account/data_retention"}) {
            check_accepted(with(scenario, where, "P0D"), "P0D at " + where);
        }
        for (const char* unit : {"P14D", "P2W", "P3M", "P2Y"}) {
            check_accepted(with(scenario, "/catalog/plans/0/notice", unit), std::string("notice ") + unit);
        }
    }
}

TEST_CASE("Prices and totals are non-negative integers in minor units", "[schema]") {
    const json scenario = full_scenario();
    for (const std::string where : {"/catalog/plans/0/price", "/catalog/bundles/0/price", "/expect/5/total_charged"}) {
        for (const json& bad : {json(-1), json(-4900), json(49.5), json("4900"), json(nullptr)}) {
            check_rejected(with(scenario, where, bad), where, "amount " + bad.dump() + " at " + where);
        }
        check_accepted(with(scenario, where, 0), "zero at " + where);
    }
}

TEST_CASE("Currency is a three-letter ISO 4217 code", "[schema]") {
    const json scenario = spec_example();
    for (const json& bad : {json("eur"), json("EURO"), json("EU"), json("€"), json(978)}) {
        check_rejected(with(scenario, "/currency", bad), "/currency", "currency " + bad.dump());
    }
    check_accepted(with(scenario, "/currency", "JPY"), "currency JPY");
}

TEST_CASE("The format version is 1 or 2", "[schema]") {
    const json scenario = spec_example();
    check_rejected(with(scenario, "/subsim", 3), "/subsim", "version 3");
    check_rejected(with(scenario, "/subsim", "1"), "/subsim", "version as a string");
}

TEST_CASE("Only the documented actions exist", "[schema]") {
    const json scenario = full_scenario();
    for (const char* bad : {"pause", "Cancel", "cancel ", "upgrade", "buy", ""}) {
        check_rejected(with(scenario, "/actions/1/do", bad), "/actions/1", std::string("do: \"") + bad + "\"");
    }
}

TEST_CASE("Required keys must be present", "[schema]") {
    const json scenario = full_scenario();
    const std::vector<std::string> required = {
        "/subsim", "/currency", "/start", "/until", "/catalog", "/account", "/subscriptions",
        "/catalog/products", "/catalog/plans",
        "/catalog/products/0/id", "/catalog/products/0/name",
        "/catalog/products/0/cancels_account/if_account_created_before",
        "/catalog/plans/0/id", "/catalog/plans/0/product", "/catalog/plans/0/price", "/catalog/plans/0/period",
        "/catalog/plans/0/trial/length",
        "/catalog/bundles/0/id", "/catalog/bundles/0/name", "/catalog/bundles/0/products",
        "/catalog/bundles/0/price", "/catalog/bundles/0/period",
        "/account/id", "/account/created", "/account/users/0/id", "/account/users/0/role",
        "/subscriptions/0/id", "/subscriptions/0/plans", "/subscriptions/0/start",
        "/actions/1/on", "/actions/1/do",
        "/expect/0/on", "/expect/0/subscription", "/expect/0/state", "/expect/2/event", "/expect/5/total_charged"};
    for (const std::string& pointer : required) {
        const std::string parent = json::json_pointer(pointer).parent_pointer().to_string();
        check_rejected(without(scenario, pointer), parent, "missing " + pointer);
    }
    SECTION("ids are never empty") {
        for (const std::string where : {"/catalog/products/0/id", "/catalog/plans/0/id", "/catalog/bundles/0/id",
                                        "/account/users/0/id", "/subscriptions/0/id"}) {
            check_rejected(with(scenario, where, ""), where, "empty id at " + where);
        }
    }
    SECTION("lists that name things are never empty") {
        check_rejected(with(scenario, "/subscriptions/0/plans", json::array()), "/subscriptions/0/plans", "no plans");
        check_rejected(with(scenario, "/catalog/bundles/0/products", json::array({"support"})),
                       "/catalog/bundles/0/products", "a bundle of one product");
        check_rejected(with(scenario, "/actions/1/products", json::array()), "/actions/1", "cancel no product");
    }
}

TEST_CASE("Each action carries the fields it needs, and only those", "[schema]") {
    const json scenario = full_scenario();
    // actions: 0 add_payment_method, 1 cancel, 2 reactivate, 3 renew, 4 transfer, 5 close_account
    for (const char* pointer : {"/actions/1/subscription", "/actions/2/subscription", "/actions/3/subscription",
                                "/actions/4/subscription", "/actions/4/to"}) {
        const std::string parent = json::json_pointer(pointer).parent_pointer().to_string();
        check_rejected(without(scenario, pointer), parent, std::string("missing ") + pointer);
    }
    check_rejected(with(scenario, "/actions/4/to", ""), "/actions/4", "transfer to an empty account id");
    check_rejected(with(scenario, "/actions/3/products", json::array({"support"})), "/actions/3", "renew products");
    check_rejected(with(scenario, "/actions/1/to", "globex"), "/actions/1", "cancel to");
    check_rejected(with(scenario, "/actions/2/separate_entity", true), "/actions/2", "reactivate separate_entity");
    check_rejected(with(scenario, "/actions/4/products", json::array({"chat"})), "/actions/4", "transfer products");
    check_rejected(with(scenario, "/actions/5/subscription", "s1"), "/actions/5", "close_account subscription");
    check_rejected(with(scenario, "/actions/0/to", "globex"), "/actions/0", "add_payment_method to");
    check_rejected(with(scenario, "/actions/4/separate_entity", "yes"), "/actions/4/separate_entity", "not a boolean");

    check_accepted(without(scenario, "/actions/4/separate_entity"), "separate_entity is optional");
    check_accepted(without(scenario, "/actions/1/products"), "cancel of a whole subscription");
    check_accepted(without(scenario, "/actions/1/by"), "action by the owner");

    // actions: 6 activate (SPEC §2.3): a subscription, an optional number, nothing else
    check_rejected(without(scenario, "/actions/6/subscription"), "/actions/6", "activate without a subscription");
    check_rejected(with(scenario, "/actions/6/products", json::array({"chat"})), "/actions/6", "activate products");
    check_rejected(with(scenario, "/actions/6/to", "globex"), "/actions/6", "activate to");
    check_rejected(with(scenario, "/actions/6/number", 4471), "/actions/6/number", "a number that is not text");
    check_rejected(with(scenario, "/actions/1/number", "RH-1"), "/actions/1", "cancel with an activation number");
    check_rejected(with(scenario, "/actions/3/number", "RH-1"), "/actions/3", "renew with an activation number");
    check_rejected(with(scenario, "/subscriptions/2/activation_required", "yes"), "/subscriptions/2/activation_required",
                   "activation_required not a boolean");
    check_accepted(without(scenario, "/actions/6/number"), "activate without a number");
}

TEST_CASE("Expectations are a state, an event or a total, never a mix", "[schema]") {
    const json scenario = full_scenario();
    check_rejected(with(scenario, "/expect/0/total_charged", 100), "/expect/0", "state and total mixed");
    check_rejected(with(scenario, "/expect/2/state", "active"), "/expect/2", "event and state mixed");
    check_rejected(with(scenario, "/expect/5/event", "invoice"), "/expect/5", "total and event mixed");
    check_rejected(with(scenario, "/expect/0/count", 1), "/expect/0", "count on a state expectation");
    check_rejected(with(scenario, "/expect", json::array({json::object()})), "/expect/0", "empty expectation");
    for (const char* bad : {"paused", "not_started", "Active", "canceled"}) {
        check_rejected(with(scenario, "/expect/0/state", bad), "/expect/0", std::string("state ") + bad);
    }
    for (const char* bad : {"invoiced", "cancelled", "Invoice"}) {
        check_rejected(with(scenario, "/expect/2/event", bad), "/expect/2", std::string("event ") + bad);
    }
    check_rejected(with(scenario, "/expect/2/count", -1), "/expect/2", "negative count");
    check_rejected(with(scenario, "/expect/2/count", 1.5), "/expect/2", "fractional count");
    check_rejected(with(scenario, "/expect/4/absent", "yes"), "/expect/4", "absent not a boolean");
    check_rejected(with(scenario, "/expect/2/absent", false), "/expect/2", "count and absent together");

    check_accepted(without(scenario, "/expect/1/product"), "state of a whole subscription");
    check_accepted(with(scenario, "/expect/2", json{{"event", "invoice"}}), "event with only its type");
    check_accepted(with(scenario, "/expect/2/product", nullptr), "event of a whole subscription (product null)");
    check_rejected(with(scenario, "/expect/1/product", nullptr), "/expect/1", "a state is of a named product or none");
    for (const char* state : {"trialing", "active", "pending_cancellation", "cancelled", "expired"}) {
        check_accepted(with(scenario, "/expect/0/state", state), std::string("state ") + state);
    }
    for (const char* event :
         {"subscription_started", "trial_started", "trial_ending", "trial_converted", "trial_expired", "invoice",
          "renewed", "renewal_reminder", "cancellation_requested", "cancellation_scheduled",
          "cancellation_effective", "reactivated", "action_refused", "email", "expired", "grace_ended",
          "price_changed", "account_closed", "data_deleted", "transfer_requested", "transfer_completed"}) {
        check_accepted(with(scenario, "/expect/2/event", event), std::string("event ") + event);
    }
}

TEST_CASE("cancels_account is true, false, or a created-before condition", "[schema]") {
    const json scenario = full_scenario();
    const std::string where = "/catalog/products/0/cancels_account";
    for (const json& bad : {json("yes"), json(1), json::object(), json{{"if_account_created_after", "2020-10-07"}},
                            json{{"if_account_created_before", "2020/10/07"}}}) {
        check_rejected(with(scenario, where, bad), where, "cancels_account " + bad.dump());
    }
    check_accepted(with(scenario, where, false), "cancels_account false");
    check_accepted(with(scenario, where, true), "cancels_account true");
}

TEST_CASE("Closed lists of values: cancellation, trial cancel, channel", "[schema]") {
    const json scenario = full_scenario();
    for (const char* policy : {"immediate", "end_of_period", "end_of_next_period", "end_of_term"}) {
        check_accepted(with(scenario, "/catalog/plans/0/cancellation", policy), policy);
    }
    check_rejected(with(scenario, "/catalog/plans/0/cancellation", "end_of_month"), "/catalog/plans/0/cancellation",
                   "cancellation end_of_month");
    for (const char* how : {"at_trial_end", "immediate", "contact_support"}) {
        check_accepted(with(scenario, "/catalog/plans/0/trial/cancel", how), how);
    }
    check_rejected(with(scenario, "/catalog/plans/0/trial/cancel", "never"), "/catalog/plans/0/trial/cancel",
                   "trial cancel never");
    check_rejected(with(scenario, "/catalog/plans/0/channel", "store"), "/catalog/plans/0/channel", "channel store");
    check_rejected(with(scenario, "/catalog/plans/0/auto_renew", "true"), "/catalog/plans/0/auto_renew",
                   "boolean as a string");
    check_accepted(with(scenario, "/locale", "fr"), "locale fr");
    check_accepted(with(scenario, "/locale", "fr-CA"), "locale fr-CA");
    for (const json& bad : {json("French"), json("FR"), json(""), json(33)}) {
        check_rejected(with(scenario, "/locale", bad), "/locale", "locale " + bad.dump());
    }
    check_rejected(with(scenario, "/permissions/upgrade", json::array({"owner"})), "/permissions",
                   "permission for an action that does not exist");
    check_rejected(with(scenario, "/permissions/cancel", "owner"), "/permissions/cancel", "roles not a list");
}

TEST_CASE("Every key in the schema has a description for editors, and every object is closed", "[schema]") {
    const json& schema = ScenarioSchema::instance().document();
    CHECK(schema.at("$id") == "https://example.invalid/subsim/scenario.schema.json");
    CHECK(schema.at("$schema") == "http://json-schema.org/draft-07/schema#");
    int objects = 0;
    for_each_object(schema, "", [&](const std::string& pointer, const json& node) {
        if (node.value("type", json()) != "object") return;
        ++objects;
        INFO("schema object at " << pointer);
        CHECK(node.value("additionalProperties", json(true)) == false);
        CHECK(node.value("patternProperties", json::object()) == json{{"^x-", json::object()}});
        CHECK(node.contains("description"));
        const json properties = node.value("properties", json::object());
        for (const auto& [key, property] : properties.items()) {
            INFO("property " << key);
            CHECK(property.is_object());
            if (property.is_object()) CHECK(!property.value("description", std::string()).empty());
        }
    });
    CHECK(objects >= 15);
}

TEST_CASE("Defaults in the schema are the defaults of SPEC §2", "[schema]") {
    const json& schema = ScenarioSchema::instance().document();
    const std::vector<std::pair<std::string, json>> defaults = {
        {"/properties/title", ""},
        {"/properties/locale", "en"},
        {"/properties/holidays", json::array()},
        {"/properties/permissions", json::object()},
        {"/properties/actions", json::array()},
        {"/properties/expect", json::array()},
        {"/definitions/catalog/properties/bundles", json::array()},
        {"/definitions/product/properties/requires", json::array()},
        {"/definitions/product/properties/cancels_account", false},
        {"/definitions/plan/properties/auto_renew", true},
        {"/definitions/plan/properties/notice", "P0D"},
        {"/definitions/plan/properties/cancellation", "end_of_period"},
        {"/definitions/plan/properties/reactivation", true},
        {"/definitions/plan/properties/renewal_grace", "P0D"},
        {"/definitions/plan/properties/self_service", true},
        {"/definitions/plan/properties/channel", "online"},
        {"/definitions/plan/properties/reminders", json::array()},
        {"/definitions/trial/properties/requires_payment_method", false},
        {"/definitions/trial/properties/cancel", "at_trial_end"},
        {"/definitions/bundle/properties/members_cancellable", true},
        {"/definitions/account/properties/payment_method", false},
        {"/definitions/account/properties/data_retention", "P30D"},
        {"/definitions/account/properties/users", json::array()},
        {"/definitions/action/properties/separate_entity", false},
        {"/definitions/subscription/properties/activation_required", false},
        {"/definitions/expect_event/properties/absent", false},
    };
    for (const auto& [pointer, value] : defaults) {
        INFO("default of " << pointer);
        const json::json_pointer where(pointer + "/default");
        REQUIRE(schema.contains(where));
        CHECK(schema.at(where) == value);
    }
    // term and renewal_term default to other keys (period, term): their descriptions say so.
    CHECK_FALSE(schema.contains(json::json_pointer("/definitions/plan/properties/term/default")));
    CHECK_FALSE(schema.contains(json::json_pointer("/definitions/plan/properties/renewal_term/default")));
}
