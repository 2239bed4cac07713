// JSON numbers read without strtod (core/io/json_number.*): the overflow test and the shortest
// double text, including tokens a lexer hands over cut short by a byte that is not a number's.
#include <catch2/catch.hpp>

#include <string>

#include "io/json_number.hpp"

using subsim::number_overflows;
using subsim::shortest_double_text;

TEST_CASE("A number overflows a double exactly from the value that rounds to infinity", "[json][number]") {
    CHECK_FALSE(number_overflows("1e308"));
    CHECK(number_overflows("1e309"));
    CHECK(number_overflows("-2e400"));
    CHECK_FALSE(number_overflows("0.000001e-400"));
    CHECK_FALSE(number_overflows("179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"));
}

TEST_CASE("A number token cut short by another byte is read up to that byte", "[json][number]") {
    // Found by the fuzzer: "1e" then ill-formed UTF-8 bytes (0x88 read as digits overflowed a long).
    const std::string tail(150, '\x88');
    CHECK_FALSE(number_overflows("1e\xe1" "4" + tail + "00"));
    CHECK_FALSE(number_overflows("1e"));
    CHECK_FALSE(number_overflows("1e+"));
    CHECK_FALSE(number_overflows("-"));
    CHECK(number_overflows("1e999" + tail));
    CHECK_FALSE(number_overflows("1e3" + tail));
}

TEST_CASE("A refused decimal is quoted in the shortest form nlohmann prints", "[json][number]") {
    CHECK(shortest_double_text("1.5") == "1.5");
    CHECK(shortest_double_text("100.0") == "100.0");
    CHECK(shortest_double_text("1e300") == "1e+300");
}
