#pragma once
// A 5x7 pixel font for the PNG's labels (ASCII 0x20-0x7E), so the picture needs no font file and
// no library. Text outside ASCII is folded first: accents dropped (é → e), typographic quotes
// and spaces made plain, € written EUR; anything else becomes '?'.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace subsim::render {

inline constexpr int glyph_width = 5, glyph_height = 7, glyph_advance = 6;

// Five columns, bit 0 the top row: glyph('!') == {0x00, 0x00, 0x5F, 0x00, 0x00}.
const std::array<std::uint8_t, 5>& glyph(char c);

// ascii_fold("Dernier jour pour résilier l’abonnement") == "Dernier jour pour resilier l'abonnement"
std::string ascii_fold(std::string_view utf8);

}  // namespace subsim::render
