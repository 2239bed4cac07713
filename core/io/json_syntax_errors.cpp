#include "io/json_syntax_errors.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "io/json_first_error.hpp"
#include "io/json_number.hpp"
#include "io/limits.hpp"

namespace subsim {
namespace {

// One pass over the text. It accepts a superset of JSON and never trusts it: on anything
// unexpected it stops where it is. It checks nesting depth, duplicate keys and numbers too
// large for a double, and, given a PointerTree, records the positions of the pointers in it.
class Scanner {
public:
    // `stop_at`: a byte offset where the scan stops as if the text were cut there (where
    // nlohmann found a syntax error), leaving the path of the value that encloses it.
    explicit Scanner(std::string_view text, std::size_t stop_at = std::string_view::npos)
        : s_(text), end_(std::min(stop_at, text.size())) {}


    void scan() {
        if (value()) {
            skip_ws();
            if (!more()) return;
        }
        stopped_at_ = pos_;
        stopped_pointer_ = pointer();
    }

    Diagnostics problems;                        // depth and duplicate keys
    std::optional<TextPosition> stopped_at_;     // never set for valid JSON
    std::string stopped_pointer_;
    std::optional<std::string> overflowing_number_;
    std::optional<TextPosition> overflowing_at_;
    bool too_deep_ = false;

private:
    struct Segment {
        std::string_view key;  // decoded (into the text, or into the object's decoded keys); empty with is_index
        std::size_t index = 0;
        bool is_index = false;
    };

    std::string_view s_;
    std::size_t end_;
    std::size_t i_ = 0;
    std::size_t duplicates_ = 0;
    TextPosition pos_;
    std::vector<Segment> path_;

    bool more() const { return i_ < end_; }
    static bool ends_token(char c) {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' ||
               c == '{' || c == '[' || c == '"';
    }
    bool cut() const { return end_ < s_.size() && i_ >= end_; }  // reached the stop offset
    void advance() {
        const unsigned char c = static_cast<unsigned char>(s_[i_++]);
        if (c == '\n') {
            ++pos_.line;
            pos_.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos_.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    void skip_ws() {
        while (more() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) advance();
    }

    std::string pointer() const {
        std::string p;
        for (const Segment& seg : path_) p = seg.is_index ? pointer_child(p, seg.index) : pointer_child(p, seg.key);
        return p;
    }

    bool value() {
        skip_ws();
        if (!more()) return false;
        const char c = s_[i_];
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        const std::size_t start = i_;
        const TextPosition at = pos_;
        while (more() && !ends_token(s_[i_])) advance();
        if (!overflowing_number_ && (c == '-' || (c >= '0' && c <= '9')) && i_ - start < 4096) {
            if (number_overflows(s_.substr(start, i_ - start))) {
                overflowing_number_ = pointer();
                overflowing_at_ = at;
            }
        } else if (!overflowing_number_ && (c == '-' || (c >= '0' && c <= '9'))) {
            overflowing_number_ = pointer();  // thousands of digits: too large either way
            overflowing_at_ = at;
        }
        return i_ > start && !cut();
    }

    // A string; `raw` gets its text between the quotes and `escaped` whether it holds escapes.
    bool string(std::string_view* raw = nullptr, bool* escaped_out = nullptr) {
        const std::size_t start = i_;
        bool escaped = false;
        advance();  // opening quote
        while (more()) {
            const char c = s_[i_];
            if (c == '"') {
                advance();
                if (raw) *raw = s_.substr(start + 1, i_ - start - 2);
                if (escaped_out) *escaped_out = escaped;
                return true;
            }
            if (c == '\\') {
                escaped = true;
                advance();
                if (!more()) return false;
            }
            advance();
        }
        return false;
    }

    // A key with escapes, decoded (`raw` is between its quotes).
    static std::string decode(std::string_view raw) {
        std::string quoted;  // appended, not `"\"" + ... + "\""` (gcc 12's false -Wrestrict on that form)
        quoted.reserve(raw.size() + 2);
        quoted.append(1, '"').append(raw).append(1, '"');
        const ParsedJson parsed = JsonParser{quoted, 1, 0}.parse();
        return parsed.ok && parsed.root().is_string() ? std::string(parsed.root().text()) : std::string(raw);
    }

    // Escaped keys, decoded and kept for the whole scan (the path may still name them when the
    // scan stops inside their value).
    std::string_view own(std::string decoded) {
        decoded_keys_.push_back(std::make_unique<std::string>(std::move(decoded)));
        return *decoded_keys_.back();
    }
    std::vector<std::unique_ptr<std::string>> decoded_keys_;

    // The keys of one object, to find duplicates: a list searched linearly while short (no
    // allocation per key), a hash set once the object is large.
    class Keys {
    public:
        bool insert(std::string_view key) {  // false when already there
            if (set_.empty() && list_.size() < 16) {
                if (std::find(list_.begin(), list_.end(), key) != list_.end()) return false;
                list_.push_back(key);
                return true;
            }
            if (set_.empty()) set_.insert(list_.begin(), list_.end());
            return set_.insert(key).second;
        }

    private:
        std::vector<std::string_view> list_;
        std::unordered_set<std::string_view> set_;
    };

    void duplicate(TextPosition at) {
        ++duplicates_;
        if (duplicates_ <= max_duplicate_reports)
            problems.push_back({pointer(), "this key appears twice in the same object", at.line, at.column});
        else if (duplicates_ == max_duplicate_reports + 1)
            problems.push_back({pointer(), "more keys appear twice; only the first " + std::to_string(max_duplicate_reports) +
                                               " are listed", at.line, at.column});
    }

    bool enter() {
        if (static_cast<int>(path_.size()) >= limits::nesting_depth) {
            too_deep_ = true;
            problems.push_back({pointer(), "the JSON is nested more than " + std::to_string(limits::nesting_depth) + " levels deep",
                                pos_.line, pos_.column});
            return false;
        }
        advance();
        skip_ws();
        return true;
    }

    bool object() {
        if (!enter()) return false;
        if (more() && s_[i_] == '}') {
            advance();
            return true;
        }
        Keys seen;
        while (true) {
            skip_ws();
            if (!more() || s_[i_] != '"') return false;
            const TextPosition key_at = pos_;
            std::string_view key;
            bool escaped = false;
            if (!string(&key, &escaped)) return false;
            if (escaped) key = own(decode(key));
            path_.push_back(Segment{key, 0, false});
            if (!seen.insert(key)) duplicate(key_at);
            skip_ws();
            if (!more() || s_[i_] != ':') return false;
            advance();
            if (!value()) return false;
            path_.pop_back();
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == '}') { advance(); return true; }
            return false;
        }
    }

    bool array() {
        if (!enter()) return false;
        if (more() && s_[i_] == ']') {
            advance();
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            path_.push_back(Segment{{}, index, true});
            if (!value()) return false;
            path_.pop_back();
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == ']') { advance(); return true; }
            return false;
        }
    }
};

}  // namespace

Diagnostics json_syntax_errors(std::string_view text) {
    Scanner scanner{text};
    scanner.scan();
    if (scanner.too_deep_) return scanner.problems;
    const FirstJsonError e = first_json_error(text);
    if (e.kind == FirstJsonError::Kind::syntax) {
        // The pointer of the value that encloses the error: the scan again, cut where the parser stopped.
        const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
        Scanner cut{text, scanner.stopped_at_ ? std::string_view::npos : byte};
        cut.scan();
        const TextPosition at = scanner.stopped_at_.value_or(position_of_byte(text, byte));
        return {{cut.stopped_pointer_, "invalid JSON: " + e.message, at.line, at.column}};
    }
    if (e.kind == FirstJsonError::Kind::overflow) {
        const TextPosition at = scanner.overflowing_at_.value_or(TextPosition{});
        return {{scanner.overflowing_number_.value_or(""),
                 scanner.overflowing_number_ ? "this number is too large" : "invalid JSON: " + e.message, at.line, at.column}};
    }
    return {{"", "invalid JSON", 1, 1}};  // never: JsonParser refuses only what nlohmann refuses
}

}  // namespace subsim
