#pragma once
// Shared by the narrator_*_test.cpp files: run a scenario (built with scenario_builder.hpp) and
// read its sentences, answers and expectation lines in a language.
#include <string>
#include <vector>

#include "narrate/narrator.hpp"
#include "scenario_builder.hpp"

namespace subsim::test {

// A sentence without the bidi isolation marks around names (U+2068 … U+2069, narrate/format.hpp
// isolated): the tests below read the words; narrator_isolation_test.cpp checks the marks.
inline std::string plain(std::string s) {
    for (const char* mark : {"\u2068", "\u2069"})
        for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark, at)) s.erase(at, 3);
    return s;
}
inline std::vector<std::string> plain(std::vector<std::string> list) {
    for (std::string& s : list) s = plain(std::move(s));
    return list;
}

struct Told {
    Scenario scenario;
    Result result;

    explicit Told(const json& sc) {
        ScenarioReading reading = read_scenario(sc.dump(2));
        REQUIRE(reading.scenario);
        scenario = std::move(*reading.scenario);
        result = simulate(scenario);
    }
    std::vector<std::string> sentences(Language lang = Language::en) const { return plain(narrate_events(scenario, result, lang)); }
    // The sentence of the first event of that type.
    std::string sentence(EventType type, Language lang = Language::en) const {
        for (const Event& e : result.events)
            if (e.type == type) return plain(narrate_event(scenario, result, e, lang));
        FAIL("no event of type " << to_string(type));
        return "";
    }
    std::string answer(std::size_t action, Language lang = Language::en) const { return plain(narrate_answer(scenario, result, action, lang)); }
};

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A cancellation_scheduled event as SPEC §3 gives it, for sentences about notices.
inline Event scheduled(std::size_t sub, const char* on, const char* effective, const char* notice, const char* deadline,
                       bool missed, const char* earliest, std::int64_t periods_added, Rule rule) {
    Event e{date(on), EventType::cancellation_scheduled, sub, std::nullopt, {}, rule, std::nullopt};
    e.details = {{"effective", date(effective)},         {"access_until", date(effective).plus_days(-1)},
                 {"notice", std::string(notice)},        {"notice_deadline", date(deadline)},
                 {"deadline_missed", missed},            {"earliest", date(earliest)},
                 {"periods_added", periods_added}};
    return e;
}

}  // namespace subsim::test
