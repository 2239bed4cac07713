// The JSON layer under the scenario readers (io/json_document): where errors point, and that no
// error costs more than linear time in the text.
#include <catch2/catch.hpp>

#include <string>

#include "io/json_document.hpp"

TEST_CASE("A syntax error carries the pointer of the value that encloses it", "[errors][syntax]") {
    const auto pointer_of = [](const char* text) {
        const subsim::JsonDocument doc = subsim::JsonDocument::parse(text);
        REQUIRE_FALSE(doc.parsed());
        REQUIRE(doc.errors().size() == 1);
        return doc.errors().front().pointer;
    };
    CHECK(pointer_of(R"({"a": {"b": tru}})") == "/a/b");
    CHECK(pointer_of(R"({"a": [1, 2, 1e]})") == "/a/2");
    CHECK(pointer_of(R"({"a": [1, {"c": [nul]}]})") == "/a/1/c/0");
    CHECK(pointer_of(R"({"a": {"b": "x" "c": 1}})") == "/a");
    CHECK(pointer_of(R"({"\u0061\/b": {"c~": tru}})") == "/a~1b/c~0");  // escaped key decoded, then ~ and / escaped
}

TEST_CASE("Duplicate keys are listed up to a bound, so a long key over many duplicates stays linear", "[errors][limits]") {
    std::string text = "{\"" + std::string(40000, 'k') + "\": {";
    for (int i = 0; i < 20000; ++i) text += i ? ", \"x\": 1" : "\"x\": 1";
    text += "}}";
    const subsim::JsonDocument doc = subsim::JsonDocument::parse(text);
    REQUIRE(doc.errors().size() == 101);
    CHECK(doc.errors().front().message == "this key appears twice in the same object");
    CHECK(doc.errors().back().message == "more keys appear twice; only the first 100 are listed");
    CHECK(doc.errors().front().pointer == "/" + std::string(40000, 'k') + "/x");
}
