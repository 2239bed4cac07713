// io/result_lines.hpp: the page parses only the item lines an edit changed, so every unchanged
// line must be matched with an earlier line of the same bytes, each earlier line once, and no
// changed line with anything.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/result_lines.hpp"

namespace {

std::string result_of(const std::vector<std::string>& events) {
    std::string text = "{\n  \"subsim\": 1,\n  \"events\": [\n";
    for (std::size_t i = 0; i < events.size(); ++i) text += "    " + events[i] + (i + 1 < events.size() ? ",\n" : "\n");
    return text + "  ],\n  \"summary\": {\"total\": 3}\n}\n";
}

std::vector<int> matches(const std::vector<std::string>& before, const std::vector<std::string>& after) {
    const std::string old_text = result_of(before), text = result_of(after);
    const std::vector<subsim::ItemLine> old_lines = subsim::item_lines(old_text);
    std::vector<subsim::ItemLine> lines = subsim::item_lines(text);
    subsim::match_item_lines(old_text, old_lines, text, lines);
    std::vector<int> out;
    for (const subsim::ItemLine& l : lines) out.push_back(l.match);
    return out;
}

std::vector<std::string> numbered(int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i < to; ++i) out.push_back("{\"n\": " + std::to_string(i) + "}");
    return out;
}

}  // namespace

TEST_CASE("Item lines are the list lines from { to }, without the list's comma", "[page][result_lines]") {
    const std::string text = result_of({"{\"a\": 1}", "{\"b\": \"x,\"}"});
    const std::vector<subsim::ItemLine> lines = subsim::item_lines(text);
    REQUIRE(lines.size() == 2);
    CHECK(text.substr(lines[0].at, lines[0].end - lines[0].at) == "{\"a\": 1}");
    CHECK(text.substr(lines[1].at, lines[1].end - lines[1].at) == "{\"b\": \"x,\"}");
    CHECK(lines[0].match == -1);
    CHECK(subsim::item_lines("{\n  \"errors\": []\n}\n").empty());
    CHECK(subsim::item_lines("    {\"open\": 1").empty());  // no closing brace: not an item
}

TEST_CASE("An unchanged result matches every line with itself, in order", "[page][result_lines]") {
    const std::vector<std::string> lines = numbered(0, 50);
    std::vector<int> want;
    for (int i = 0; i < 50; ++i) want.push_back(i);
    CHECK(matches(lines, lines) == want);
}

TEST_CASE("A changed line has no match, and the lines around it keep theirs", "[page][result_lines]") {
    std::vector<std::string> after = numbered(0, 6);
    after[2] = "{\"n\": 2, \"moved\": true}";
    after.erase(after.begin() + 4);  // a line removed
    CHECK(matches(numbered(0, 6), after) == std::vector<int>{0, 1, -1, 3, 5});
    // The last line has no comma: the same item written last matches one written with a comma.
    CHECK(matches(numbered(0, 3), {"{\"n\": 0}", "{\"n\": 1}"}) == std::vector<int>{0, 1});
}

TEST_CASE("Equal lines are matched once each", "[page][result_lines]") {
    const std::string same = "{\"n\": 7}";
    CHECK(matches({same, same}, {same, same, same}) == std::vector<int>{0, 1, -1});
}

TEST_CASE("Lines moved past the window are found once the order is lost", "[page][result_lines]") {
    // 40 new lines come first: after 8 without a match the earlier lines are looked for anywhere.
    std::vector<std::string> after = numbered(1000, 1040);
    for (const std::string& s : numbered(0, 40)) after.push_back(s);
    const std::vector<int> got = matches(numbered(0, 40), after);
    for (int i = 0; i < 40; ++i) CHECK(got[static_cast<std::size_t>(i)] == -1);
    for (int i = 0; i < 40; ++i) CHECK(got[static_cast<std::size_t>(40 + i)] == i);
    // A line that was further than the window, right after a short change, is not matched (the
    // window is looked at first, and fewer than 8 lines missed): it is parsed again, as before.
    std::vector<std::string> far = numbered(0, 1);
    far.push_back("{\"n\": 39}");
    CHECK(matches(numbered(0, 40), far) == std::vector<int>{0, -1});
}
