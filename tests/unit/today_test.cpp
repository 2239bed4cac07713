// SPEC-v2 §8, reader-relative dates, one TEST_CASE per rule. The reference date is always passed
// in: the core never reads the clock (§8.2). Example 8.A is worked out by hand from §8.4.
#include "io/json_api.hpp"
#include "io/relative_date.hpp"
#include "narrate/narrator.hpp"
#include "narrator_test_support.hpp"
#include "scenario_builder.hpp"

using namespace subsim;
using namespace subsim::test;

namespace {

const Date kToday = *Date::parse("2026-03-31");

// Example 8.A of SPEC-v2 §8.4, as written there.
json zendesk_annual() {
    return json::parse(R"({ "subsim": 2, "currency": "USD", "start": "today-P13M", "until": "today+P1Y",
      "catalog": { "products": [ { "id": "suite", "name": "Zendesk Suite" } ],
        "plans": [ { "id": "suite-annual", "product": "suite", "price": 1500000, "period": "P1Y",
                     "notice": "P30D", "cancellation": "end_of_term" } ] },
      "account": { "id": "acme", "created": "today-P13M", "payment_method": true },
      "subscriptions": [ { "id": "s1", "plans": ["suite-annual"], "start": "today-P13M" } ],
      "actions": [ { "on": "today", "do": "cancel", "subscription": "s1", "x-whatif": true } ] })");
}

// The base scenario of scenario_builder.hpp in format 2.
json v2_base() {
    json sc = base_scenario();
    sc["subsim"] = 2;
    return sc;
}

json result_of(const json& sc, std::optional<Date> today) {
    const JsonAnswer a = simulate_json(sc.dump(2), today);
    INFO(a.json);
    REQUIRE(a.status != 2);
    return json::parse(a.json);
}

// The errors of a scenario text read with `today`, each with its pointer and position.
Diagnostics errors_of(const std::string& text, std::optional<Date> today) { return read_scenario(text, today).errors; }

Diagnostic only(const Diagnostics& errors) {
    for (const Diagnostic& d : errors) UNSCOPED_INFO(d.pointer << ": " << d.message);
    REQUIRE(errors.size() == 1);
    return errors.front();
}

Date relative(std::string_view text, Date today) {
    const std::optional<RelativeDate> r = parse_relative_date(text);
    REQUIRE(r);
    const std::optional<Date> d = resolve(*r, today);
    REQUIRE(d);
    return *d;
}

}  // namespace

TEST_CASE("today, today+D and today-D resolve against the reference date with v1.3 arithmetic (SPEC-v2 §8.1)",
          "[today]") {
    CHECK(relative("today", kToday) == date("2026-03-31"));
    CHECK(relative("today+P0D", kToday) == date("2026-03-31"));
    CHECK(relative("today+P10D", kToday) == date("2026-04-10"));
    CHECK(relative("today-P2W", kToday) == date("2026-03-17"));
    CHECK(relative("today-P1M", kToday) == date("2026-02-28"));   // the month's last day, clamped
    CHECK(relative("today-P13M", kToday) == date("2025-02-28"));
    CHECK(relative("today+P1Y", date("2024-02-29")) == date("2025-02-28"));
    CHECK(relative("today+P11M", kToday) == date("2027-02-28"));
    // Only the exact spelling: lower case, one unit, no spaces, a sign before the duration.
    for (const char* bad : {"Today", "TODAY", "today ", " today", "today + P1D", "today+1D", "today+P1M2D", "today-P-1D",
                            "today+p1d", "todayP1D", "today+", "today+P1H", "today+P1000000D", "today+P101Y"})
        CHECK_FALSE(parse_relative_date(bad));
    CHECK(looks_relative("Today"));
    CHECK(looks_relative(" to day+P1D"));
    CHECK_FALSE(looks_relative("2026-03-31"));
    CHECK_FALSE(looks_relative("tomorrow"));
    // A resolved date past the years 1900–9999 is no date.
    CHECK_FALSE(resolve(*parse_relative_date("today+P100Y"), date("9950-01-01")));
    CHECK_FALSE(resolve(*parse_relative_date("today-P1D"), date("1900-01-01")));
}

TEST_CASE("Any date value of a version 2 file may be relative: top level, account, subscription, action, "
          "holidays, expect (SPEC-v2 §8.1)", "[today]") {
    json sc = v2_base();
    sc["start"] = "today-P3M";
    sc["until"] = "today+P9M";
    sc["holidays"] = {"today+P1D"};
    sc["account"]["created"] = "today-P1Y";
    subscription(sc, "s1")["start"] = "today-P2M";
    act(sc, action("today", "cancel", "s1"));
    sc["expect"] = {{{"event", "cancellation_requested"}, {"on", "today"}},
                    {{"on", "today+P1M"}, {"subscription", "s1"}, {"state", "cancelled"}}};
    const ScenarioReading reading = read_scenario(sc.dump(2), kToday);
    REQUIRE(reading.errors.empty());
    const Scenario& s = *reading.scenario;
    CHECK(s.start == date("2025-12-31"));
    CHECK(s.until == date("2026-12-31"));
    CHECK(s.holidays == std::vector<Date>{date("2026-04-01")});
    CHECK(s.account.created == date("2025-03-31"));
    CHECK(s.subscriptions[0].start == date("2026-01-31"));
    CHECK(s.actions[0].on == date("2026-03-31"));
    CHECK(s.today == std::optional<Date>(kToday));
    // The monthly plan cancels at the end of the period: 2026-04-30 (anchor 31st, clamped), so
    // the state on today+P1M (2026-04-30) is cancelled, and the expectations hold.
    const json r = result_of(sc, kToday);
    CHECK(r["expectations"][0]["passed"] == true);
    CHECK(r["expectations"][1]["passed"] == true);
}

TEST_CASE("A malformed relative date is an error at the value, with line and column (SPEC-v2 §8.1)", "[today]") {
    for (const char* bad : {"Today", "today + P1D", "today+10D", "today+P1M2D"}) {
        json sc = v2_base();
        act(sc, action(bad, "cancel", "s1"));
        const std::string text = sc.dump(2);
        const Diagnostic& d = only(errors_of(text, kToday));
        INFO(bad << ": " << d.message);
        CHECK(d.pointer == "/actions/0/on");
        CHECK(has(d.message, "\"today\", \"today+D\" or \"today-D\""));
        CHECK(has(d.message, std::string("\"") + bad + "\""));
        const TextPosition at = position_of(text, std::string("\"") + bad + "\"");
        CHECK(d.line == at.line);
        CHECK(d.column == at.column);
    }
}

TEST_CASE("A relative date in a version 1 file is a bad date that needs \"subsim\": 2 (SPEC-v2 §9)", "[today]") {
    json sc = base_scenario();
    subscription(sc, "s1")["start"] = "today";
    const std::string text = sc.dump(2);
    const Diagnostic& d = only(errors_of(text, kToday));
    CHECK(d.pointer == "/subscriptions/0/start");
    CHECK(has(d.message, "needs \"subsim\": 2"));
    CHECK(d.line == position_of(text, "\"today\"").line);
    // The v1 errors object keeps its version.
    CHECK(json::parse(validate_json(text, kToday).json)["subsim"] == 1);
}

TEST_CASE("A relative date without a reference date is a validation error at that value (SPEC-v2 §8.2)", "[today]") {
    const std::string text = zendesk_annual().dump(2);
    const Diagnostics errors = errors_of(text, std::nullopt);
    REQUIRE(errors.size() == 5);  // start, until, account.created, subscription start, action on
    for (const Diagnostic& d : errors)
        CHECK(d.message == "this date is relative to today; pass a reference date (--today YYYY-MM-DD)");
    // Each at its own value (json::dump sorts the keys, so /account/created comes first).
    const auto start = std::find_if(errors.begin(), errors.end(), [](const Diagnostic& d) { return d.pointer == "/start"; });
    REQUIRE(start != errors.end());
    const TextPosition at = position_of(text, "\"start\": \"today-P13M\"");
    CHECK(start->line == at.line);
    CHECK(start->column == at.column + 9);
    CHECK(simulate_json(text).status == 2);
    // With a reference date the same file is valid.
    CHECK(errors_of(text, kToday).empty());
}

TEST_CASE("Resolution comes before validation, and an error about a relative value gives the resolved date "
          "(SPEC-v2 §8.1)", "[today]") {
    json sc = v2_base();
    act(sc, action("today+P1Y", "cancel", "s1"));  // 2027-03-31: after until (2025-12-31)
    const Diagnostic& d = only(errors_of(sc.dump(2), kToday));
    CHECK(d.pointer == "/actions/0/on");
    CHECK(has(d.message, "(\"today+P1Y\" is 2027-03-31 with today 2026-03-31)"));

    json early = v2_base();
    early["start"] = "today";
    early["until"] = "today-P1D";  // the order check sees the resolved dates
    const Diagnostic& order = only(errors_of(early.dump(2), kToday));
    CHECK(order.pointer == "/until");
    CHECK(has(order.message, "2026-03-30"));
    CHECK(has(order.message, "2026-03-31"));

    json far = v2_base();
    far["until"] = "today+P100Y";
    const Diagnostic& range = only(errors_of(far.dump(2), date("9950-06-01")));
    CHECK(range.pointer == "/until");
    CHECK(has(range.message, "outside the years 1900 to 9999"));
}

TEST_CASE("The result's today is the reference date when a relative date was read, null otherwise (SPEC-v2 §8.2)",
          "[today]") {
    // No relative date: null, and the same bytes on any day.
    const json fixed = v2_base();
    CHECK(result_of(fixed, kToday)["today"].is_null());
    CHECK(simulate_json(fixed.dump(2), kToday).json == simulate_json(fixed.dump(2), date("1999-01-01")).json);
    CHECK(simulate_json(fixed.dump(2), kToday).json == simulate_json(fixed.dump(2)).json);
    // A relative date only in expect counts, one only in holidays too; an x- key is not read.
    json in_expect = v2_base();
    in_expect["expect"] = {{{"on", "today-P3M"}, {"subscription", "s1"}, {"state", "active"}}};
    CHECK(result_of(in_expect, date("2025-06-30"))["today"] == "2025-06-30");
    json in_holidays = v2_base();
    in_holidays["holidays"] = {"today"};
    CHECK(result_of(in_holidays, date("2025-06-30"))["today"] == "2025-06-30");
    json in_note = v2_base();
    in_note["x-note"] = "today";
    in_note["account"]["x-when"] = "today+P1D";
    CHECK(result_of(in_note, kToday)["today"].is_null());
    // A version 1 result never has the key (SPEC-v2 §9).
    CHECK_FALSE(result_of(base_scenario(), kToday).contains("today"));
}

TEST_CASE("Relative dates change no rule: the result is the one of the same dates written out (SPEC-v2 §8.3)",
          "[today]") {
    json written = zendesk_annual();
    written["start"] = "2025-02-28";
    written["until"] = "2027-03-31";
    written["account"]["created"] = "2025-02-28";
    written["subscriptions"][0]["start"] = "2025-02-28";
    written["actions"][0]["on"] = "2026-03-31";
    json relative_result = result_of(zendesk_annual(), kToday);
    const json absolute_result = result_of(written, kToday);
    CHECK(relative_result["today"] == "2026-03-31");
    CHECK(absolute_result["today"].is_null());
    relative_result["today"] = nullptr;
    CHECK(relative_result == absolute_result);
}

TEST_CASE("Example 8.A: if you cancel the Zendesk annual plan today (SPEC-v2 §8.4)", "[today]") {
    const json r = result_of(zendesk_annual(), kToday);
    CHECK(r["today"] == "2026-03-31");
    const Events events{r["events"].get<std::vector<json>>()};
    CHECK(events.typed("subscription_started").only()["date"] == "2025-02-28");
    CHECK(events.typed("renewed").only()["date"] == "2026-02-28");
    const json scheduled = events.typed("cancellation_scheduled").only();
    CHECK(scheduled["date"] == "2026-03-31");
    CHECK(scheduled["details"]["effective"] == "2027-02-28");
    CHECK(scheduled["details"]["access_until"] == "2027-02-27");
    CHECK(scheduled["details"]["notice_deadline"] == "2027-01-29");
    CHECK(events.typed("cancellation_effective").only()["date"] == "2027-02-28");
    CHECK(r["summary"]["total_charged"] == 3000000);
    // Another reader's day moves every date with it.
    const json later = result_of(zendesk_annual(), date("2026-06-15"));
    CHECK(later["today"] == "2026-06-15");
    CHECK(Events{later["events"].get<std::vector<json>>()}.typed("cancellation_effective").only()["date"] == "2027-05-15");
}

TEST_CASE("A what-if action dated today: the answer says today and names the date, in English and French "
          "(SPEC-v2 §8.3)", "[today]") {
    ScenarioReading reading = read_scenario(zendesk_annual().dump(2), kToday);
    REQUIRE(reading.scenario);
    const Result result = simulate(*reading.scenario);
    CHECK(plain(narrate_answer(*reading.scenario, result, 0, Language::en)) ==
          "If the account owner cancels subscription s1 today (31 March 2026): access until 27 February 2027 inclusive, "
          "then it ends on 28 February 2027; nothing more is charged.");
    CHECK(plain(narrate_answer(*reading.scenario, result, 0, Language::fr)) ==
          "Si le propriétaire du compte résilie l’abonnement s1 aujourd’hui (31 mars 2026)\u202f: accès jusqu’au "
          "27 février 2027 inclus, puis fin le 28 février 2027\u202f; plus rien n’est facturé.");
    // The same action on a written date that is not the reference date: the usual answer.
    json other = zendesk_annual();
    other["actions"][0]["on"] = "today-P1D";
    ScenarioReading before = read_scenario(other.dump(2), kToday);
    REQUIRE(before.scenario);
    const std::string usual = plain(narrate_answer(*before.scenario, simulate(*before.scenario), 0, Language::en));
    CHECK(has(usual, "on 30 March 2026:"));
    CHECK_FALSE(has(usual, "today"));
}

TEST_CASE("The readable timeline starts with the reference date when the scenario used it (SPEC-v2 §8.2)",
          "[today]") {
    ScenarioReading reading = read_scenario(zendesk_annual().dump(2), kToday);
    REQUIRE(reading.scenario);
    CHECK(narrate_today(*reading.scenario, Language::en) == std::optional<std::string>("Today: 31 March 2026"));
    CHECK(narrate_today(*reading.scenario, Language::fr) == std::optional<std::string>("Aujourd’hui\u202f: 31 mars 2026"));
    ScenarioReading fixed = read_scenario(v2_base().dump(2), kToday);
    REQUIRE(fixed.scenario);
    CHECK_FALSE(narrate_today(*fixed.scenario, Language::en));
}
