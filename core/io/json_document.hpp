#pragma once
// A scenario file's text parsed to JSON, able to tell the line:column of any value or key, so
// that every error (not only syntax errors) can say where it is. Positions are found only for
// the pointers that errors name, in one pass over the text, so valid files pay nothing for them.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/diagnostic.hpp"

namespace subsim {

struct TextPosition {
    int line = 1;
    int column = 1;
};

class JsonDocument {
public:
    // Parses `text`, which must outlive the document; on failure `errors` says why (positioned).
    static JsonDocument parse(std::string_view text);

    const nlohmann::json& json() const { return json_; }
    // Syntax errors, nesting too deep, duplicate keys: already positioned.
    const Diagnostics& errors() const { return errors_; }
    bool parsed() const { return parsed_; }  // syntax is valid (errors may still list duplicate keys)

    // Fills in line and column of every diagnostic from its pointer: where the value starts, or
    // its key with `at_key`, or else its nearest ancestor that exists.
    void locate(Diagnostics& diagnostics) const;

private:
    std::string_view text_;
    nlohmann::json json_;
    bool parsed_ = false;
    Diagnostics errors_;
};

std::string pointer_child(const std::string& parent, std::string_view key);
std::string pointer_child(const std::string& parent, std::size_t index);

}  // namespace subsim
