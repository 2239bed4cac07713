#pragma once
// A PNG encoder for palette images (color type 3, 8 bits), with nothing but the standard library:
// rows filtered with "Up" (so a row like the one above becomes zeros), compressed by a small
// deflate that writes runs as distance-1 back-references with the fixed Huffman codes (RFC 1951
// §3.2.6), in a zlib stream (RFC 1950, Adler-32), in chunks with their CRC-32 (PNG §5).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace subsim::render {

struct PaletteImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;     // 3 bytes per palette entry, at most 256 entries
    std::vector<std::uint8_t> pixels;  // width x height palette indices, row by row
};

std::string encode_png(const PaletteImage& image);

// The checksums, exposed for their tests: crc32("IEND") == 0xAE426082; adler32("Wikipedia") == 0x11E60398.
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);
std::uint32_t adler32(std::string_view bytes);

// zlib stream of `data` (fixed-Huffman deflate, runs as back-references); any inflater reads it.
std::string zlib_compress(std::string_view data);

}  // namespace subsim::render
