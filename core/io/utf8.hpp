#pragma once
// Error messages quote the input, which may not be valid UTF-8; answers must always be.
#include <string>
#include <string_view>

namespace subsim {

// Replaces every ill-formed UTF-8 sequence with U+FFFD.
std::string valid_utf8(std::string_view s);

// At most `max_bytes` bytes, never cutting a character in two.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

}  // namespace subsim
