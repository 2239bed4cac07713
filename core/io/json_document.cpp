#include "io/json_document.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

#include "io/json_syntax_errors.hpp"
#include "io/limits.hpp"

namespace subsim {

void append_pointer_key(std::string& out, std::string_view key) {
    out += '/';
    if (key.find_first_of("~/") == std::string_view::npos) {  // (most keys)
        out += key;
        return;
    }
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

void append_pointer_index(std::string& out, std::size_t index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    out += '/';
    out.append(digits, end);
}

std::string pointer_child(const std::string& parent, std::string_view key) {
    std::string out;
    out.reserve(parent.size() + 1 + key.size());
    out += parent;
    append_pointer_key(out, key);
    return out;
}

// parent + "/" + the index's digits, in one allocation at most.
std::string pointer_child(const std::string& parent, std::size_t index) {
    std::string out;
    out.reserve(parent.size() + 1 + 20);
    out += parent;
    append_pointer_index(out, index);
    return out;
}

TextPosition position_of_byte(std::string_view text, std::size_t offset) {
    TextPosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;  // count characters, not UTF-8 continuation bytes
        }
    }
    return p;
}

namespace {

// Line:column of many offsets in one walk over the text.
std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::uint32_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
    std::vector<TextPosition> out(offsets.size());
    TextPosition p;
    std::size_t at = 0;
    for (std::size_t i : order) {
        const TextPosition step = position_of_byte(text.substr(std::min<std::size_t>(at, text.size())), offsets[i] - at);
        p = step.line > 1 ? TextPosition{p.line + step.line - 1, step.column} : TextPosition{p.line, p.column + step.column - 1};
        at = offsets[i];
        out[i] = p;
    }
    return out;
}

// "a~1b" -> "a/b", "~0" -> "~" (RFC 6901); any other '~' is kept.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '~' && i + 1 < s.size() && (s[i + 1] == '0' || s[i + 1] == '1')) out += s[++i] == '0' ? '~' : '/';
        else out += s[i];
    }
    return out;
}

// The item `segment` names in an array ("0", "12": written as std::to_string writes them).
const JsonValue* item(const JsonValue& array, std::string_view segment) {
    if (segment.empty() || segment.size() > 19 || (segment.size() > 1 && segment[0] == '0')) return nullptr;
    std::size_t index = 0;
    for (char c : segment) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<std::size_t>(c - '0');
    }
    return index < array.size() ? &array[index] : nullptr;
}

// The offset of the value a pointer names (or of its key), else of its nearest ancestor.
std::uint32_t offset_of(const JsonValue& root, const std::string& pointer, bool at_key) {
    const JsonValue* node = &root;
    bool member = false;  // node is an object's member (it has a key)
    std::size_t i = 0;
    while (i < pointer.size()) {
        const std::size_t next = std::min(pointer.find('/', i + 1), pointer.size());
        const std::string_view segment = std::string_view(pointer).substr(i + 1, next - i - 1);
        const JsonValue* child = node->is_object() ? node->find(unescape(segment))
                                 : node->is_array() ? item(*node, segment)
                                                    : nullptr;
        if (!child) return node->offset();
        member = node->is_object();
        node = child;
        i = next;
    }
    return at_key && member ? node->key_offset() : node->offset();
}

}  // namespace

JsonDocument JsonDocument::parse(std::string_view text) {
    JsonDocument doc;
    doc.text_ = text;
    if (text.size() > limits::file_bytes) {
        doc.errors_.push_back({"", limits::file_too_large(text.size()), 1, 1});
        return doc;
    }
    doc.parsed_ = JsonParser{text, limits::nesting_depth, max_duplicate_reports}.parse();
    if (!doc.parsed_.ok) {
        doc.errors_ = json_syntax_errors(text);
        return doc;
    }
    std::vector<std::uint32_t> offsets;
    for (const ParsedJson::Duplicate& d : doc.parsed_.duplicates) offsets.push_back(d.key_offset);
    const std::vector<TextPosition> at = positions_of(text, offsets);
    for (std::size_t i = 0; i < at.size(); ++i) {
        const std::string message = i < max_duplicate_reports ? "this key appears twice in the same object"
                                                               : "more keys appear twice; only the first " +
                                                                     std::to_string(max_duplicate_reports) + " are listed";
        doc.errors_.push_back({doc.parsed_.duplicates[i].pointer, message, at[i].line, at[i].column});
    }
    return doc;
}

void JsonDocument::locate(Diagnostics& diagnostics) const {
    if (diagnostics.empty()) return;
    std::vector<std::uint32_t> offsets;
    offsets.reserve(diagnostics.size());
    // After a byte order mark every error is placed at the start, as the reader has always done.
    for (const Diagnostic& d : diagnostics) offsets.push_back(parsed_.bom ? 0 : offset_of(root(), d.pointer, d.at_key));
    const std::vector<TextPosition> at = positions_of(text_, offsets);
    for (std::size_t i = 0; i < diagnostics.size(); ++i) {
        diagnostics[i].line = at[i].line;
        diagnostics[i].column = at[i].column;
    }
}

}  // namespace subsim
