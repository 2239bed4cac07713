// schema/result.schema.json against SPEC §4 and §5: every bundled scenario's result conforms to it
// (keys in the documented order too), the schema rejects what the contract forbids (a details key
// too many or too few, an unknown event type, a rule id outside the catalogue), its errors
// definition describes the errors object, and its lists of names are the C++ declarations
// (EventType, State, ActionKind, rule_catalogue(), all_reasons()), so the two cannot drift.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <catch2/catch.hpp>

#include "io/json_api.hpp"
#include "model/result.hpp"
#include "model/rules.hpp"
#include "model/scenario.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

const fs::path kSourceDir{SUBSIM_SOURCE_DIR};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> bundled_scenarios() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(kSourceDir / "scenarios"))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// ---- Every enumerator of a scoped enum, without listing them by hand -----------------------------
// The compiler names a template argument that is an enumerator ("V = subsim::State::active") and
// writes a cast for a value that is not one ("V = (subsim::State)7"), in GCC and Clang alike.
template <auto V>
constexpr bool is_enumerator() {
    constexpr std::string_view f = __PRETTY_FUNCTION__;
    constexpr std::size_t at = f.find("V = ");
    if constexpr (at == std::string_view::npos) {
        return false;
    } else {
        constexpr char c = f[at + 4];
        return c != '(' && !(c >= '0' && c <= '9') && c != '-';
    }
}

template <typename E, std::size_t... I>
std::vector<E> enumerators(std::index_sequence<I...>) {
    std::vector<E> found;
    ((is_enumerator<static_cast<E>(I)>() ? found.push_back(static_cast<E>(I)) : void()), ...);
    return found;
}

// Every enumerator with a value in 0..63, in value order; checked contiguous from 0 by the caller.
template <typename E>
std::vector<E> all_enumerators() {
    return enumerators<E>(std::make_index_sequence<64>{});
}

template <typename E>
std::vector<std::string> names_of_enum() {
    const std::vector<E> values = all_enumerators<E>();
    std::vector<std::string> names;
    for (std::size_t i = 0; i < values.size(); ++i) {
        INFO("enumerators are 0, 1, 2… with no gap");
        CHECK(static_cast<std::size_t>(values[i]) == i);
        names.emplace_back(subsim::to_string(values[i]));
    }
    return names;
}

// ---- The schema ---------------------------------------------------------------------------------

std::string to_pointer(const std::vector<std::string>& context) {
    std::string pointer;
    for (const std::string& part : context) {
        if (part == "<root>") continue;
        std::string token = part;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
        pointer += '/' + token;
    }
    return pointer;
}

class ResultSchema {
public:
    static const ResultSchema& instance() {
        static const ResultSchema schema;
        return schema;
    }

    const json& document() const { return document_; }
    // The same file with its key order kept: the order of `properties` is the output order.
    const ordered_json& ordered() const { return ordered_; }

    std::vector<std::string> result_errors(const json& value) const { return errors(result_, value); }
    std::vector<std::string> errors_object_errors(const json& value) const { return errors(errors_, value); }

private:
    ResultSchema() {
        const std::string text = read_text(kSourceDir / "schema" / "result.schema.json");
        document_ = json::parse(text);
        ordered_ = ordered_json::parse(text);
        parse(document_, result_);
        // #/definitions/errors on its own: the same definitions under a root that points there.
        json errors_root = {{"$schema", document_.at("$schema")},
                            {"$ref", "#/definitions/errors"},
                            {"definitions", document_.at("definitions")}};
        errors_document_ = std::move(errors_root);
        parse(errors_document_, errors_);
    }

    static void parse(const json& document, valijson::Schema& into) {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const valijson::adapters::NlohmannJsonAdapter adapter(document);
        parser.populateSchema(adapter, into);
    }

    static std::vector<std::string> errors(const valijson::Schema& schema, const json& value) {
        valijson::Validator validator(valijson::Validator::kStrongTypes);
        valijson::ValidationResults results;
        const valijson::adapters::NlohmannJsonAdapter target(value);
        std::vector<std::string> found;
        if (!validator.validate(schema, target, &results)) {
            for (const auto& error : results) found.push_back(to_pointer(error.context) + ": " + error.description);
            if (found.empty()) found.emplace_back("invalid (no detail)");
        }
        return found;
    }

    json document_;
    json errors_document_;
    ordered_json ordered_;
    valijson::Schema result_;
    valijson::Schema errors_;
};

std::string describe(const std::vector<std::string>& errors) {
    std::string text;
    for (const std::string& e : errors) text += "  " + e + "\n";
    return text.empty() ? "  (no errors)\n" : text;
}

std::vector<std::string> strings_at(const json& schema, const std::string& pointer) {
    return schema.at(json::json_pointer(pointer)).get<std::vector<std::string>>();
}

std::vector<std::string> keys_of(const ordered_json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

// `keys` appear in `order`, in that order (a subsequence: renewed's `by` is only there when manual).
bool in_order(const std::vector<std::string>& keys, const std::vector<std::string>& order) {
    std::size_t at = 0;
    for (const std::string& k : keys) {
        while (at < order.size() && order[at] != k) ++at;
        if (at == order.size()) return false;
        ++at;
    }
    return true;
}

std::vector<std::string> property_order(const std::string& definition) {
    const ordered_json& schema = ResultSchema::instance().ordered();
    const ordered_json& node = definition.empty() ? schema : schema.at(ordered_json::json_pointer(definition));
    return keys_of(node.at("properties"));
}

// Every object of the result has its keys in the order of the schema's properties, format 2's
// keys being absent from a format 1 result (SPEC-v2 §9) (SPEC §4: the
// output's key order is fixed, so the native and WebAssembly results are byte-identical).
void check_key_order(const ordered_json& result) {
    CHECK(in_order(keys_of(result), property_order("")));
    for (const ordered_json& e : result.at("events")) {
        INFO("event " << e.dump());
        CHECK(in_order(keys_of(e), property_order("/definitions/event")));
        const std::string type = e.value("type", "");
        if (ResultSchema::instance().document().at("definitions").at("details").contains(type))
            CHECK(in_order(keys_of(e.at("details")), property_order("/definitions/details/" + type)));
    }
    for (const ordered_json& s : result.at("spans")) CHECK(in_order(keys_of(s), property_order("/definitions/span")));
    for (const ordered_json& inv : result.at("invoices")) {
        CHECK(in_order(keys_of(inv), property_order("/definitions/invoice")));
        for (const ordered_json& line : inv.at("lines")) CHECK(in_order(keys_of(line), property_order("/definitions/invoice_line")));
    }
    CHECK(in_order(keys_of(result.at("summary")), property_order("/definitions/summary")));
    for (const ordered_json& x : result.at("expectations")) CHECK(in_order(keys_of(x), property_order("/definitions/expectation")));
}

// A result with one event of every type (and a manual and an automatic renewal, a bundle line and
// product lines), each with exactly the details keys of the contract. The base of the negative
// tests: it is valid, so every rejection below is caused by the one change made to it.
const char* const kEveryEventResult = R"({
  "subsim": 1,
  "events": [
    {"date": "2025-01-01", "type": "subscription_started", "subscription": "s1", "product": null, "details": {"anchor": "2025-01-15"}, "rule": "subscription.start"},
    {"date": "2025-01-01", "type": "trial_started", "subscription": "s1", "product": null, "details": {"ends": "2025-01-15"}, "rule": "trial.start"},
    {"date": "2025-01-08", "type": "trial_ending", "subscription": "s1", "product": null, "details": {"ends": "2025-01-15", "before": "P7D"}, "rule": "reminder.trial_ending"},
    {"date": "2025-01-15", "type": "trial_converted", "subscription": "s1", "product": null, "details": {}, "rule": "trial.converted"},
    {"date": "2025-01-15", "type": "invoice", "subscription": "s1", "product": null, "details": {"amount": 5900}, "rule": "trial.converted"},
    {"date": "2025-01-15", "type": "trial_expired", "subscription": "s2", "product": null, "details": {}, "rule": "trial.no_payment_method"},
    {"date": "2025-02-15", "type": "renewed", "subscription": "s1", "product": null, "details": {"manual": false, "term_from": "2025-02-15", "term_to": "2025-03-15"}, "rule": "renewal.auto"},
    {"date": "2025-03-08", "type": "renewal_reminder", "subscription": "s1", "product": null, "details": {"renews_on": "2025-03-15", "before": "P7D", "auto_renew": true}, "rule": "reminder.renewal"},
    {"date": "2025-03-02", "type": "cancellation_requested", "subscription": "s1", "product": "guide", "details": {"by": "ana"}, "rule": "cancellation.end_of_next_period"},
    {"date": "2025-03-02", "type": "cancellation_scheduled", "subscription": "s1", "product": "guide", "details": {"effective": "2025-05-15", "access_until": "2025-05-14", "notice": "P30D", "notice_deadline": "2025-02-13", "deadline_missed": true, "earliest": "2025-04-15", "periods_added": 1}, "rule": "notice.deadline_missed"},
    {"date": "2025-03-02", "type": "email", "subscription": "s1", "product": null, "details": {"kind": "cancellation_confirmation", "effective": "2025-05-15", "access_until": "2025-05-14"}, "rule": "cancellation.confirmation"},
    {"date": "2025-03-03", "type": "reactivated", "subscription": "s1", "product": "guide", "details": {"withdrawn_effective": "2025-05-15", "by": null}, "rule": "reactivation.withdrawn"},
    {"date": "2025-03-04", "type": "action_refused", "subscription": null, "product": null, "details": {"action": "close_account", "reason": "not_permitted", "by": "bob"}, "rule": "permission.denied"},
    {"date": "2025-03-05", "type": "activated", "subscription": "s3", "product": null, "details": {"by": "ana", "number": "RH-1234"}, "rule": "activation.activated"},
    {"date": "2025-03-06", "type": "activated", "subscription": "s4", "product": null, "details": {"by": null, "number": null}, "rule": "activation.activated"},
    {"date": "2025-04-15", "type": "cancellation_effective", "subscription": "s1", "product": "guide", "details": {}, "rule": "cancellation.end_of_next_period"},
    {"date": "2025-04-15", "type": "price_changed", "subscription": "s1", "product": null, "details": {"bundle": "suite", "removed": "guide", "old_amount": 5900, "new_amount": 4900}, "rule": "bundle.price_ends"},
    {"date": "2025-05-01", "type": "expired", "subscription": "s5", "product": null, "details": {"renewable_until": "2025-05-30"}, "rule": "term.expired"},
    {"date": "2025-05-01", "type": "expired", "subscription": "s6", "product": null, "details": {"renewable_until": null}, "rule": "term.expired"},
    {"date": "2025-05-10", "type": "renewed", "subscription": "s5", "product": null, "details": {"manual": true, "term_from": "2025-05-01", "term_to": "2026-05-01", "by": "ana"}, "rule": "renewal.manual"},
    {"date": "2025-05-31", "type": "grace_ended", "subscription": "s6", "product": null, "details": {}, "rule": "renewal.grace_ended"},
    {"date": "2025-06-02", "type": "transfer_requested", "subscription": "s5", "product": null, "details": {"to": "globex", "separate_entity": true, "completes_on": "2025-06-16", "by": "ana"}, "rule": "transfer.separate_entity"},
    {"date": "2025-06-16", "type": "transfer_completed", "subscription": "s5", "product": null, "details": {"to": "globex"}, "rule": "transfer.separate_entity"},
    {"date": "2025-07-15", "type": "account_closed", "subscription": null, "product": null, "details": {"data_deleted_on": "2025-08-14"}, "rule": "account.closure"},
    {"date": "2025-08-14", "type": "data_deleted", "subscription": null, "product": null, "details": {}, "rule": "account.data_retention"}
  ],
  "spans": [
    {"subscription": "s1", "product": "support", "state": "trialing", "from": "2025-01-01", "to": "2025-01-15"},
    {"subscription": "s1", "product": "support", "state": "active", "from": "2025-01-15", "to": "2025-07-15"},
    {"subscription": "s1", "product": "support", "state": "cancelled", "from": "2025-07-15", "to": "2026-01-01"},
    {"subscription": "s3", "product": "server", "state": "pending_activation", "from": "2025-03-01", "to": "2025-03-05"}
  ],
  "invoices": [
    {"date": "2025-01-15", "subscription": "s1", "amount": 5900, "lines": [{"product": null, "bundle": "suite", "from": "2025-01-15", "to": "2025-02-15", "amount": 5900}]},
    {"date": "2025-05-15", "subscription": "s1", "amount": 4900, "lines": [{"product": "support", "bundle": null, "from": "2025-05-15", "to": "2025-06-15", "amount": 4900}, {"product": "talk", "bundle": null, "from": "2025-05-15", "to": "2025-06-15", "amount": 0}]}
  ],
  "summary": {"currency": "EUR", "total_charged": 10800, "states": {"s1": "cancelled", "s3": "pending_activation", "s7": null}, "account": "closed"},
  "expectations": [
    {"index": 0, "passed": true, "message": "s1 is cancelled on 2025-08-01"},
    {"index": 1, "passed": false, "message": "expected 1 event invoice, found 2"}
  ]
}
)";

json every_event_result() { return json::parse(kEveryEventResult); }

void check_valid(const json& result, const std::string& why) {
    const auto errors = ResultSchema::instance().result_errors(result);
    INFO(why << "\nschema said:\n" << describe(errors));
    CHECK(errors.empty());
}

void check_invalid(const json& result, const std::string& why) {
    const auto errors = ResultSchema::instance().result_errors(result);
    INFO(why << " must be rejected");
    CHECK_FALSE(errors.empty());
}

json with(json value, const std::string& pointer, json replacement) {
    value[json::json_pointer(pointer)] = std::move(replacement);
    return value;
}

json without(json value, const std::string& pointer) {
    const json::json_pointer where(pointer);
    value[where.parent_pointer()].erase(where.back());
    return value;
}

}  // namespace

TEST_CASE("Every bundled scenario's result conforms to the result schema", "[result-schema]") {
    const std::vector<fs::path> files = bundled_scenarios();
    REQUIRE(files.size() >= 30);
    std::vector<std::string> types_seen;
    for (const fs::path& file : files) {
        INFO("scenario " << fs::relative(file, kSourceDir).string());
        const subsim::JsonAnswer answer = subsim::simulate_json(read_text(file), subsim::Date::parse("2026-03-31"));  // SPEC-v2 §8
        REQUIRE(answer.status != 2);  // a bundled scenario is valid
        const json result = json::parse(answer.json);
        const auto errors = ResultSchema::instance().result_errors(result);
        INFO("schema said:\n" << describe(errors));
        CHECK(errors.empty());
        check_key_order(ordered_json::parse(answer.json));
        for (const json& e : result.at("events")) types_seen.push_back(e.at("type").get<std::string>());
    }
    std::sort(types_seen.begin(), types_seen.end());
    types_seen.erase(std::unique(types_seen.begin(), types_seen.end()), types_seen.end());
    CHECK(types_seen.size() >= 20);  // the bundled results exercise nearly every event type
}

TEST_CASE("The sample result with every event type is valid, keys in order", "[result-schema]") {
    const json sample = every_event_result();
    check_valid(sample, "sample result");
    check_key_order(ordered_json::parse(kEveryEventResult));
    std::vector<std::string> types;
    for (const json& e : sample.at("events")) types.push_back(e.at("type").get<std::string>());
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    std::vector<std::string> all = strings_at(ResultSchema::instance().document(), "/definitions/event_type/enum");
    // The sample is a format 1 result; format 2's plan-change events are in the scenarios/v2 results.
    std::erase_if(all, [](const std::string& t) {
        return t.rfind("plan_change", 0) == 0 || t == "evergreen_started" || t.rfind("payment_", 0) == 0 ||
               t == "dunning_exhausted" || t.rfind("compliance_", 0) == 0 || t.rfind("pause", 0) == 0 || t == "resumed";
    });
    std::sort(all.begin(), all.end());
    CHECK(types == all);
}

TEST_CASE("The schema rejects a details key too many or too few, in every event type", "[result-schema]") {
    const json sample = every_event_result();
    for (std::size_t i = 0; i < sample.at("events").size(); ++i) {
        const std::string at = "/events/" + std::to_string(i);
        const json& event = sample.at("events").at(i);
        INFO("event " << event.dump());
        check_invalid(with(sample, at + "/details/colour", "blue"), "an unknown details key");
        const char* foreign = event.at("details").contains("reason") ? "anchor" : "reason";
        check_invalid(with(sample, at + "/details/" + foreign, "2025-01-01"), "a key of another type's details");
        for (const auto& item : event.at("details").items()) {
            check_invalid(without(sample, at + "/details/" + item.key()), "details without " + item.key());
        }
        check_invalid(with(sample, at + "/colour", "blue"), "an unknown event key");
        check_invalid(without(sample, at + "/rule"), "an event without rule");
    }
    // renewed carries `by` exactly when manual.
    const auto renewed = [&](bool manual) {
        for (std::size_t i = 0; i < sample.at("events").size(); ++i) {
            const json& e = sample.at("events").at(i);
            if (e.at("type") == "renewed" && e.at("details").at("manual") == manual) return "/events/" + std::to_string(i);
        }
        throw std::logic_error("no renewed event");
    };
    check_invalid(with(sample, renewed(false) + "/details/by", "ana"), "an automatic renewal with by");
    check_invalid(without(sample, renewed(true) + "/details/by"), "a manual renewal without by");
}

TEST_CASE("The schema rejects an unknown event type, rule, state, reason or action", "[result-schema]") {
    const json sample = every_event_result();
    check_invalid(with(sample, "/events/0/type", "subscription_begun"), "an unknown event type");
    check_invalid(with(sample, "/events/3/type", "invoice"), "details of trial_converted under type invoice");
    check_invalid(with(sample, "/events/0/rule", "subscription.begin"), "a rule id outside the catalogue");
    check_invalid(with(sample, "/events/0/rule", "Subscription.Start"), "a rule id in the wrong case");
    check_invalid(with(sample, "/events/12/details/reason", "forbidden"), "an unknown refusal reason");
    check_invalid(with(sample, "/events/12/details/action", "delete"), "an unknown action name");
    check_invalid(with(sample, "/spans/0/state", "suspended"), "an unknown state");
    check_invalid(with(sample, "/summary/states/s1", "suspended"), "an unknown state in the summary");
    check_invalid(with(sample, "/summary/account", "deleted"), "an account neither open nor closed");
    check_invalid(with(sample, "/events/9/details/periods_added", "1"), "periods_added as a string");
    check_invalid(with(sample, "/events/9/details/effective", "15/05/2025"), "a date not YYYY-MM-DD");
    check_invalid(with(sample, "/events/9/details/notice", "30 days"), "a notice not ISO-8601");
    check_invalid(with(sample, "/events/23/subscription", "s1"), "account_closed naming a subscription");
    check_invalid(with(sample, "/events/4/product", "support"), "an invoice event naming a product");
}

TEST_CASE("The schema rejects malformed invoices, spans, summary and expectations", "[result-schema]") {
    const json sample = every_event_result();
    check_invalid(with(sample, "/invoices/0/lines/0/product", "support"), "a line with both product and bundle");
    check_invalid(with(sample, "/invoices/1/lines/0/product", nullptr), "a line with neither product nor bundle");
    check_invalid(without(sample, "/invoices/0/lines/0/bundle"), "a line without its bundle key");
    check_invalid(with(sample, "/invoices/0/lines", json::array()), "an invoice without lines");
    check_invalid(with(sample, "/invoices/0/amount", -1), "a negative amount");
    check_invalid(with(sample, "/spans/0/product", nullptr), "a span without product");
    check_invalid(without(sample, "/summary/total_charged"), "a summary without total");
    check_invalid(with(sample, "/expectations/0/passed", "yes"), "passed as a string");
    check_invalid(with(sample, "/subsim", 2), "another format version");
    check_invalid(with(sample, "/errors", json::array()), "a result that also has errors");
}

TEST_CASE("The schema's lists are the C++ declarations", "[result-schema]") {
    const json& schema = ResultSchema::instance().document();

    // The enum reflection must see the enumerators (else every list below would be empty).
    CHECK(is_enumerator<subsim::State::active>());
    CHECK_FALSE(is_enumerator<static_cast<subsim::State>(63)>());

    CHECK(strings_at(schema, "/definitions/event_type/enum") == names_of_enum<subsim::EventType>());
    CHECK(strings_at(schema, "/definitions/state/enum") == names_of_enum<subsim::State>());
    CHECK(strings_at(schema, "/definitions/action_name/enum") == names_of_enum<subsim::ActionKind>());

    std::vector<std::string> rules;
    for (const subsim::RuleInfo& info : subsim::rule_catalogue()) rules.emplace_back(info.id);
    CHECK(strings_at(schema, "/definitions/rule/enum") == rules);

    std::vector<std::string> reasons;
    for (const subsim::Reason r : subsim::all_reasons()) reasons.emplace_back(subsim::to_string(r));
    CHECK(strings_at(schema, "/definitions/reason/enum") == reasons);
}

TEST_CASE("Every event type has its details definition and one branch in the event", "[result-schema]") {
    const json& schema = ResultSchema::instance().document();
    const std::vector<std::string> types = strings_at(schema, "/definitions/event_type/enum");
    const json& details = schema.at(json::json_pointer("/definitions/details"));
    std::vector<std::string> branches;
    for (const json& branch : schema.at(json::json_pointer("/definitions/event/allOf"))) {
        const std::string type = branch.at(json::json_pointer("/if/properties/type/const")).get<std::string>();
        branches.push_back(type);
        INFO("branch " << type);
        CHECK(branch.at(json::json_pointer("/then/properties/details/$ref")) == "#/definitions/details/" + type);
    }
    CHECK(branches == types);
    for (const std::string& type : types) {
        INFO("details of " << type);
        REQUIRE(details.contains(type));
        const json& d = details.at(type);
        CHECK(d.at("type") == "object");
        CHECK(d.at("additionalProperties") == false);
        CHECK(d.contains("description"));
        for (const auto& [key, property] : d.at("properties").items()) {
            INFO("key " << key);
            CHECK(!property.value("description", std::string()).empty());
        }
    }
    // The contract's key order for cancellation_scheduled (SPEC §3 Cancellation date).
    CHECK(property_order("/definitions/details/cancellation_scheduled") ==
          std::vector<std::string>{"effective", "access_until", "notice", "notice_deadline", "deadline_missed",
                                   "earliest", "periods_added"});
    CHECK(property_order("/definitions/details/activated") == std::vector<std::string>{"by", "number"});
    CHECK(property_order("/definitions/details/action_refused") == std::vector<std::string>{"action", "reason", "by"});
}

TEST_CASE("definitions/errors describes the errors object of SPEC §5", "[result-schema]") {
    const ResultSchema& schema = ResultSchema::instance();
    const std::string bad = R"({"subsim": 1, "currency": "EUR", "start": "2025-13-01", "until": "2025-06-30",
        "catalog": {"products": [], "plans": [{"id": "p", "product": "x", "price": -1, "period": "P1Q"}]},
        "account": {"id": "a", "created": "2025-01-01"}, "subscriptions": [], "colour": 1})";
    const subsim::JsonAnswer invalid = subsim::simulate_json(bad);
    REQUIRE(invalid.status == 2);
    const json errors = json::parse(invalid.json);
    REQUIRE(errors.at("errors").size() >= 3);
    {
        const auto found = schema.errors_object_errors(errors);
        INFO("schema said:\n" << describe(found));
        CHECK(found.empty());
    }
    CHECK(schema.errors_object_errors(json::parse(subsim::validate_json(read_text(bundled_scenarios().front())).json)).empty());
    const subsim::JsonAnswer syntax = subsim::simulate_json("{\"subsim\": 1,");
    REQUIRE(syntax.status == 2);
    CHECK(schema.errors_object_errors(json::parse(syntax.json)).empty());

    // An errors object is not a result, and a result is not an errors object.
    CHECK_FALSE(schema.result_errors(errors).empty());
    CHECK_FALSE(schema.errors_object_errors(every_event_result()).empty());
    CHECK_FALSE(schema.errors_object_errors(without(errors, "/errors/0/line")).empty());
    CHECK_FALSE(schema.errors_object_errors(with(errors, "/errors/0/column", 0)).empty());
    CHECK_FALSE(schema.errors_object_errors(with(errors, "/errors/0/pointer", "catalog")).empty());
    CHECK_FALSE(schema.errors_object_errors(with(errors, "/errors/0/hint", "x")).empty());
}

TEST_CASE("The scenario schema names the same states and event types as the result", "[result-schema]") {
    // An `expect` entry names a state or an event type of the result; the two schemas must agree.
    const json scenario = json::parse(read_text(kSourceDir / "schema" / "scenario.schema.json"));
    const json& result = ResultSchema::instance().document();
    // Format 2's state list (with past_due and paused) is the result's; format 1's is the same without them.
    std::vector<std::string> v1_states = strings_at(result, "/definitions/state/enum");
    std::erase(v1_states, "paused");
    std::erase(v1_states, "past_due");
    CHECK(strings_at(scenario, "/definitions/state_v2/enum") == strings_at(result, "/definitions/state/enum"));
    CHECK(strings_at(scenario, "/definitions/state/enum") == v1_states);
    CHECK(strings_at(scenario, "/definitions/event_type/enum") == strings_at(result, "/definitions/event_type/enum"));
}
