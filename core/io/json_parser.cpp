#include "io/json_parser.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "io/json_document.hpp"
#include "io/json_number.hpp"

namespace subsim {
namespace {

constexpr std::size_t small_object = 16;  // members searched one by one; past it, a hash map

// Bytes a string may hold as they are: not '"', '\\', a control character or a non-ASCII byte.
constexpr std::array<bool, 256> plain_bytes = [] {
    std::array<bool, 256> plain{};
    for (unsigned c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
}();

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

unsigned char byte(std::string_view s, std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0; }

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code <= 0x7FF) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code <= 0xFFFF) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

}  // namespace

ParsedJson JsonParser::parse() {
    if (byte(s_, 0) == 0xEF) {
        if (byte(s_, 1) != 0xBB || byte(s_, 2) != 0xBF) return std::move(out_);
        out_.bom = true;
        i_ = 3;
    }
    // One allocation each for a usual file rather than a doubling series (an indented scenario
    // holds a value every ~20 bytes; a denser text grows them as before): allocations cost more
    // in WebAssembly's allocator than natively.
    out_.values.reserve(s_.size() / 16 + 4);
    stack_.reserve(32);
    frames_.reserve(8);
    JsonValue v;
    while (true) {
        bool opened = false;
        if (!value(v, opened)) return std::move(out_);
        if (opened) continue;  // the container's first item comes next
        // v is complete: add it to its container, closing every container that ends here.
        while (true) {
            if (frames_.empty()) {
                skip_ws();
                if (i_ < s_.size() && s_[i_] != '\0') return std::move(out_);
                out_.values.push_back(v);
                link_items();
                out_.ok = true;
                return std::move(out_);
            }
            if (!add(v)) return std::move(out_);
            skip_ws();
            const char c = peek();
            if (c == ',') {
                ++i_;
                if (frames_.back().object && !key()) return std::move(out_);
                break;
            }
            if (c != (frames_.back().object ? '}' : ']') || i_ >= s_.size()) return std::move(out_);
            ++i_;
            if (!close(v)) return std::move(out_);
        }
    }
}

// Indented text is mostly a newline and a run of spaces: the run is measured eight bytes at a
// time (the first byte that is not a space ends it: the lowest nonzero byte of word ^ spaces).
void JsonParser::skip_ws() {
    constexpr std::uint64_t spaces = 0x2020202020202020u;
    const std::size_t n = s_.size();
    while (i_ < n && is_ws(s_[i_])) {
        ++i_;
        while (i_ + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s_.data() + i_, 8);
            if (const std::uint64_t other = word ^ spaces; other != 0) {
                static_assert(std::endian::native == std::endian::little);  // (x86, wasm)
                i_ += static_cast<std::size_t>(std::countr_zero(other)) / 8;
                break;
            }
            i_ += 8;
        }
    }
}

// One value; a container is opened (`opened`) and completed later, or is complete when empty.
bool JsonParser::value(JsonValue& v, bool& opened) {
    skip_ws();
    if (i_ >= s_.size()) return false;
    v = JsonValue{};
    v.offset_ = static_cast<std::uint32_t>(i_);
    switch (s_[i_]) {
        case '{':
        case '[': {
            const char c = s_[i_];
            if (!open(c)) return false;
            skip_ws();
            if (peek() == (c == '{' ? '}' : ']') && i_ < s_.size()) {
                ++i_;
                return close(v);
            }
            opened = true;
            return c == '[' || key();
        }
        case '"':
            v.type_ = JsonValue::Type::string;
            {
                std::string_view text;
                if (!string(text)) return false;
                v.u_.text = {text.data(), text.size()};
            }
            return true;
        case 't':
            v.type_ = JsonValue::Type::boolean;
            v.u_.boolean = true;
            return literal("true");
        case 'f':
            v.type_ = JsonValue::Type::boolean;
            v.u_.boolean = false;
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number(v);
    }
}

bool JsonParser::open(char c) {
    if (frames_.size() >= max_depth_ && !out_.bom) return false;
    frames_.push_back(Frame{stack_.size(), c == '{', static_cast<std::uint32_t>(i_), {}, 0, npos, nullptr});
    ++i_;
    return true;
}

// The innermost container ends: its items move to their final place, and `v` becomes it.
bool JsonParser::close(JsonValue& v) {
    const Frame& f = frames_.back();
    v = JsonValue{};
    v.type_ = f.object ? JsonValue::Type::object : JsonValue::Type::array;
    v.offset_ = f.offset;
    const std::size_t count = stack_.size() - f.first;
    // The item's index while parsing; link_items makes it a pointer once every value is in place.
    v.u_.items = {reinterpret_cast<const JsonValue*>(out_.values.size()), count};
    out_.values.insert(out_.values.end(), stack_.begin() + static_cast<std::ptrdiff_t>(f.first), stack_.end());
    stack_.resize(f.first);
    frames_.pop_back();
    return true;
}

void JsonParser::link_items() {
    const JsonValue* base = out_.values.data();
    for (JsonValue& v : out_.values) {
        if (v.type_ != JsonValue::Type::array && v.type_ != JsonValue::Type::object) continue;
        v.u_.items.first = base + reinterpret_cast<std::size_t>(v.u_.items.first);
    }
}

// Adds a complete value to the innermost container: a key written twice keeps its first place
// and takes the last value.
bool JsonParser::add(JsonValue& v) {
    Frame& f = frames_.back();
    if (!f.object) {
        stack_.push_back(v);
        return true;
    }
    v.key_ = f.key;
    v.key_offset_ = f.key_offset;
    if (f.repeats != npos) {
        stack_[f.repeats] = v;
        return true;
    }
    if (f.keys) f.keys->emplace(f.key, stack_.size());
    stack_.push_back(v);
    if (!f.keys && stack_.size() - f.first > small_object) {
        f.keys = std::make_unique<std::unordered_map<std::string_view, std::size_t>>();
        for (std::size_t i = f.first; i < stack_.size(); ++i) f.keys->emplace(stack_[i].key_, i);
    }
    return true;
}

// A member's key and its colon, after which its value comes.
bool JsonParser::key() {
    skip_ws();
    if (peek() != '"' || i_ >= s_.size()) return false;
    Frame& f = frames_.back();
    f.key_offset = static_cast<std::uint32_t>(i_);
    if (!string(f.key)) return false;
    skip_ws();
    if (peek() != ':') return false;
    ++i_;
    f.repeats = member_index(f.key);
    if (f.repeats != npos && !out_.bom) note_duplicate(f.key_offset);  // (never listed after a byte order mark)
    return true;
}

std::size_t JsonParser::member_index(std::string_view key) {
    const Frame& f = frames_.back();
    if (f.keys) {
        const auto it = f.keys->find(key);
        return it == f.keys->end() ? npos : it->second;
    }
    for (std::size_t i = f.first; i < stack_.size(); ++i)
        if (same_key(stack_[i].key_, key)) return i;
    return npos;
}

void JsonParser::note_duplicate(std::uint32_t key_offset) {
    if (out_.duplicate_count++ < max_duplicates_) out_.duplicates.push_back({pointer(), key_offset});
    else if (out_.duplicate_count == max_duplicates_ + 1) out_.duplicates.push_back({pointer(), key_offset});
}

// The pointer of the member being read (the keys and indexes of the open containers).
std::string JsonParser::pointer() const {
    std::string p;
    for (std::size_t level = 0; level < frames_.size(); ++level) {
        const Frame& f = frames_[level];
        if (f.object) {
            p = pointer_child(p, f.key);
        } else {
            const std::size_t end = level + 1 < frames_.size() ? frames_[level + 1].first : stack_.size();
            p = pointer_child(p, end - f.first);
        }
    }
    return p;
}

// A string from its opening quote; `text` is its decoded text. Inlined into its two callers, so
// that the view stays in registers there: written through the reference by a call, as two
// 4-byte stores in WebAssembly, each next 8-byte load of it (a key's, a value's) waited for them
// to reach memory (a store-forwarding stall).
bool JsonParser::string(std::string_view& text) {
    const std::size_t start = ++i_;
    while (i_ < s_.size()) {
        while (i_ < s_.size() && plain_bytes[static_cast<unsigned char>(s_[i_])]) ++i_;
        if (i_ >= s_.size()) break;
        const unsigned char c = static_cast<unsigned char>(s_[i_]);
        if (c == '"') {
            text = s_.substr(start, i_ - start);
            ++i_;
            return true;
        }
        if (c == '\\') return escaped_string(start, text);
        if (c < 0x20) return false;
        if (c < 0x80) ++i_;
        else if (!utf8_sequence()) return false;
    }
    return false;
}

bool JsonParser::escaped_string(std::size_t start, std::string_view& text) {
    std::string out(s_.substr(start, i_ - start));
    while (i_ < s_.size()) {
        const unsigned char c = static_cast<unsigned char>(s_[i_]);
        if (c == '"') {
            ++i_;
            out_.decoded.push_back(std::move(out));
            text = out_.decoded.back();
            return true;
        }
        if (c < 0x20) return false;
        const std::size_t from = i_;
        if (c == '\\') {
            if (!escape(out)) return false;
            continue;
        }
        if (c < 0x80) ++i_;
        else if (!utf8_sequence()) return false;
        out.append(s_.substr(from, i_ - from));
    }
    return false;
}

// A well-formed UTF-8 sequence of two to four bytes (no overlong form, no surrogate, at most U+10FFFF).
bool JsonParser::utf8_sequence() {
    const unsigned char c = byte(s_, i_);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) length = 3, low = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) length = 3;
    else if (c == 0xED) length = 3, high = 0x9F;
    else if (c == 0xF0) length = 4, low = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) length = 4, high = 0x8F;
    else return false;
    if (i_ + length > s_.size()) return false;
    const unsigned char second = byte(s_, i_ + 1);
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(s_, i_ + k) & 0xC0) != 0x80) return false;
    i_ += length;
    return true;
}

// One escape from its backslash, decoded into `out`.
bool JsonParser::escape(std::string& out) {
    ++i_;
    const char c = peek();
    if (i_ >= s_.size()) return false;
    ++i_;
    switch (c) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': break;
        default: return false;
    }
    unsigned code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low = 0;
        if (peek() != '\\' || byte(s_, i_ + 1) != 'u') return false;
        i_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        code = (code << 10) + low - 0x35FDC00u;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
        return false;
    }
    append_utf8(out, code);
    return true;
}

bool JsonParser::hex4(unsigned& code) {
    for (int k = 0; k < 4; ++k, ++i_) {
        const char c = peek();
        if (i_ >= s_.size()) return false;
        unsigned digit = 0;
        if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else return false;
        code = code * 16 + digit;
    }
    return true;
}

bool JsonParser::literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
}

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; a whole number that fits 64 bits is kept as
// one, any other number as its text, refused when too large for a double.
bool JsonParser::number(JsonValue& v) {
    const std::size_t start = i_;
    const auto digits = [&] {
        const std::size_t from = i_;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
        return i_ > from;
    };
    if (peek() == '-') ++i_;
    if (peek() == '0' && i_ < s_.size()) ++i_;
    else if (!digits()) return false;
    bool whole = true;
    if (peek() == '.') {
        ++i_;
        if (!digits()) return false;
        whole = false;
    }
    if (peek() == 'e' || peek() == 'E') {
        ++i_;
        if (peek() == '+' || peek() == '-') ++i_;
        if (!digits()) return false;
        whole = false;
    }
    const std::string_view text = s_.substr(start, i_ - start);
    if (const std::optional<WholeNumber> n = whole ? whole_number(text) : std::nullopt) {
        if (n->negative) {
            v.type_ = JsonValue::Type::integer;
            v.u_.integer = static_cast<std::int64_t>(0 - n->magnitude);
        } else {
            v.type_ = JsonValue::Type::unsigned_integer;
            v.u_.unsigned_integer = n->magnitude;
        }
        return true;
    }
    if (number_overflows(text)) return false;
    v.type_ = JsonValue::Type::floating;
    v.u_.text = {text.data(), text.size()};
    return true;
}

}  // namespace subsim
