#pragma once
// The one pass over a scenario file's text: JSON to JsonValues, with the offset of every value and
// key, the keys written twice, and no recursion (any nesting parses in constant stack).
// It accepts exactly the JSON that nlohmann::json accepts (RFC 8259, a UTF-8 byte order mark at
// the start, a NUL byte ending the text), so that JsonDocument can leave syntax errors to
// json_syntax_errors.cpp, which explains them as before.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/json_value.hpp"

namespace subsim {

// Keys written twice are listed up to this many; past it, one more line says there are more.
inline constexpr std::size_t max_duplicate_reports = 100;

struct ParsedJson {
    bool ok = false;   // false: not JSON, a number too large for a double, or nesting too deep
    bool bom = false;  // the text starts with a byte order mark (positions are then unknown)
    std::vector<JsonValue> values;   // every item and member, then the root last
    std::deque<std::string> decoded;  // strings and keys written with escapes, decoded

    struct Duplicate {
        std::string pointer;
        std::uint32_t key_offset;
    };
    std::vector<Duplicate> duplicates;  // the first ones, in the order written
    std::size_t duplicate_count = 0;    // all of them

    const JsonValue& root() const { return values.back(); }
};

class JsonParser {
public:
    // `max_depth`: containers nested deeper fail (not checked after a byte order mark);
    // `max_duplicates`: how many duplicates keep their pointer.
    JsonParser(std::string_view text, int max_depth, std::size_t max_duplicates)
        : s_(text), max_depth_(static_cast<std::size_t>(max_depth)), max_duplicates_(max_duplicates) {}

    ParsedJson parse();

private:
    struct Frame {
        std::size_t first;   // its first item in stack_
        bool object;
        std::uint32_t offset;
        // The member being read: its key, where the key is, the member it repeats (or npos).
        std::string_view key;
        std::uint32_t key_offset = 0;
        std::size_t repeats = npos;
        std::unique_ptr<std::unordered_map<std::string_view, std::size_t>> keys;  // once the object is large
    };
    static constexpr std::size_t npos = ~std::size_t{0};

    std::string_view s_;
    std::size_t max_depth_;
    std::size_t max_duplicates_;
    std::size_t i_ = 0;
    ParsedJson out_;
    std::vector<JsonValue> stack_;  // the items of the open containers
    std::vector<Frame> frames_;

    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    void skip_ws();
    bool value(JsonValue& v, bool& opened);
    bool open(char c);
    bool close(JsonValue& v);
    bool add(JsonValue& v);
    bool key();
    std::size_t member_index(std::string_view key);
    void note_duplicate(std::uint32_t key_offset);
    std::string pointer() const;
    [[gnu::always_inline]] inline bool string(std::string_view& text);  // (json_parser.cpp: why inlined)
    bool escaped_string(std::size_t start, std::string_view& text);
    bool utf8_sequence();
    bool escape(std::string& out);
    bool hex4(unsigned& code);
    bool number(JsonValue& v);
    bool literal(std::string_view word);
    void link_items();
};

}  // namespace subsim
