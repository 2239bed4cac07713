#pragma once
// The narrator's sentences as an HTML fragment a strict help center keeps as it is
// (docs/outputs.md, "HTML fragment"): a <table> of dated sentences and a <p><a href> link to the
// live page, using only tags and attributes Zendesk Guide allows in articles (table, caption,
// thead, tbody, tr, th, td, p, a with href and rel, class): no script, style, svg or iframe.
// Written in the form a browser serializes it back (text escapes only & < > and U+00A0), so a
// sanitizer's output can be compared byte for byte with it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/limits.hpp"
#include "model/result.hpp"
#include "model/scenario.hpp"
#include "narrate/format.hpp"

namespace subsim {

// `link`: the live page's address ("" for no link); only http:// and https:// addresses are
// written (is_web_link), anything else is left out. None when the fragment would hold more than
// max_bytes: the sentences are narrated within that budget and the table stops as soon as it
// passes it, so a long id billed daily is refused, not written (docs/limits.md).
std::optional<std::string> sentence_table_html(const Scenario& scenario, const Result& result, Language lang,
                                               std::string_view link, std::size_t max_bytes = limits::answer_bytes);

// An absolute http(s) address without spaces, quotes or control characters:
// is_web_link("https://example.com/#z=abc") == true; is_web_link("file:///etc/passwd") == false;
// is_web_link("javascript:alert(1)") == false.
bool is_web_link(std::string_view link);

}  // namespace subsim
