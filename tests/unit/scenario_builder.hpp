#pragma once
// Helpers for tests that read like help-center rules: build a scenario as JSON, run it, and
// ask the result questions in the words of SPEC.md ("the invoices of s1", "the state of s1 on
// 2025-03-14", "the cancellation_scheduled event of s1 on 2025-03-02").
//
//   auto sc = test::base_scenario();          // one monthly product, subscription s1 from 2025-01-15
//   test::plan(sc, "app-monthly")["notice"] = "P30D";
//   test::act(sc, {{"on", "2025-03-17"}, {"do", "cancel"}, {"subscription", "s1"}});
//   const test::Run run{sc};
//   CHECK(run.events("cancellation_effective").of("s1").dates() == test::Dates{"2025-05-15"});
//   CHECK(run.state("s1", "2025-05-14") == "pending_cancellation");
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "engine/simulate.hpp"
#include "engine/spans.hpp"
#include "io/json_api.hpp"
#include "io/json_document.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"

namespace subsim::test {

using nlohmann::json;
using Dates = std::vector<std::string>;
using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------------------------
// Building scenarios

// A small valid scenario every test starts from and modifies:
// - 2025-01-01 .. 2025-12-31, EUR;
// - product "app" with the monthly plan "app-monthly" (1000, all defaults);
// - account "acme" created 2024-06-01, owner "olivia", a payment method on file, and the users
//   olivia (owner), ben (billing_contact) and emma (employee);
// - subscription "s1" on app-monthly from 2025-01-15 (anchor: the 15th);
// - no permissions map (every action is allowed to the owner only), no actions.
inline json base_scenario() {
    return json::parse(R"({
      "subsim": 1,
      "title": "unit test",
      "locale": "en",
      "currency": "EUR",
      "start": "2025-01-01",
      "until": "2025-12-31",
      "catalog": {
        "products": [ { "id": "app", "name": "App" } ],
        "plans": [ { "id": "app-monthly", "product": "app", "price": 1000, "period": "P1M" } ]
      },
      "account": {
        "id": "acme", "created": "2024-06-01", "owner": "olivia", "payment_method": true,
        "users": [ { "id": "olivia", "role": "owner" }, { "id": "ben", "role": "billing_contact" },
                   { "id": "emma", "role": "employee" } ]
      },
      "subscriptions": [ { "id": "s1", "plans": ["app-monthly"], "start": "2025-01-15" } ]
    })");
}

inline json& find_by_id(json& list, std::string_view id) {
    for (json& item : list)
        if (item.is_object() && item.value("id", std::string()) == id) return item;
    FAIL("no item with id " << id);
    throw;  // unreachable
}

inline json& plan(json& sc, std::string_view id) { return find_by_id(sc["catalog"]["plans"], id); }
inline json& product(json& sc, std::string_view id) { return find_by_id(sc["catalog"]["products"], id); }
inline json& subscription(json& sc, std::string_view id) { return find_by_id(sc["subscriptions"], id); }

inline void add_product(json& sc, const std::string& id, json extra = json::object()) {
    json p = {{"id", id}, {"name", id}};
    p.update(extra);
    sc["catalog"]["products"].push_back(p);
}

// A plan for `product` (price and period given), with any further keys merged in.
inline void add_plan(json& sc, const std::string& id, const std::string& product_id, long long price,
                     const std::string& period, json extra = json::object()) {
    json p = {{"id", id}, {"product", product_id}, {"price", price}, {"period", period}};
    p.update(extra);
    sc["catalog"]["plans"].push_back(p);
}

inline void add_subscription(json& sc, const std::string& id, const Strings& plans, const std::string& start,
                             json extra = json::object()) {
    json s = {{"id", id}, {"plans", plans}, {"start", start}};
    s.update(extra);
    sc["subscriptions"].push_back(s);
}

inline void act(json& sc, json action) {
    if (!sc.contains("actions")) sc["actions"] = json::array();
    sc["actions"].push_back(std::move(action));
}

// SPEC §2.3: the subscription was bought from a third party (activation_required), with the
// activation number printed on the purchase (none when `number` is empty).
inline void bought_from_third_party(json& sc, std::string_view sub, const std::string& number = "RH-100") {
    json& s = subscription(sc, sub);
    s["activation_required"] = true;
    if (!number.empty()) s["number"] = number;
}

// An `activate` action; `extra` adds "by" or "number".
inline json activate_action(const std::string& on, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", "activate"}, {"subscription", sub}};
    a.update(extra);
    return a;
}

// ---------------------------------------------------------------------------------------------
// Reading results

// A list of events from the result JSON (SPEC §4), narrowed step by step.
class Events {
public:
    Events() = default;
    explicit Events(std::vector<json> items) : items_(std::move(items)) {}

    template <typename Keep>
    Events where(Keep keep) const {
        std::vector<json> out;
        for (const json& e : items_)
            if (keep(e)) out.push_back(e);
        return Events{std::move(out)};
    }
    Events of(std::string_view sub) const {
        return where([&](const json& e) { return e["subscription"].is_string() && e["subscription"].get<std::string>() == sub; });
    }
    Events account_wide() const { return where([](const json& e) { return e["subscription"].is_null(); }); }
    Events for_product(std::string_view p) const {
        return where([&](const json& e) { return e["product"].is_string() && e["product"].get<std::string>() == p; });
    }
    Events whole_subscription() const { return where([](const json& e) { return e["product"].is_null(); }); }
    Events on(std::string_view date) const { return where([&](const json& e) { return e["date"].get<std::string>() == date; }); }
    Events typed(std::string_view type) const { return where([&](const json& e) { return e["type"].get<std::string>() == type; }); }

    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    const json& operator[](std::size_t i) const { return items_.at(i); }
    const std::vector<json>& all() const { return items_; }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

    // The one event of this list (fails the test if there is not exactly one).
    json only() const {
        INFO("events: " << json(items_).dump());
        REQUIRE(items_.size() == 1);
        return items_.front();
    }
    Dates dates() const { return pluck("date"); }
    Strings types() const { return pluck("type"); }
    Strings rules() const { return pluck("rule"); }
    // "type subscription/product" per event, for checking orders at a glance.
    Strings labels() const {
        Strings out;
        for (const json& e : items_) {
            std::string label = e["type"].get<std::string>();
            label += ' ';
            label += e["subscription"].is_null() ? std::string("-") : e["subscription"].get<std::string>();
            if (e["product"].is_string()) label += '/' + e["product"].get<std::string>();
            out.push_back(label);
        }
        return out;
    }

private:
    Strings pluck(const char* key) const {
        Strings out;
        for (const json& e : items_) out.push_back(e[key].get<std::string>());
        return out;
    }
    std::vector<json> items_;
};

inline Date date(std::string_view iso) {
    const auto d = Date::parse(iso);
    REQUIRE(d);
    return *d;
}

// One simulated scenario: the validated model, the engine's Result and its JSON (SPEC §4).
class Run {
public:
    explicit Run(const json& scenario) : Run(scenario.dump(2)) {}
    explicit Run(const std::string& text) : text_(text) {
        ScenarioReading reading = read_scenario(text_);
        if (!reading.scenario) {
            for (const Diagnostic& d : reading.errors)
                UNSCOPED_INFO(d.line << ":" << d.column << " " << d.pointer << ": " << d.message);
        }
        REQUIRE(reading.scenario);
        scenario_ = std::move(*reading.scenario);
        result_ = simulate(scenario_);
        output_ = json::parse(write_result_json(result_));
    }

    const Result& result() const { return result_; }
    const Scenario& scenario() const { return scenario_; }
    const json& output() const { return output_; }
    const std::string& text() const { return text_; }

    Events events() const { return Events{output_["events"].get<std::vector<json>>()}; }
    Events events(std::string_view type) const { return events().typed(type); }

    std::vector<json> invoices(std::string_view sub) const {
        std::vector<json> out;
        for (const json& inv : output_["invoices"])
            if (inv["subscription"].get<std::string>() == sub) out.push_back(inv);
        return out;
    }
    Dates invoice_dates(std::string_view sub) const {
        Dates out;
        for (const json& inv : invoices(sub)) out.push_back(inv["date"].get<std::string>());
        return out;
    }
    long long total_charged() const { return output_["summary"]["total_charged"].get<long long>(); }

    // The state of a subscription (or of one of its products) on a date, read with
    // subsim::state_on; "none" before it starts.
    std::string state(std::string_view sub, std::string_view on, std::optional<std::string_view> product = {}) const {
        std::optional<std::size_t> p;
        if (product) p = index_of(result_.product_ids, *product);
        const auto s = state_on(result_, index_of(result_.subscription_ids, sub), p, date(on));
        return s ? to_string(*s) : "none";
    }

private:
    static std::size_t index_of(const std::vector<std::string>& ids, std::string_view id) {
        const auto it = std::find(ids.begin(), ids.end(), id);
        REQUIRE(it != ids.end());
        return static_cast<std::size_t>(it - ids.begin());
    }

    std::string text_;
    Scenario scenario_;
    Result result_;
    json output_;
};

// ---------------------------------------------------------------------------------------------
// The bundled scenarios and positions in test texts

inline std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every scenarios/*.json, sorted by name: (file name, text).
inline std::vector<std::pair<std::string, std::string>> bundled_scenarios() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path{SUBSIM_SOURCE_DIR} / "scenarios"))
        if (entry.is_regular_file() && entry.path().extension() == ".json")
            out.emplace_back(entry.path().filename().string(), read_text_file(entry.path()));
    std::sort(out.begin(), out.end());
    return out;
}

// Line and column (from 1, counting characters, not bytes) of the `occurrence`-th (from 0)
// occurrence of `needle` in `text`.
inline TextPosition position_of(std::string_view text, std::string_view needle, int occurrence = 0) {
    std::size_t at = text.find(needle);
    for (int i = 0; i < occurrence && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
    INFO("looking for " << needle);
    REQUIRE(at != std::string_view::npos);
    TextPosition p;
    for (std::size_t i = 0; i < at; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// An action on one subscription: action("2025-03-05", "cancel", "s1", products({"chat"})).
inline json action(const std::string& on, const std::string& what, const std::string& sub, json extra = json::object()) {
    json a = {{"on", on}, {"do", what}, {"subscription", sub}};
    a.update(extra);
    return a;
}

// The `products` field of a product-level action.
inline json products(std::initializer_list<const char*> ids) { return {{"products", json(ids)}}; }

}  // namespace subsim::test
