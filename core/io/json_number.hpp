#pragma once
// JSON numbers without the C library's conversions (strtod, printf, long double): whole numbers
// read digit by digit, the overflow test of any other number, and the shortest form of a number's
// double as nlohmann::json prints it (error messages quote the numbers they refuse).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace subsim {

struct WholeNumber {
    bool negative;
    std::uint64_t magnitude;  // at most 2^63 when negative
};

// A number written without fraction or exponent, when it fits int64 (negative) or uint64 (not).
std::optional<WholeNumber> whole_number(std::string_view text);

// Whether a JSON number is too large for a double (rounds to infinity). A token cut short by a
// byte that is not part of a number is read up to that byte.
bool number_overflows(std::string_view text);

// The number's nearest double in its shortest form that reads back to it, "1.5", "100.0", "1e+300".
std::string shortest_double_text(std::string_view text);

}  // namespace subsim
