#include "narrate/phrasebook.hpp"

#include <array>

namespace subsim {
namespace {

constexpr std::array<std::string_view, phrase_count> ids{
#define SUBSIM_PHRASE_ID(id) #id,
    SUBSIM_PHRASES(SUBSIM_PHRASE_ID)
#undef SUBSIM_PHRASE_ID
};

bool starts_with_vowel(std::string_view s) {
    if (s.substr(0, 3) == "\u2068") s.remove_prefix(3);  // a name isolated for bidi text (format.hpp isolated)
    if (s.empty()) return false;
    if (std::string_view("aeiouyhAEIOUYH").find(s[0]) != std::string_view::npos) return true;
    for (std::string_view accented : {"é", "è", "ê", "â", "à", "î", "ô", "û", "É", "È", "Ê", "À", "Î", "Ô"})
        if (s.substr(0, accented.size()) == accented) return true;
    return false;
}

bool ends_with_word(const std::string& out, std::string_view word) {
    if (out.size() < word.size() || out.compare(out.size() - word.size(), word.size(), word) != 0) return false;
    const std::size_t before = out.size() - word.size();
    if (before == 0) return true;
    const char c = out[before - 1];
    return c == ' ' || c == '(' || (before >= 3 && out.compare(before - 3, 3, "\u2019") == 0);
}

// French elisions and contractions where a slot's value meets the template's text:
// « de actif » → « d’actif », « de le compte » → « du compte », « à le » → « au ».
void join_french(std::string& out, std::string_view& value) {
    struct Contraction { std::string_view before, article, joined; };
    static constexpr Contraction contractions[] = {
        {"de ", "le ", "du "}, {"de ", "les ", "des "}, {"à ", "le ", "au "}, {"à ", "les ", "aux "}};
    for (const Contraction& c : contractions)
        if (ends_with_word(out, c.before) && value.substr(0, c.article.size()) == c.article) {
            out.resize(out.size() - c.before.size());
            out += c.joined;
            value.remove_prefix(c.article.size());
            return;
        }
    for (std::string_view word : {"de ", "que "})
        if (ends_with_word(out, word) && starts_with_vowel(value)) {
            out.resize(out.size() - 2);  // « de » → « d’ », « que » → « qu’ »: drop "e "
            out += "\u2019";
            return;
        }
}

// The first `c` in `text` from `from` on, npos if none: a loop over a phrase's few dozen bytes
// instead of string_view::find, which WebAssembly makes a call to its C library's memchr.
std::size_t find_byte(std::string_view text, char c, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] == c) return i;
    return std::string_view::npos;
}

// The value of slot `name`, if there is one.
struct Found {
    bool found = false;
    std::string_view value;
};

Found find_slot(const Slots& slots, std::string_view name) {
    for (const auto& [key, value] : slots)
        if (key == name) return {true, value};
    return {};
}

// The template with its slots filled by `find(name)`.
template <class Find>
std::string fill_with(Phrase p, Language lang, Find find) {
    const std::string_view text = phrase(p, lang);
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t open = find_byte(text, '{', i);
        const std::size_t close = open == std::string_view::npos ? open : find_byte(text, '}', open);
        if (close == std::string_view::npos) break;
        out.append(text.substr(i, open - i));
        const Found value = find(text.substr(open + 1, close - open - 1));
        std::string_view v = value.found ? value.value : text.substr(open, close - open + 1);
        if (lang == Language::fr) join_french(out, v);
        out.append(v);
        i = close + 1;
    }
    out.append(text.substr(i));
    return out;
}

}  // namespace

std::string_view phrase_id(Phrase p) { return ids[static_cast<std::size_t>(p)]; }

std::string_view phrase(Phrase p, Language lang) {
    const PhraseEntry* table = lang == Language::fr ? phrasebook_fr : phrasebook_en;
    return table[static_cast<std::size_t>(p)].text;
}

std::string fill(Phrase p, Language lang, const Slots& slots) {
    return fill_with(p, lang, [&](std::string_view name) { return find_slot(slots, name); });
}

std::string fill(Phrase p, Language lang, std::string_view name, std::string_view value) {
    return fill_with(p, lang, [&](std::string_view asked) { return asked == name ? Found{true, value} : Found{}; });
}

}  // namespace subsim
