#include "io/error_hints.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "domain/date.hpp"
#include "narrate/field_guide.hpp"

namespace subsim {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The hint for YEAR-MONTH-DAY all digits, month and day of one or two digits.
std::optional<std::string> calendar_hint(std::string_view text, std::string_view y, std::string_view m, std::string_view d) {
    const std::string quoted = std::string("\"").append(text).append("\"");
    if (y.size() != 4) return std::nullopt;
    const int year = number(y), month = number(m), day = number(d);
    if (year < Date::min_year || year > Date::max_year) return std::nullopt;  // the generic message gives the range
    if (month < 1 || month > 12) return quoted + ": there is no month " + std::to_string(month) + " (dates are written YYYY-MM-DD)";
    const int last = static_cast<int>(Date::days_in_month(year, static_cast<unsigned>(month)));
    const std::string month_year = std::string(kMonths[month - 1]) + " " + std::string(y);
    if (day < 1) return quoted + ": there is no day 0";
    if (day > last) {
        std::string why = (month == 2 && day == 29 && !leap(year)) ? std::string(y) + " is not a leap year"
                                                                   : month_year + " has " + std::to_string(last) + " days";
        return std::to_string(day) + " " + month_year + " does not exist (" + why + ")";
    }
    if (m.size() != 2 || d.size() != 2) {
        const auto two = [](int n) { return std::string(n < 10 ? "0" : "").append(std::to_string(n)); };
        return quoted + ": write the month and the day with two digits, " + std::string(y) + "-" + two(month) + "-" + two(day);
    }
    return std::nullopt;
}

// The schema path of an object's pointer: list indexes become "*".
std::string schema_path(std::string_view pointer) {
    std::string out;
    std::size_t at = 0;
    while (at < pointer.size()) {
        const std::size_t next = std::min(pointer.find('/', at + 1), pointer.size());
        const std::string_view token = pointer.substr(at + 1, next - at - 1);
        out += digits(token) ? std::string("/*") : std::string("/").append(token);
        at = next;
    }
    return out;
}

std::size_t depth(std::string_view path) { return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')); }

// How many leading tokens two schema paths share.
std::size_t shared_depth(std::string_view a, std::string_view b) {
    std::size_t shared = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i)
        if (i + 1 == a.size() || a[i + 1] == '/') shared += (i + 1 == b.size() || b[i + 1] == '/') ? 1 : 0;
    return shared;
}

// "/catalog" -> "inside \"catalog\""; "/catalog/plans/*" -> "inside an item of \"catalog.plans\"";
// "" -> "at the top level".
std::string place(std::string_view parent) {
    if (parent.empty()) return "at the top level";
    const bool item = parent.size() >= 2 && parent.substr(parent.size() - 2) == "/*";
    if (item) parent.remove_suffix(2);
    std::string dotted;
    for (std::size_t i = 1; i < parent.size(); ++i) {
        if (parent.compare(i - 1, 2, "/*") == 0) dotted.back() = '[', dotted += ']';
        else dotted += parent[i] == '/' ? '.' : parent[i];
    }
    return std::string("inside ") + (item ? "an item of \"" : "\"") + dotted + "\"";
}

}  // namespace

std::optional<std::string> date_hint(std::string_view text) {
    const std::size_t a = text.find('-'), b = a == std::string::npos ? a : text.find('-', a + 1);
    if (b == std::string::npos || text.find('-', b + 1) != std::string::npos) return std::nullopt;
    const std::string_view t(text);
    const std::string_view y = t.substr(0, a), m = t.substr(a + 1, b - a - 1), d = t.substr(b + 1);
    if (!digits(y) || !digits(m) || !digits(d) || m.size() > 2 || d.size() > 2) return std::nullopt;
    return calendar_hint(text, y, m, d);
}

std::string misplaced_key_hint(std::string_view object_pointer, std::string_view key) {
    const std::string here = schema_path(object_pointer);
    std::vector<std::string_view> parents;
    std::pair<std::size_t, std::size_t> best{~std::size_t{0}, 0};  // (distance from here, depth): lower is nearer
    for (const FieldHelp& entry : field_guide(Language::en)) {
        const std::size_t slash = entry.path.rfind('/');
        const std::string_view parent = entry.path.substr(0, slash);
        if (entry.path.substr(slash + 1) != key) continue;
        if (parent == here) return "";  // a key of this object refused for another reason (products on a renew)
        const std::pair<std::size_t, std::size_t> rank{depth(here) - shared_depth(here, parent), depth(parent)};
        if (rank < best) parents.clear(), best = rank;
        if (rank == best && parents.size() < 3) parents.push_back(parent);
    }
    if (parents.empty()) return "";
    std::string out = "; \"" + std::string(key) + "\" belongs " + place(parents[0]);
    for (std::size_t i = 1; i < parents.size(); ++i) out += " or " + place(parents[i]);
    return out;
}

std::string or_misplaced(std::string typo_hint, std::string_view object_pointer, std::string_view key) {
    return typo_hint.empty() ? misplaced_key_hint(object_pointer, key) : typo_hint;
}

}  // namespace subsim
