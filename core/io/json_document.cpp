#include "io/json_document.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "io/limits.hpp"

namespace subsim {

std::string pointer_child(const std::string& parent, std::string_view key) {
    std::string out = parent;
    out += '/';
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_child(const std::string& parent, std::size_t index) {
    return parent + '/' + std::to_string(index);
}

// Walks the text once, recording where every value and key starts. It never trusts the text:
// on anything unexpected it stops, remembering the pointer it was reading (for syntax errors).
class PositionScanner {
public:
    PositionScanner(std::string_view text, JsonDocument& doc) : s_(text), doc_(doc) {}

    void scan() {
        if (value("")) {
            skip_ws();
            if (!more()) return;  // the whole text read: no stop position
        }
        stopped_at_ = pos_;
    }
    // Where the scan met something that is not JSON (it accepts a superset of JSON, so this is
    // never set for valid text); it points at the start of the offending token.
    const std::optional<TextPosition>& stopped_at() const { return stopped_at_; }
    const std::string& last_pointer() const { return last_pointer_; }
    // The first number too large for a double, which nlohmann rejects without a position.
    const std::optional<std::string>& overflowing_number() const { return overflowing_number_; }
    bool too_deep() const { return too_deep_; }

private:
    std::string_view s_;
    JsonDocument& doc_;
    std::size_t i_ = 0;
    TextPosition pos_;
    int depth_ = 0;
    bool too_deep_ = false;
    std::string last_pointer_;
    std::optional<std::string> overflowing_number_;
    std::optional<TextPosition> stopped_at_;

    bool more() const { return i_ < s_.size(); }
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

    // Pointers of deeply keyed documents can be long: past this budget, positions are no longer
    // recorded and lookups fall back to the nearest recorded ancestor.
    static constexpr std::size_t pointer_budget = 16u << 20;
    std::size_t pointer_bytes_ = 0;

    void record(std::unordered_map<std::string, TextPosition>& where, const std::string& ptr, TextPosition at) {
        if (pointer_bytes_ > pointer_budget) return;
        pointer_bytes_ += ptr.size();
        where.emplace(ptr, at);
    }

    bool value(const std::string& ptr) {
        skip_ws();
        if (!more()) return false;
        last_pointer_ = ptr;
        record(doc_.values_, ptr, pos_);
        const char c = s_[i_];
        if (c == '{') return object(ptr);
        if (c == '[') return array(ptr);
        if (c == '"') return string(nullptr);
        const std::size_t start = i_;
        while (more() && !std::strchr(",]} \t\r\n:{[\"", s_[i_])) advance();
        if (!overflowing_number_ && (c == '-' || (c >= '0' && c <= '9'))) {
            const std::string token(s_.substr(start, i_ - start));
            if (std::isinf(std::strtod(token.c_str(), nullptr))) overflowing_number_ = ptr;
        }
        return i_ > start;
    }

    bool string(std::string* raw) {
        const std::size_t start = i_;
        advance();  // opening quote
        while (more()) {
            const char c = s_[i_];
            if (c == '"') {
                advance();
                if (raw) *raw = std::string(s_.substr(start, i_ - start));
                return true;
            }
            if (c == '\\') {
                advance();
                if (!more()) return false;
            }
            advance();
        }
        return false;
    }

    bool enter(const std::string& ptr) {
        if (++depth_ > limits::nesting_depth) {
            too_deep_ = true;
            doc_.errors_.push_back({ptr, "the JSON is nested more than " + std::to_string(limits::nesting_depth) +
                                             " levels deep", pos_.line, pos_.column});
            return false;
        }
        advance();
        skip_ws();
        return true;
    }

    static std::string decode_key(const std::string& raw) {
        if (raw.find('\\') == std::string::npos) return raw.substr(1, raw.size() - 2);
        try {
            return nlohmann::json::parse(raw).get<std::string>();
        } catch (const std::exception&) {
            return raw.substr(1, raw.size() - 2);
        }
    }

    bool object(const std::string& ptr) {
        if (!enter(ptr)) return false;
        if (more() && s_[i_] == '}') return leave();
        while (true) {
            skip_ws();
            if (!more() || s_[i_] != '"') return false;
            const TextPosition key_at = pos_;
            std::string raw;
            if (!string(&raw)) return false;
            const std::string child = pointer_child(ptr, decode_key(raw));
            if (doc_.keys_.count(child))
                doc_.errors_.push_back({child, "this key appears twice in the same object", key_at.line, key_at.column});
            record(doc_.keys_, child, key_at);
            skip_ws();
            if (!more() || s_[i_] != ':') return false;
            advance();
            if (!value(child)) return false;
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == '}') return leave();
            return false;
        }
    }

    bool array(const std::string& ptr) {
        if (!enter(ptr)) return false;
        if (more() && s_[i_] == ']') return leave();
        for (std::size_t index = 0;; ++index) {
            if (!value(pointer_child(ptr, index))) return false;
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == ']') return leave();
            return false;
        }
    }

    bool leave() {
        advance();
        --depth_;
        return true;
    }
};

namespace {

TextPosition position_of_byte(std::string_view text, std::size_t offset) {
    TextPosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// nlohmann's message without its prefix and its own position ("... column 7: <this>").
std::string syntax_message(const char* what) {
    std::string m = what;
    const auto column = m.find("column ");
    const auto colon = column == std::string::npos ? m.find("] ") : m.find(": ", column);
    if (colon != std::string::npos) m = m.substr(colon + 2);
    return "invalid JSON: " + m;
}

}  // namespace

JsonDocument JsonDocument::parse(std::string_view text) {
    JsonDocument doc;
    if (text.size() > limits::file_bytes) {
        doc.errors_.push_back({"", "the file is larger than 1 MiB (" + std::to_string(text.size()) + " bytes)", 1, 1});
        return doc;
    }
    PositionScanner scanner{text, doc};
    scanner.scan();
    if (scanner.too_deep()) return doc;
    try {
        doc.json_ = nlohmann::json::parse(text.begin(), text.end());
        doc.parsed_ = true;
    } catch (const nlohmann::json::parse_error& e) {
        const TextPosition at = scanner.stopped_at().value_or(position_of_byte(text, e.byte == 0 ? 0 : e.byte - 1));
        doc.errors_.clear();
        doc.errors_.push_back({scanner.last_pointer(), syntax_message(e.what()), at.line, at.column});
        doc.json_ = nullptr;
    } catch (const nlohmann::json::exception& e) {  // a number too large for a double
        const std::string where = scanner.overflowing_number().value_or(scanner.last_pointer());
        const TextPosition at = doc.value_position(where);
        doc.errors_.clear();
        doc.errors_.push_back({where, scanner.overflowing_number() ? "this number is too large" : "invalid JSON: " + std::string(e.what()),
                               at.line, at.column});
        doc.json_ = nullptr;
    }
    return doc;
}

TextPosition JsonDocument::value_position(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        if (auto it = values_.find(p); it != values_.end()) return it->second;
        const auto slash = p.rfind('/');
        if (slash == std::string::npos) return TextPosition{};
        p.resize(slash);
    }
}

TextPosition JsonDocument::key_position(const std::string& pointer) const {
    if (auto it = keys_.find(pointer); it != keys_.end()) return it->second;
    return value_position(pointer);
}

void JsonDocument::locate(Diagnostic& d, bool at_key) const {
    const TextPosition p = at_key ? key_position(d.pointer) : value_position(d.pointer);
    d.line = p.line;
    d.column = p.column;
}

}  // namespace subsim
