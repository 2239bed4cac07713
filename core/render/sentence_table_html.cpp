#include "render/sentence_table_html.hpp"

#include <cctype>
#include <vector>

#include "io/utf8.hpp"
#include "narrate/narrator.hpp"
#include "narrate/output_phrases.hpp"

namespace subsim {

namespace {

// As a browser's serializer writes it: text escapes & < > and U+00A0; attributes & " and U+00A0.
std::string html_text(std::string_view text, bool attribute) {
    std::string out;
    const std::string valid = valid_utf8(text);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char c = valid[i];
        if (c == '&') out += "&amp;";
        else if (!attribute && c == '<') out += "&lt;";
        else if (!attribute && c == '>') out += "&gt;";
        else if (attribute && c == '"') out += "&quot;";
        else if (c == '\xC2' && i + 1 < valid.size() && valid[i + 1] == '\xA0') out += "&nbsp;", ++i;
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
    return out;
}

std::string cell(std::string_view tag, std::string_view text) {
    std::string out;
    out.append("<").append(tag).append(">").append(html_text(text, false)).append("</").append(tag).append(">");
    return out;
}

}  // namespace

bool is_web_link(std::string_view link) {
    std::string scheme;
    for (char c : link.substr(0, 8)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme.rfind("https://", 0) != 0 && scheme.rfind("http://", 0) != 0) return false;
    if (link.size() <= (scheme.rfind("https://", 0) == 0 ? 8u : 7u)) return false;
    for (char c : link)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == 0x7f)
            return false;
    return true;
}

std::optional<std::string> sentence_table_html(const Scenario& scenario, const Result& result, Language lang,
                                               std::string_view link, std::size_t max_bytes) {
    const std::vector<std::string> sentences = narrate_events(scenario, result, lang, max_bytes);
    if (sentences.size() < result.events.size()) return std::nullopt;
    std::string out = "<table class=\"subsim-timeline\">";
    if (!scenario.title.empty()) out += cell("caption", scenario.title);
    out += "<thead><tr>" + cell("th", output_label(OutputLabel::date, lang)) +
           cell("th", output_label(OutputLabel::what_happens, lang)) + "</tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        out += "<tr>" + cell("td", format_date(result.events[i].date, lang)) + cell("td", sentences[i]) + "</tr>\n";
        if (out.size() > max_bytes) return std::nullopt;
    }
    out += "</tbody></table>\n";
    if (is_web_link(link))
        out += "<p><a href=\"" + html_text(link, true) + "\" rel=\"noopener\">" +
               html_text(output_label(OutputLabel::open_live, lang), false) + "</a></p>\n";
    if (out.size() > max_bytes) return std::nullopt;
    return out;
}

}  // namespace subsim
