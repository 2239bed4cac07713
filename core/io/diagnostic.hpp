#pragma once
// One problem in a scenario file: what is wrong, where (JSON Pointer), and at which line:column.
#include <string>
#include <vector>

namespace subsim {

struct Diagnostic {
    std::string pointer;  // RFC 6901, "" for the whole document
    std::string message;
    int line = 1;
    int column = 1;
    bool at_key = false;  // locate the member's key rather than its value (unknown keys)
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace subsim
