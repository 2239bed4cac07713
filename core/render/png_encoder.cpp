#include "render/png_encoder.hpp"

#include <algorithm>
#include <array>

namespace subsim::render {

namespace {

// Bits written least significant first, as deflate reads them.
class BitWriter {
public:
    void bits(std::uint32_t value, int count) {
        for (int i = 0; i < count; ++i) push((value >> i) & 1u);
    }
    // Huffman codes are sent most significant bit first.
    void code(std::uint32_t value, int length) {
        for (int i = length - 1; i >= 0; --i) push((value >> i) & 1u);
    }
    std::string finish() {
        if (used_) out_ += static_cast<char>(current_);
        return std::move(out_);
    }

private:
    void push(std::uint32_t bit) {
        current_ |= static_cast<std::uint8_t>(bit << used_);
        if (++used_ == 8) out_ += static_cast<char>(current_), current_ = 0, used_ = 0;
    }
    std::string out_;
    std::uint8_t current_ = 0;
    int used_ = 0;
};

void literal(BitWriter& w, unsigned v) {  // the fixed literal/length code of v (0..287)
    if (v < 144) w.code(0x30 + v, 8);
    else if (v < 256) w.code(0x190 + v - 144, 9);
    else if (v < 280) w.code(v - 256, 7);
    else w.code(0xC0 + v - 280, 8);
}

// A match of `length` (3..258) at distance 1.
void run(BitWriter& w, unsigned length) {
    static constexpr std::array<unsigned, 29> base = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static constexpr std::array<int, 29> extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    std::size_t i = base.size() - 1;
    while (base[i] > length) --i;
    literal(w, 257 + static_cast<unsigned>(i));
    w.bits(length - base[i], extra[i]);
    w.code(0, 5);  // distance code 0: distance 1
}

std::string deflate_fixed(std::string_view data) {
    BitWriter w;
    w.bits(1, 1);  // BFINAL
    w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
    for (std::size_t i = 0; i < data.size();) {
        std::size_t n = 0;
        if (i > 0)
            while (n < 258 && i + n < data.size() && data[i + n] == data[i - 1]) ++n;
        if (n >= 3) {
            run(w, static_cast<unsigned>(n));
            i += n;
        } else {
            literal(w, static_cast<unsigned char>(data[i++]));
        }
    }
    literal(w, 256);  // end of block
    return w.finish();
}

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, std::string_view type, std::string_view data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::string body = std::string(type) + std::string(data);
    out += body;
    put32(out, crc32(body));
}

// Each row preceded by its filter type 2 ("Up": the byte minus the byte above it).
std::string filtered_rows(const PaletteImage& image) {
    std::string out;
    const auto w = static_cast<std::size_t>(image.width);
    out.reserve((w + 1) * static_cast<std::size_t>(image.height));
    for (std::size_t y = 0; y < static_cast<std::size_t>(image.height); ++y) {
        out += '\x02';
        for (std::size_t x = 0; x < w; ++x) {
            const std::uint8_t above = y ? image.pixels[(y - 1) * w + x] : 0;
            out += static_cast<char>(static_cast<std::uint8_t>(image.pixels[y * w + x] - above));
        }
    }
    return out;
}

}  // namespace

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

std::uint32_t adler32(std::string_view bytes) {
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : bytes) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

std::string zlib_compress(std::string_view data) {
    std::string out = "\x78\x01";  // deflate, 32 KiB window; (0x78 * 256 + 0x01) % 31 == 0
    out += deflate_fixed(data);
    put32(out, adler32(data));
    return out;
}

std::string encode_png(const PaletteImage& image) {
    std::string out = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, static_cast<std::uint32_t>(image.width));
    put32(header, static_cast<std::uint32_t>(image.height));
    header += std::string("\x08\x03\x00\x00\x00", 5);  // 8 bits, palette, deflate, adaptive filters, no interlace
    chunk(out, "IHDR", header);
    chunk(out, "PLTE", std::string_view(reinterpret_cast<const char*>(image.rgb.data()), image.rgb.size()));
    chunk(out, "IDAT", zlib_compress(filtered_rows(image)));
    chunk(out, "IEND", "");
    return out;
}

}  // namespace subsim::render
