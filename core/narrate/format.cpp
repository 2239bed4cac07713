#include "narrate/format.hpp"

#include <array>

namespace subsim {
namespace {

constexpr std::array<const char*, 12> months_en = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> months_fr = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                   "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

constexpr std::array<const char*, 12> months_abbr_en = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> months_abbr_fr = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                                        "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
constexpr std::array<const char*, 7> weekdays_en = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 7> weekdays_fr = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};

// The month's name, whole or abbreviated.
std::string month_name(Date d, Language lang, bool abbreviated) {
    const auto& names = abbreviated ? (lang == Language::fr ? months_abbr_fr : months_abbr_en)
                                    : (lang == Language::fr ? months_fr : months_en);
    return names[d.month() - 1];
}

int minor_digits(std::string_view currency) {
    for (std::string_view zero : {"JPY", "KRW", "CLP", "ISK", "VND", "XOF", "XAF", "PYG", "UGX"})
        if (currency == zero) return 0;
    for (std::string_view three : {"BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD"})
        if (currency == three) return 3;
    return 2;
}

std::string group_thousands(std::string digits, std::string_view separator) {
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), separator);
    return digits;
}

std::string_view symbol(std::string_view currency) {
    if (currency == "EUR") return "€";
    if (currency == "USD") return "$";
    if (currency == "GBP") return "£";
    if (currency == "JPY") return "¥";
    return "";
}

}  // namespace

Language language_of(std::string_view locale) { return locale.substr(0, 2) == "fr" ? Language::fr : Language::en; }

Language language_of(std::string_view asked, std::string_view scenario_locale) {
    return language_of(asked.empty() ? scenario_locale : asked);
}

std::string format_date(Date d, Language lang) {
    const std::string day = std::to_string(d.day());
    const std::string year = std::to_string(d.year());
    if (lang == Language::fr) return (d.day() == 1 ? "1er" : day) + " " + months_fr[d.month() - 1] + " " + year;
    return day + " " + months_en[d.month() - 1] + " " + year;
}

std::optional<DateLabel> date_label_named(std::string_view name) {
    for (std::size_t i = 0; i < date_label_names.size(); ++i)
        if (date_label_names[i] == name) return static_cast<DateLabel>(i);
    return std::nullopt;
}

std::string format_date(Date d, Language lang, DateLabel style) {
    const std::string year = std::to_string(d.year());
    switch (style) {
        case DateLabel::date: return format_date(d, lang);
        case DateLabel::weekday_date:
            return std::string(lang == Language::fr ? weekdays_fr[d.weekday()] : weekdays_en[d.weekday()]) + " " + format_date(d, lang);
        case DateLabel::month_abbr: return month_name(d, lang, true);
        case DateLabel::month_year: return month_name(d, lang, false) + " " + year;
        case DateLabel::month_abbr_year: return month_name(d, lang, true) + " " + year;
        case DateLabel::year: break;
    }
    return year;
}

std::string format_money(std::int64_t minor, std::string_view currency, Language lang) {
    const bool negative = minor < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    const int digits = minor_digits(currency);
    std::uint64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    std::string whole = group_thousands(std::to_string(magnitude / scale), lang == Language::fr ? "\u202f" : ",");
    std::string fraction = std::to_string(magnitude % scale);
    if (static_cast<int>(fraction.size()) < digits) fraction.insert(fraction.begin(), static_cast<std::size_t>(digits) - fraction.size(), '0');
    std::string number = digits == 0 ? whole : whole + (lang == Language::fr ? "," : ".") + fraction;
    // A credit reads with a minus sign before the whole amount: −€25.00, −25,00 €.
    const std::string sign = negative ? "−" : "";
    const std::string_view sym = symbol(currency);
    if (lang == Language::fr) return sign + number + "\u00a0" + std::string(sym.empty() ? currency : sym);
    if (sym.empty()) return sign + number + " " + std::string(currency);
    return sign + std::string(sym) + number;
}

std::string isolated(std::string_view name) {
    std::string out = "\u2068";
    out += name;
    out += "\u2069";
    return out;
}

}  // namespace subsim
