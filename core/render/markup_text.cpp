#include "render/markup_text.hpp"

#include "io/utf8.hpp"

namespace subsim {

std::string markup_text(std::string_view text) {
    std::string out;
    for (char c : valid_utf8(text)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c == '\'') out += "&#39;";
        else if (c == '\n') out += "&#10;";  // kept inside attribute values too
        else if (u < 0x20 && c != '\t' && c != '\r') out += "\xEF\xBF\xBD";
        else out += c;
    }
    return out;
}

}  // namespace subsim
