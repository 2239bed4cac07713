#pragma once
// A scenario file's text parsed to JSON, with the line:column of every value and key, so that
// every error (not only syntax errors) can say where it is.
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "io/diagnostic.hpp"

namespace subsim {

struct TextPosition {
    int line = 1;
    int column = 1;
};

class JsonDocument {
public:
    // Parses `text`; on failure `errors` holds what went wrong and `json` is null.
    static JsonDocument parse(std::string_view text);

    const nlohmann::json& json() const { return json_; }
    const Diagnostics& errors() const { return errors_; }
    bool parsed() const { return parsed_; }  // syntax is valid (errors may still list duplicate keys)

    // Where the value at `pointer` starts (or its nearest ancestor that exists).
    TextPosition value_position(const std::string& pointer) const;
    // Where the key naming the member at `pointer` starts (falls back to the value).
    TextPosition key_position(const std::string& pointer) const;

    // Fills in line and column for diagnostics that only know their pointer.
    void locate(Diagnostic& d, bool at_key = false) const;

private:
    nlohmann::json json_;
    bool parsed_ = false;
    Diagnostics errors_;
    std::unordered_map<std::string, TextPosition> values_;
    std::unordered_map<std::string, TextPosition> keys_;
    friend class PositionScanner;
};

std::string pointer_child(const std::string& parent, std::string_view key);
std::string pointer_child(const std::string& parent, std::size_t index);

}  // namespace subsim
