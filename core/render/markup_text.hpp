#pragma once
// Text inside XML and HTML markup (SVG, the HTML fragment, JUnit reports): always valid UTF-8,
// with the five markup characters escaped and the control characters XML 1.0 forbids replaced.
// markup_text("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;"
#include <string>
#include <string_view>

namespace subsim {

std::string markup_text(std::string_view text);

}  // namespace subsim
