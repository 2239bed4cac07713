// The reproducers of issue 17 kept in tests/regressions/ end the way the limit they broke says:
// not only without a crash (regressions_test.cpp) but with the one error that names the limit.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "io/json_api.hpp"

namespace {

std::string regression(const std::string& name) {
    std::ifstream in(SUBSIM_SOURCE_DIR "/tests/regressions/" + name, std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("A requires list longer than the product limit is one error naming the limit", "[regressions][limits]") {
    for (const char* name : {"limit-requires-501-entries.json", "limit-requires-120000-unknown-ids.json"}) {
        INFO(name);
        const subsim::JsonAnswer answer = subsim::validate_json(regression(name));
        CHECK(answer.status == 2);
        CHECK(occurrences(answer.json, "\"pointer\"") == 1);  // not one error per unknown id
        CHECK(answer.json.find("/requires\", \"message\": \"\\\"requires\\\" has ") != std::string::npos);
        CHECK(answer.json.find("items; the limit is 500") != std::string::npos);
    }
}

TEST_CASE("A long id billed daily is refused at until by the answer's byte budget, in the CLI's answer and the page's",
          "[regressions][limits][output]") {
    for (const char* name : {"oom-answer-bytes-long-id-daily.json", "oom-answer-bytes-440KB-id-100-years-daily.json"}) {
        INFO(name);
        const std::string text = regression(name);
        for (const subsim::JsonAnswer& answer : {subsim::simulate_json(text), subsim::answer_json(text, "en")}) {
            CHECK(answer.status == 2);
            CHECK(answer.json.find(R"("pointer": "/until")") != std::string::npos);
            CHECK(answer.json.find("more than the limit of 268435456 bytes") != std::string::npos);
            CHECK(answer.json.size() < 2000);
        }
    }
}

TEST_CASE("Duplicate keys under a long key are listed up to a bound", "[regressions][limits]") {
    const subsim::JsonAnswer answer = subsim::validate_json(regression("oom-duplicate-keys-under-long-key.json"));
    CHECK(answer.status == 2);
    CHECK(occurrences(answer.json, "this key appears twice in the same object") == 100);
    CHECK(answer.json.find("more keys appear twice; only the first 100 are listed") != std::string::npos);
}
