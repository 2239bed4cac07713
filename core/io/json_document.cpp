#include "io/json_document.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

std::string pointer_child(const std::string& parent, std::size_t index) { return parent + '/' + std::to_string(index); }

namespace {

// The pointers an error list asks about, as a tree of segments: the scan follows it and never
// builds a pointer string for the values it passes.
class PointerTree {
public:
    static constexpr int none = -1;

    int add(const std::string& pointer) {
        int node = 0;
        std::size_t i = 0;
        while (i < pointer.size()) {
            const std::size_t next = pointer.find('/', i + 1);
            node = child_or_new(node, unescape(pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1)));
            if (next == std::string::npos) break;
            i = next;
        }
        return node;
    }
    int child(int node, const std::string& segment) const {
        if (node == none) return none;
        const auto it = nodes_[static_cast<std::size_t>(node)].children.find(segment);
        return it == nodes_[static_cast<std::size_t>(node)].children.end() ? none : it->second;
    }
    void set_value(int node, TextPosition p) { nodes_[static_cast<std::size_t>(node)].value = p; }
    void set_key(int node, TextPosition p) { nodes_[static_cast<std::size_t>(node)].key = p; }
    std::optional<TextPosition> value(int node) const { return nodes_[static_cast<std::size_t>(node)].value; }
    std::optional<TextPosition> key(int node) const { return nodes_[static_cast<std::size_t>(node)].key; }
    int parent(int node) const { return nodes_[static_cast<std::size_t>(node)].parent; }

private:
    struct Node {
        int parent = none;
        std::unordered_map<std::string, int> children;
        std::optional<TextPosition> value, key;
    };
    std::vector<Node> nodes_ = std::vector<Node>(1);

    static std::string unescape(std::string s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '~' && i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '1')) {
                out += s[i + 1] == '0' ? '~' : '/';
                ++i;
            } else {
                out += s[i];
            }
        }
        return out;
    }
    int child_or_new(int node, const std::string& segment) {
        if (const int c = child(node, segment); c != none) return c;
        nodes_.push_back(Node{node, {}, std::nullopt, std::nullopt});
        const int id = static_cast<int>(nodes_.size() - 1);
        nodes_[static_cast<std::size_t>(node)].children.emplace(segment, id);
        return id;
    }
};

// One pass over the text. It accepts a superset of JSON and never trusts it: on anything
// unexpected it stops where it is. It checks nesting depth, duplicate keys and numbers too
// large for a double, and, given a PointerTree, records the positions of the pointers in it.
class Scanner {
public:
    // `stop_at`: a byte offset where the scan stops as if the text were cut there (where
    // nlohmann found a syntax error), leaving the path of the value that encloses it.
    Scanner(std::string_view text, PointerTree* wanted, std::size_t stop_at = std::string_view::npos)
        : s_(text), wanted_(wanted), end_(std::min(stop_at, text.size())) {}

    // Duplicate keys reported at most: past it, one more line says how many were not listed, so
    // that a long key over many duplicates costs one pointer per report, not per duplicate.
    static constexpr std::size_t max_duplicate_reports = 100;

    void scan() {
        if (value(wanted_ ? 0 : PointerTree::none)) {
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
    PointerTree* wanted_;
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

    bool value(int node) {
        skip_ws();
        if (!more()) return false;
        if (node != PointerTree::none) wanted_->set_value(node, pos_);
        const char c = s_[i_];
        if (c == '{') return object(node);
        if (c == '[') return array(node);
        if (c == '"') return string();
        const std::size_t start = i_;
        const TextPosition at = pos_;
        while (more() && !ends_token(s_[i_])) advance();
        if (!overflowing_number_ && (c == '-' || (c >= '0' && c <= '9')) && i_ - start < 4096) {
            const std::string token(s_.substr(start, i_ - start));
            if (std::isinf(std::strtod(token.c_str(), nullptr))) {
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
        try {
            return nlohmann::json::parse("\"" + std::string(raw) + "\"").get<std::string>();
        } catch (const std::exception&) {
            return std::string(raw);
        }
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

    bool object(int node) {
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
            const int child = node == PointerTree::none ? PointerTree::none : wanted_->child(node, std::string(key));
            if (child != PointerTree::none) wanted_->set_key(child, key_at);
            if (!seen.insert(key)) duplicate(key_at);
            skip_ws();
            if (!more() || s_[i_] != ':') return false;
            advance();
            if (!value(child)) return false;
            path_.pop_back();
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == '}') { advance(); return true; }
            return false;
        }
    }

    bool array(int node) {
        if (!enter()) return false;
        if (more() && s_[i_] == ']') {
            advance();
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            path_.push_back(Segment{{}, index, true});
            const int child = node == PointerTree::none ? PointerTree::none : wanted_->child(node, std::to_string(index));
            if (!value(child)) return false;
            path_.pop_back();
            skip_ws();
            if (more() && s_[i_] == ',') { advance(); continue; }
            if (more() && s_[i_] == ']') { advance(); return true; }
            return false;
        }
    }
};

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
    doc.text_ = text;
    if (text.size() > limits::file_bytes) {
        doc.errors_.push_back({"", limits::file_too_large(text.size()), 1, 1});
        return doc;
    }
    Scanner scanner{text, nullptr};
    scanner.scan();
    doc.errors_ = scanner.problems;
    if (scanner.too_deep_) return doc;
    try {
        doc.json_ = nlohmann::json::parse(text.begin(), text.end());
        doc.parsed_ = true;
    } catch (const nlohmann::json::parse_error& e) {
        // The pointer of the value that encloses the error: the scan again, cut where nlohmann stopped.
        const std::size_t byte = e.byte == 0 ? 0 : e.byte - 1;
        Scanner cut{text, nullptr, scanner.stopped_at_ ? std::string_view::npos : byte};
        cut.scan();
        const TextPosition at = scanner.stopped_at_.value_or(position_of_byte(text, byte));
        doc.errors_ = {{cut.stopped_pointer_, syntax_message(e.what()), at.line, at.column}};
        doc.json_ = nullptr;
    } catch (const nlohmann::json::exception& e) {  // a number too large for a double
        const TextPosition at = scanner.overflowing_at_.value_or(TextPosition{});
        doc.errors_ = {{scanner.overflowing_number_.value_or(""),
                        scanner.overflowing_number_ ? "this number is too large" : "invalid JSON: " + std::string(e.what()),
                        at.line, at.column}};
        doc.json_ = nullptr;
    }
    return doc;
}

void JsonDocument::locate(Diagnostics& diagnostics) const {
    if (diagnostics.empty()) return;
    PointerTree tree;
    std::vector<int> nodes;
    nodes.reserve(diagnostics.size());
    for (const Diagnostic& d : diagnostics) nodes.push_back(tree.add(d.pointer));
    Scanner scanner{text_, &tree};
    scanner.scan();
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        std::optional<TextPosition> at = diagnostics[i].at_key ? tree.key(nodes[i]) : std::nullopt;
        for (int node = nodes[i]; !at && node != PointerTree::none; node = tree.parent(node)) at = tree.value(node);
        const TextPosition p = at.value_or(TextPosition{});
        diagnostics[i].line = p.line;
        diagnostics[i].column = p.column;
    }
}

}  // namespace subsim
