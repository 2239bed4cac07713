// A written result's item lines, and which of them an earlier result had, byte for byte.
// json_writer.cpp writes a result (or an errors object) one list item per line, "    {…}" or
// "    {…}," inside its lists (events, spans, invoices, expectations, errors). The page parses
// only the lines an edit changed (web/src/engine-result-lines.js): a what-if pin moved by a day
// changes a few of ~2,400 lines, and the module compares the bytes in a fraction of the time the
// page's JavaScript took (wasm/entry_points.hpp, page_answer).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace subsim {

// One item line: its bytes [at, end) from "{" to "}" (a comma after it left out) and the number of
// the earlier result's item line with the same bytes (-1: none).
struct ItemLine {
    std::uint32_t at = 0, end = 0;
    std::int32_t match = -1;
};

// The item lines of `text`, in order, unmatched: the lines that start with four spaces and "{"
// and end with "}" or "},". A text of 4 GiB or more has none (offsets are 32-bit).
std::vector<ItemLine> item_lines(std::string_view text);

// Sets each line's match: the earlier line with the same bytes, each earlier line given once.
// Lines are matched in order: the next earlier line when its bytes are the same, else one of the
// next 32 (lines an edit removed or changed), else, after 8 lines in a row without a match (the
// order lost past a longer change), an unmatched earlier line anywhere with the same bytes.
void match_item_lines(std::string_view old_text, const std::vector<ItemLine>& old_lines, std::string_view text,
                      std::vector<ItemLine>& lines);

}  // namespace subsim
