#pragma once
// Input limits (docs/limits.md): every scenario within them simulates in bounded time and memory.
#include <cstddef>
#include <string>

namespace subsim::limits {

inline constexpr std::size_t file_bytes = 1 << 20;      // 1 MiB
inline constexpr int nesting_depth = 32;
inline constexpr std::size_t products = 500;
inline constexpr std::size_t plans = 500;
inline constexpr std::size_t bundles = 100;
inline constexpr std::size_t users = 1000;
inline constexpr std::size_t subscriptions = 500;
inline constexpr std::size_t product_lines = 1000;     // plans summed over all subscriptions
inline constexpr std::size_t actions = 10000;
inline constexpr std::size_t expectations = 10000;
inline constexpr std::size_t holidays = 40000;
inline constexpr std::size_t reminders_per_plan = 10;
inline constexpr int horizon_years = 100;

// "the file is larger than 1 MiB (N bytes)", N the input's real size (at the pointer "").
std::string file_too_large(std::size_t bytes);

// Output: the bytes of one answer (the JSON result, the narrator's sentences, the CLI's text
// timeline, the HTML fragment, the iCalendar file): never held past this budget (a lower bound or
// an estimate over it is refused before a byte is written; writing stops at it). Same in the CLI
// and the module.
inline constexpr std::size_t answer_bytes = std::size_t{1} << 28;  // 256 MiB

// "the answer would be N bytes; the limit is ..." (N known) or "... more than the limit ..." (N
// not counted to the end); the pointer to give it is /until.
std::string answer_too_large(std::size_t bytes, bool exact);

}  // namespace subsim::limits
