#pragma once
// A scenario file's text parsed to JSON in one pass (json_parser.cpp), able to tell the line:column
// of any value or key, so that every error (not only syntax errors) can say where it is. The
// parse keeps every value's offset; line:column are counted only for the errors, at the end.
#include <optional>
#include <string>
#include <string_view>

#include "io/diagnostic.hpp"
#include "io/json_parser.hpp"
#include "io/json_value.hpp"

namespace subsim {

struct TextPosition {
    int line = 1;
    int column = 1;
};

class JsonDocument {
public:
    // Parses `text`, which must outlive the document; on failure `errors` says why (positioned).
    static JsonDocument parse(std::string_view text);

    const JsonValue& root() const { return parsed_.root(); }
    // Syntax errors, nesting too deep, duplicate keys: already positioned.
    const Diagnostics& errors() const { return errors_; }
    bool parsed() const { return parsed_.ok; }  // syntax is valid (errors may still list duplicate keys)

    // Fills in line and column of every diagnostic from its pointer: where the value starts, or
    // its key with `at_key`, or else its nearest ancestor that exists.
    void locate(Diagnostics& diagnostics) const;

private:
    std::string_view text_;
    ParsedJson parsed_;
    Diagnostics errors_;
};

// JSON Pointer (RFC 6901) segments: "/" + the key with "~" and "/" escaped, "/" + the index.
void append_pointer_key(std::string& out, std::string_view key);
void append_pointer_index(std::string& out, std::size_t index);
std::string pointer_child(const std::string& parent, std::string_view key);
std::string pointer_child(const std::string& parent, std::size_t index);

// Line and column (in characters, from 1) of a byte offset.
TextPosition position_of_byte(std::string_view text, std::size_t offset);

}  // namespace subsim
