#include "calendar_export/icalendar.hpp"

#include <cstdint>
#include <map>
#include <vector>

#include "calendar_export/customer_dates.hpp"
#include "narrate/narrator.hpp"
#include "narrate/output_phrases.hpp"

namespace subsim {

namespace {

constexpr std::string_view kind_names[] = {"last-day-to-cancel", "renewal", "trial-end", "access-end"};

std::string basic_date(Date d) {  // 20250210
    std::string iso = d.iso();
    iso.erase(7, 1);
    iso.erase(4, 1);
    return iso;
}

// FNV-1a, 64 bits: stable across platforms and runs (std::hash is not).
std::uint64_t fnv1a(std::string_view text, std::uint64_t h = 14695981039346656037ull) {
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string uid(const Scenario& scenario, const Result& result, const CustomerDate& d) {
    const Event& e = result.events[d.event];
    std::uint64_t h = fnv1a(scenario.account.id);
    h = fnv1a(std::string("\x1f") + to_string(e.type), h);
    h = fnv1a("\x1f" + (e.subscription ? result.subscription_ids[*e.subscription] : std::string()), h);
    h = fnv1a("\x1f" + (e.product ? result.product_ids[*e.product] : std::string()), h);
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(16, '0');  // h in 16 lowercase hex digits
    for (std::size_t i = hex.size(); i-- > 0; h >>= 4) hex[i] = digits[h & 15u];
    return std::string(kind_names[static_cast<std::size_t>(d.kind)]) + "-" + basic_date(d.date) + "-" + hex + "@subsim";
}

std::string description(const Scenario& scenario, const Result& result, const CustomerDate& d, Language lang) {
    const Event& e = result.events[d.event];
    if (d.kind != OutputTitle::last_day_to_cancel) return narrate_event(scenario, result, e, lang);
    return narrate_cancel_deadline(scenario, result, *e.subscription, e.product, e.date, d.date, *d.notice, lang);
}

// What the events' titles and descriptions hold at least, counted until it passes max_bytes: a
// title states its event's subject, and so does a description whose event sentence states it
// (event_sentence_bytes_at_least, 0 otherwise) or that is the last day to cancel it.
std::size_t events_bytes_at_least(const Scenario& scenario, const Result& result, const std::vector<CustomerDate>& dates,
                                  std::size_t max_bytes) {
    std::size_t bytes = 0;
    for (const CustomerDate& d : dates) {
        bytes += 2 * event_sentence_bytes_at_least(scenario, result.events[d.event]);
        if (bytes > max_bytes) break;
    }
    return bytes;
}

void append_event(std::string& out, const Scenario& scenario, const Result& result, const CustomerDate& d,
                  std::string_view unique_id, Language lang) {
    const Event& e = result.events[d.event];
    out += fold_ics_line("BEGIN:VEVENT");
    out += fold_ics_line("UID:" + std::string(unique_id));
    out += fold_ics_line("DTSTAMP:" + basic_date(scenario.until) + "T000000Z");
    out += fold_ics_line("DTSTART;VALUE=DATE:" + basic_date(d.date));
    out += fold_ics_line("DTEND;VALUE=DATE:" + basic_date(d.date.plus_days(1)));
    out += fold_ics_line("SUMMARY:" + ics_text(narrate_output_title(scenario, result, d.kind, e.subscription, e.product, lang)));
    out += fold_ics_line("DESCRIPTION:" + ics_text(description(scenario, result, d, lang)));
    out += fold_ics_line("TRANSP:TRANSPARENT");
    out += fold_ics_line("END:VEVENT");
}

}  // namespace

std::string fold_ics_line(std::string_view line) {
    std::string out;
    std::size_t width = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = 1;  // the UTF-8 character starting at i
        while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
        if (width + n > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, n));
        width += n;
        i += n;
    }
    return out + "\r\n";
}

std::string ics_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t')) out += ' ';
        else out += c;
    }
    return out;
}

std::optional<std::string> calendar_ics(const Scenario& scenario, const Result& result, Language lang,
                                        std::size_t max_bytes) {
    const std::vector<CustomerDate> dates = customer_dates(scenario, result);
    if (events_bytes_at_least(scenario, result, dates, max_bytes) > max_bytes) return std::nullopt;
    std::string out;
    out += fold_ics_line("BEGIN:VCALENDAR");
    out += fold_ics_line("VERSION:2.0");
    out += fold_ics_line("PRODID:-//subsim//subscription-lifecycle simulator//" + std::string(lang == Language::fr ? "FR" : "EN"));
    out += fold_ics_line("CALSCALE:GREGORIAN");
    out += fold_ics_line("METHOD:PUBLISH");
    if (!scenario.title.empty()) out += fold_ics_line("X-WR-CALNAME:" + ics_text(scenario.title));
    std::map<std::string, int> seen;  // two events alike on one date: "…@subsim", "…-2@subsim"
    for (const CustomerDate& d : dates) {
        std::string id = uid(scenario, result, d);
        if (const int n = ++seen[id]; n > 1) id.insert(id.size() - 7, std::to_string(n).insert(0, 1, '-'));
        append_event(out, scenario, result, d, id, lang);
        if (out.size() > max_bytes) return std::nullopt;
    }
    out += fold_ics_line("END:VCALENDAR");
    if (out.size() > max_bytes) return std::nullopt;
    return out;
}

}  // namespace subsim
