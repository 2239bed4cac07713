// docs/outputs.md "Render": the pieces under the SVG, PNG and HTML outputs. The outputs as a whole
// are read back by tests/outputs/render_test.py (XML parser, zlib) and html_fragment_test.mjs
// (DOMPurify).
#include <catch2/catch.hpp>

#include "render/bitmap_font.hpp"
#include "render/markup_text.hpp"
#include "render/output_text_api.hpp"
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

TEST_CASE("The outputs' text API answers an invalid scenario with the errors object, a valid one with the output") {
    const auto bad = subsim::calendar_ics_text("{\"subsim\": 1}", "");
    CHECK(bad.status == 2);
    CHECK(bad.json.find("\"errors\"") != std::string::npos);
    const std::string scenario = R"({"subsim": 1, "title": "t", "locale": "fr", "currency": "EUR", "start": "2025-01-10",
      "until": "2025-03-31", "catalog": {"products": [{"id": "p", "name": "P"}],
      "plans": [{"id": "m", "product": "p", "price": 4900, "period": "P1M", "notice": "P7D"}]},
      "account": {"id": "a", "created": "2025-01-10", "owner": "o", "users": [{"id": "o", "role": "owner"}]},
      "subscriptions": [{"id": "s1", "plans": ["m"], "start": "2025-01-10"}]})";
    const auto ics = subsim::calendar_ics_text(scenario, "");
    CHECK(ics.status == 0);
    CHECK(ics.json.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(ics.json.find("SUMMARY:Dernier jour pour résilier l’abonnement \u2068s1\u2069") != std::string::npos);
    CHECK(subsim::timeline_svg_text(scenario, "en").json.find("<svg") == 0);
    CHECK(subsim::timeline_png_bytes(scenario, "en").json.rfind("\x89PNG", 0) == 0);
    CHECK(subsim::sentence_table_html_text(scenario, "en", "javascript:x").json.find("<a ") == std::string::npos);
}
