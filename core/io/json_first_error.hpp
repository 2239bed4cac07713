#pragma once
// The first error that nlohmann::json::parse finds in a text, as it words and counts it, without
// linking nlohmann's parser (and the strtod and printf it pulls in): scenario files have always
// reported syntax errors in nlohmann's words ("syntax error while parsing object key - unexpected
// '}'; expected string literal"), and the byte count places them.
// A mirror of nlohmann 3.11's lexer and parser (strict, no comments), state for state.
#include <cstddef>
#include <string>
#include <string_view>

namespace subsim {

struct FirstJsonError {
    enum class Kind { none, syntax, overflow } kind = Kind::none;
    std::string message;   // nlohmann's message: a parse error's after "line L, column C: ", else its what()
    std::size_t byte = 0;  // nlohmann's byte count when it stopped (its parse_error::byte)
};

FirstJsonError first_json_error(std::string_view text);

}  // namespace subsim
