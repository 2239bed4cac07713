// docs/outputs.md "Render": the pieces under the SVG, PNG and HTML outputs. The outputs as a whole
// are read back by tests/outputs/render_test.py (XML parser, zlib) and html_fragment_test.mjs
// (DOMPurify).
#include <catch2/catch.hpp>

#include "render/bitmap_font.hpp"
#include "render/markup_text.hpp"
#include "render/png_encoder.hpp"
#include "render/sentence_table_html.hpp"

TEST_CASE("PNG chunks and the zlib stream carry the standard checksums") {
    CHECK(subsim::render::crc32("IEND") == 0xAE426082u);
    CHECK(subsim::render::adler32("Wikipedia") == 0x11E60398u);
}

TEST_CASE("Runs compress to back-references: a blank row costs a few bytes, not its width") {
    const std::string blank(100000, '\0');
    CHECK(subsim::render::zlib_compress(blank).size() < 1000);
    // zlib header 2 bytes; 3 + 8 + 8 + 7 bits (block header, two literals, end of block) = 4 bytes; Adler-32 4.
    CHECK(subsim::render::zlib_compress("ab").size() == 2 + 4 + 4);
}

TEST_CASE("Only http and https addresses become the fragment's link") {
    CHECK(subsim::is_web_link("https://example.org/subsim/#z=abc"));
    CHECK(subsim::is_web_link("HTTP://example.org"));
    CHECK_FALSE(subsim::is_web_link("file:///etc/passwd"));
    CHECK_FALSE(subsim::is_web_link("javascript:alert(1)"));
    CHECK_FALSE(subsim::is_web_link("https://"));
    CHECK_FALSE(subsim::is_web_link("https://x\" onmouseover=\"y"));
}

TEST_CASE("Markup characters in names are escaped, never interpreted") {
    CHECK(subsim::markup_text("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;");
    CHECK(subsim::markup_text(std::string("bell\x07", 5)) == "bell\xEF\xBF\xBD");
}

TEST_CASE("The bitmap font's labels fold French to plain letters") {
    CHECK(subsim::render::ascii_fold("Dernier jour pour résilier l’abonnement") == "Dernier jour pour resilier l'abonnement");
    CHECK(subsim::render::ascii_fold("49,00\u00a0€") == "49,00 EUR");
    CHECK(subsim::render::glyph('!') == std::array<std::uint8_t, 5>{0x00, 0x00, 0x5F, 0x00, 0x00});
}
