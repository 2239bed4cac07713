#pragma once
// One value of a parsed JSON text (json_parser.cpp builds them, JsonDocument owns them): what the
// scenario readers ask of it, with the byte offset where it starts in the text (and where its key
// starts, for an object's member) so that errors can be placed at their line:column.
// Strings without escapes point into the text; numbers keep their digits as written.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace subsim {

class JsonValue {
public:
    // Numbers as JSON parsers usually split them: a whole number that fits int64 when negative
    // (`integer`) or uint64 when not (`unsigned_integer`), else `floating` (a fraction, an exponent,
    // or too many digits). Floating numbers keep only their text: the readers never compute with one.
    enum class Type : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::null; }
    bool is_boolean() const { return type_ == Type::boolean; }
    bool is_string() const { return type_ == Type::string; }
    bool is_array() const { return type_ == Type::array; }
    bool is_object() const { return type_ == Type::object; }
    bool is_number_integer() const { return type_ == Type::integer || type_ == Type::unsigned_integer; }
    bool is_number_unsigned() const { return type_ == Type::unsigned_integer; }

    bool boolean() const { return u_.boolean; }
    std::int64_t integer() const { return type_ == Type::integer ? u_.integer : static_cast<std::int64_t>(u_.unsigned_integer); }
    std::uint64_t unsigned_integer() const { return u_.unsigned_integer; }
    // A string's decoded text; a number's digits as written.
    std::string_view text() const { return {u_.text.data, u_.text.size}; }
    bool equals(std::string_view s) const { return is_string() && text() == s; }

    // Arrays and objects: their items (members, in the order written; a key written twice is one
    // member with the last value, at its first place).
    std::size_t size() const { return is_array() || is_object() ? u_.items.count : 0; }
    bool empty() const { return size() == 0; }
    const JsonValue& operator[](std::size_t i) const { return u_.items.first[i]; }
    const JsonValue* begin() const { return size() ? u_.items.first : nullptr; }
    const JsonValue* end() const { return size() ? u_.items.first + u_.items.count : nullptr; }
    // An object's member, or null.
    const JsonValue* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // A member's key (empty for array items and the root).
    std::string_view key() const { return key_; }

    std::uint32_t offset() const { return offset_; }          // where the value starts in the text
    std::uint32_t key_offset() const { return key_offset_; }  // where its key's opening quote is

private:
    friend class JsonParser;

    struct Text {
        const char* data;
        std::size_t size;
    };
    struct Items {
        const JsonValue* first;
        std::size_t count;
    };
    union Payload {
        bool boolean;
        std::int64_t integer;
        std::uint64_t unsigned_integer;
        Text text;
        Items items;
    };

    std::string_view key_;
    Payload u_{};
    std::uint32_t offset_ = 0;
    std::uint32_t key_offset_ = 0;
    Type type_ = Type::null;
};

// a == b without a call to memcmp for the short keys of a scenario: two overlapping loads of
// fixed size from each (most keys differ in length already).
inline bool same_key(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char *x = a.data(), *y = b.data();
    const auto same = [&](std::size_t at, auto width) {
        decltype(width) u, v;
        std::memcpy(&u, x + at, sizeof u);
        std::memcpy(&v, y + at, sizeof v);
        return u == v;
    };
    if (n >= 8) return n <= 16 ? same(0, std::uint64_t{}) && same(n - 8, std::uint64_t{}) : a == b;
    if (n >= 4) return same(0, std::uint32_t{}) && same(n - 4, std::uint32_t{});
    if (n >= 2) return same(0, std::uint16_t{}) && x[n - 1] == y[n - 1];
    return n == 0 || x[0] == y[0];
}

inline const JsonValue* JsonValue::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (const JsonValue& member : *this)
        if (same_key(member.key_, key)) return &member;
    return nullptr;
}

}  // namespace subsim
