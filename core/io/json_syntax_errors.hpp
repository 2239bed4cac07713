#pragma once
// Why a text that JsonParser refused is not JSON: the syntax error (in nlohmann::json's words)
// with the pointer of the value that encloses it, nesting deeper than the limit (with the keys
// written twice before it), or a number too large for a double; each at its line:column.
#include <string_view>

#include "io/diagnostic.hpp"
#include "io/json_document.hpp"

namespace subsim {

Diagnostics json_syntax_errors(std::string_view text);

}  // namespace subsim
