#include "io/json_writer.hpp"

#include <cstdint>
#include <cstring>
#include <utility>
#include <string_view>
#include <type_traits>
#include <vector>

namespace subsim {
namespace {

// The two sinks every writer below runs on: Count adds up lengths, Write copies bytes into a
// buffer allocated at the counted size (no growth, no copy of a half-built answer).
struct Count {
    std::size_t n = 0;
    void put(char) { ++n; }
    void put(const char*, std::size_t len) { n += len; }
};

struct Write {
    char* p;
    void put(char c) { *p++ = c; }
    void put(const char* data, std::size_t len) {
        std::memcpy(p, data, len);
        p += len;
    }
};

template <class Sink>
void put(Sink& out, std::string_view s) { out.put(s.data(), s.size()); }

// A string as a JSON literal; runs of characters that need no escaping are copied in one go.
template <class Sink>
void put_string(Sink& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out.put('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        put(out, s.substr(run, i - run));
        run = i + 1;
        switch (c) {
            case '"': put(out, "\\\""); break;
            case '\\': put(out, "\\\\"); break;
            case '\n': put(out, "\\n"); break;
            case '\r': put(out, "\\r"); break;
            case '\t': put(out, "\\t"); break;
            case '\b': put(out, "\\b"); break;
            case '\f': put(out, "\\f"); break;
            default: {
                const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.put(u, 6);
            }
        }
    }
    put(out, s.substr(run));
    out.put('"');
}

template <class Sink>
void put_integer(Sink& out, std::int64_t v) {
    char text[24];
    char* end = text + sizeof text;
    char* p = end;
    const bool negative = v < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (negative) *--p = '-';
    out.put(p, static_cast<std::size_t>(end - p));
}

// Dates as "YYYY-MM-DD" with quotes, each converted from its day count once per answer: a result
// repeats few dates many times (an event, its invoice lines and its reminder share a boundary;
// twenty products share a billing date), so texts are kept in a small table by day count.
class DateText {
public:
    // The length of a date's text without converting it: 12 for the calendar's years.
    static std::size_t bytes(Date d) {
        const long days = Date{}.days_until(d);
        return days >= first_day && days <= last_day ? 12 : odd_text(days).size();
    }
    std::string_view of(Date d) {
        const long days = Date{}.days_until(d);
        if (days < first_day || days > last_day) {
            odd_ = odd_text(days);
            return odd_;
        }
        Slot& slot = slots_[static_cast<unsigned long>(days) % slot_count];
        if (slot.days != days) {
            const Civil c = civil(days);
            fill(slot.text, c.year, c.month, c.day);
            slot.days = days;
        }
        return {slot.text, 12};
    }

private:
    static constexpr long first_day = -719528;  // 0000-01-01
    static constexpr long last_day = 2932896;   // 9999-12-31
    static constexpr std::size_t slot_count = 512;
    struct Slot {
        long days = last_day + 1;  // no date yet
        char text[12];
    };
    struct Civil {
        long year;
        unsigned month, day;
    };
    Slot slots_[slot_count];
    std::string odd_;  // a date past the calendar's years, which arithmetic may reach

    static Civil civil(long days) {  // H. Hinnant's civil_from_days
        const long z = days + 719468;
        const long era = (z >= 0 ? z : z - 146096) / 146097;
        const unsigned doe = static_cast<unsigned>(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned month = mp < 10 ? mp + 3 : mp - 9;
        return {static_cast<long>(yoe) + era * 400 + (month <= 2), month, doy - (153 * mp + 2) / 5 + 1};
    }
    // "YYYY-MM-DD" with quotes, for a year 0..9999.
    static void fill(char* p, long year, unsigned month, unsigned day) {
        const unsigned y = static_cast<unsigned>(year);
        const char text[12] = {'"', digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-',
                               digit(month / 10), digit(month % 10), '-', digit(day / 10), digit(day % 10), '"'};
        std::memcpy(p, text, 12);
    }
    static char digit(unsigned d) { return static_cast<char>('0' + d); }
    static std::string odd_text(long days) {  // past the calendar's years: all the digits
        const Civil c = civil(days);
        char tail[12];
        fill(tail, 0, c.month, c.day);
        return "\"" + std::string(c.year < 0 ? "-" : "") + std::to_string(c.year < 0 ? -c.year : c.year) +
               std::string(tail + 5, 7);
    }
};

// What a sink does with a date: Count adds its length, Write copies its text.
template <class Sink>
void put_date(Sink& out, DateText& dates, Date d) {
    if constexpr (std::is_same_v<Sink, Count>) out.n += DateText::bytes(d);
    else {
        const std::string_view text = dates.of(d);
        if (text.size() != 12) return out.put(text.data(), text.size());
        std::memcpy(out.p, text.data(), 12);  // the calendar's years: a copy of known size, inlined
        out.p += 12;
    }
}

// The result's id tables, each id escaped and quoted once for all the records that repeat it.
struct QuotedIds {
    std::vector<std::string> subscriptions, products, bundles, plans;
    explicit QuotedIds(const Result& r) : subscriptions(quote(r.subscription_ids)), products(quote(r.product_ids)),
                                          bundles(quote(r.bundle_ids)), plans(quote(r.plan_ids)) {}
    static std::vector<std::string> quote(const std::vector<std::string>& ids) {
        std::vector<std::string> out;
        out.reserve(ids.size());
        for (const std::string& id : ids) {
            out.emplace_back();
            append_json_string(out.back(), id);
        }
        return out;
    }
};

// The members of one object, in order. Keys are literals of this file: copied, never scanned.
template <class Sink>
struct Fields {
    Sink& out;
    DateText& dates;
    bool first = true;

    Fields& key(std::string_view k) {
        if (!first) put(out, ", ");
        first = false;
        out.put('"');
        put(out, k);
        put(out, "\": ");
        return *this;
    }
    Fields& str(std::string_view k, std::string_view v) { key(k); put_string(out, v); return *this; }
    Fields& num(std::string_view k, std::int64_t v) { key(k); put_integer(out, v); return *this; }
    // A name of the typed enums (event type, rule, state): plain ASCII, copied without escaping.
    Fields& name(std::string_view k, std::string_view v) {
        key(k);
        out.put('"');
        put(out, v);
        out.put('"');
        return *this;
    }
    Fields& date(std::string_view k, Date d) { key(k); put_date(out, dates, d); return *this; }
    Fields& id(std::string_view k, const std::vector<std::string>& quoted, std::optional<std::size_t> i) {
        key(k);
        put(out, i ? std::string_view(quoted[*i]) : std::string_view("null"));
        return *this;
    }
};

template <class Sink>
void put_detail(Sink& out, DateText& dates, const DetailValue& v) {
    if (std::holds_alternative<std::nullptr_t>(v)) put(out, "null");
    else if (auto b = std::get_if<bool>(&v)) put(out, *b ? "true" : "false");
    else if (auto n = std::get_if<std::int64_t>(&v)) put_integer(out, *n);
    else if (auto d = std::get_if<Date>(&v)) put_date(out, dates, *d);
    else put_string(out, std::get<std::string>(v));
}

template <class Sink, typename T, typename F>
void put_list(Sink& out, std::string_view name, const std::vector<T>& items, F&& write_item, bool last = false) {
    put(out, "  \"");
    put(out, name);
    put(out, "\": [");
    for (std::size_t i = 0; i < items.size(); ++i) {
        put(out, i == 0 ? "\n    {" : ",\n    {");
        write_item(items[i]);
        out.put('}');
    }
    put(out, items.empty() ? "]" : "\n  ]");
    put(out, last ? "\n" : ",\n");
}

template <class Sink>
void put_event(Sink& out, DateText& dates, const QuotedIds& ids, const Event& e) {
    Fields<Sink> f{out, dates};
    f.date("date", e.date).name("type", to_string(e.type)).id("subscription", ids.subscriptions, e.subscription)
        .id("product", ids.products, e.product).key("details");
    out.put('{');
    for (std::size_t i = 0; i < e.details.size(); ++i) {
        put(out, i ? ", \"" : "\"");
        put(out, e.details[i].key);  // a literal of the engine's
        put(out, "\": ");
        put_detail(out, dates, e.details[i].value);
    }
    out.put('}');
    f.name("rule", to_string(e.rule));
}

// `v2`: format 2's invoice status and payment day, and each line's plan and kind (SPEC-v2 §0.3).
template <class Sink>
void put_invoice(Sink& out, DateText& dates, const QuotedIds& ids, const Invoice& inv, bool v2) {
    Fields<Sink> f{out, dates};
    f.date("date", inv.date).id("subscription", ids.subscriptions, inv.subscription).num("amount", inv.amount.minor());
    if (v2) f.name("status", to_string(inv.status)).date("paid_on", inv.paid_on.value_or(inv.date));
    f.key("lines");
    out.put('[');
    for (std::size_t i = 0; i < inv.lines.size(); ++i) {
        const InvoiceLine& l = inv.lines[i];
        put(out, i ? ", {" : "{");
        Fields<Sink> line{out, dates};
        line.id("product", ids.products, l.product).id("bundle", ids.bundles, l.bundle);
        if (v2) line.id("plan", ids.plans, l.plan).name("kind", to_string(l.kind));
        line.date("from", l.from).date("to", l.to).num("amount", l.amount.minor());
        out.put('}');
    }
    out.put(']');
}

template <class Sink>
void put_summary(Sink& out, DateText& dates, const Result& r) {
    put(out, "  \"summary\": {");
    Fields<Sink> summary{out, dates};
    summary.str("currency", r.currency).num("total_charged", r.total_charged.minor());
    if (r.version >= 2) summary.num("total_credited", r.total_credited.minor()).num("total_unpaid", r.total_unpaid.minor());
    summary.key("states");
    out.put('{');
    for (std::size_t i = 0; i < r.final_states.size(); ++i) {
        if (i) put(out, ", ");
        put_string(out, r.subscription_ids[i]);  // an id as a key: escaped like any string
        put(out, ": ");
        if (r.final_states[i]) put_string(out, to_string(*r.final_states[i]));
        else put(out, "null");
    }
    out.put('}');
    summary.str("account", r.account_closed ? "closed" : "open");
    put(out, "},\n");
}

template <class Sink>
void put_result(Sink& out, const Result& r, const QuotedIds& ids) {
    DateText dates;
    const bool v2 = r.version >= 2;  // format 2 adds keys (SPEC-v2 §0.3); format 1 stays byte-identical
    put(out, v2 ? "{\n  \"subsim\": 2,\n  \"today\": " : "{\n  \"subsim\": 1,\n");
    if (v2 && r.today) put(out, "\"" + r.today->iso() + "\",\n");  // SPEC-v2 §8.2
    else if (v2) put(out, "null,\n");
    put_list(out, "events", r.events, [&](const Event& e) { put_event(out, dates, ids, e); });
    put_list(out, "spans", r.spans, [&](const Span& s) {
        Fields<Sink>{out, dates}.id("subscription", ids.subscriptions, s.subscription).id("product", ids.products, s.product)
            .name("state", to_string(s.state)).date("from", s.from).date("to", s.to);
    });
    put_list(out, "invoices", r.invoices, [&](const Invoice& inv) { put_invoice(out, dates, ids, inv, v2); });
    put_summary(out, dates, r);
    put_list(out, "expectations", r.expectations, [&](const ExpectationOutcome& e) {
        Fields<Sink> f{out, dates};
        f.num("index", static_cast<std::int64_t>(e.index)).key("passed");
        put(out, e.passed ? "true" : "false");
        f.str("message", e.message);
    }, true);
    put(out, "}\n");
}

template <class Sink>
void put_errors(Sink& out, const Diagnostics& errors, int version) {
    DateText dates;
    put(out, version >= 2 ? "{\n  \"subsim\": 2,\n" : "{\n  \"subsim\": 1,\n");
    put_list(out, "errors", errors, [&](const Diagnostic& d) {
        Fields<Sink>{out, dates}.str("pointer", d.pointer).str("message", d.message).num("line", d.line).num("column", d.column);
    }, true);
    put(out, "}\n");
}

// Counts, allocates once, writes.
template <class Produce>
std::string produced(Produce&& produce) {
    Count count;
    produce(count);
    std::string text(count.n, '\0');
    Write write{text.data()};
    produce(write);
    return text;
}

}  // namespace

std::string write_result_json(const Result& r) {
    return std::move(*write_result_json(r, static_cast<std::size_t>(-1)).text);
}

BudgetedText write_result_json(const Result& r, std::size_t max_bytes) {
    const QuotedIds ids{r};
    Count count;
    put_result(count, r, ids);
    BudgetedText out;
    out.bytes = count.n;
    if (count.n > max_bytes) return out;
    out.text.emplace(count.n, '\0');
    Write write{out.text->data()};
    put_result(write, r, ids);
    return out;
}

std::string write_errors_json(const Diagnostics& errors, int version) {
    return produced([&](auto& sink) { put_errors(sink, errors, version); });
}

void append_json_string(std::string& out, std::string_view s) {
    const std::size_t at = out.size();
    Count count;
    put_string(count, s);
    out.resize(at + count.n);
    Write write{out.data() + at};
    put_string(write, s);
}

std::size_t json_string_bytes(std::string_view s) {
    Count count;
    put_string(count, s);
    return count.n;
}

}  // namespace subsim
