#include "io/json_writer.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

namespace subsim {
namespace {

// An output buffer that grows by doubling and copies with memcpy: std::string's append and
// push_back are not inlined in the WebAssembly build, where they dominated the time to print.
class Out {
public:
    explicit Out(std::size_t expected) : buf_(expected < 64 ? 64 : expected, '\0') {}
    Out& operator+=(char c) {
        reserve(1);
        buf_[len_++] = c;
        return *this;
    }
    Out& operator+=(std::string_view s) { return append(s.data(), s.size()); }
    Out& append(std::string_view s) { return append(s.data(), s.size()); }
    Out& append(const char* data, std::size_t n) {
        reserve(n);
        std::memcpy(&buf_[len_], data, n);
        len_ += n;
        return *this;
    }
    std::string take() && {
        buf_.resize(len_);
        return std::move(buf_);
    }

private:
    void reserve(std::size_t n) {
        if (len_ + n > buf_.size()) buf_.resize(std::max(buf_.size() * 2, len_ + n));
    }
    std::string buf_;
    std::size_t len_ = 0;
};

// Works on Out and on std::string (append_json_string below).
template <class Buffer>
void append_string(Buffer& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Runs of characters that need no escaping are appended in one go.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.substr(run, i - run));
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
    }
    out.append(s.substr(run));
    out += '"';
}

void append_integer(Out& out, std::int64_t v) {
    char digits[24];
    int k = 0;
    const bool negative = v < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    do {
        digits[k++] = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (negative) digits[k++] = '-';
    char text[24];
    for (int i = 0; i < k; ++i) text[i] = digits[k - 1 - i];
    out.append(text, static_cast<std::size_t>(k));
}

// A date as "YYYY-MM-DD", written straight into the output (no temporary string).
void append_date(Out& out, Date d) {
    char buf[16];
    int n = 0;
    const auto put = [&](long v, int width) {
        char digits[12];
        int k = 0;
        do {
            digits[k++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (k < width) digits[k++] = '0';
        while (k > 0) buf[n++] = digits[--k];
    };
    put(d.year(), 4);
    buf[n++] = '-';
    put(d.month(), 2);
    buf[n++] = '-';
    put(d.day(), 2);
    out += '"';
    out.append(buf, static_cast<std::size_t>(n));
    out += '"';
}

void append_id(Out& out, const std::vector<std::string>& ids, std::optional<std::size_t> index) {
    if (index) append_string(out, ids[*index]);
    else out += "null";
}

struct Fields {
    Out& out;
    bool first = true;
    Fields& key(std::string_view k) {
        out += first ? "" : ", ";
        first = false;
        append_string(out, k);
        out += ": ";
        return *this;
    }
    Fields& str(std::string_view k, std::string_view v) { key(k); append_string(out, v); return *this; }
    Fields& num(std::string_view k, std::int64_t v) {
        key(k);
        append_integer(out, v);
        return *this;
    }
    Fields& date(std::string_view k, Date d) {
        key(k);
        append_date(out, d);
        return *this;
    }
    Fields& id(std::string_view k, const std::vector<std::string>& ids, std::optional<std::size_t> i) {
        key(k);
        append_id(out, ids, i);
        return *this;
    }
};

void append_detail(Out& out, const DetailValue& v) {
    if (std::holds_alternative<std::nullptr_t>(v)) out += "null";
    else if (auto b = std::get_if<bool>(&v)) out += *b ? "true" : "false";
    else if (auto n = std::get_if<std::int64_t>(&v)) append_integer(out, *n);
    else if (auto d = std::get_if<Date>(&v)) append_date(out, *d);
    else append_string(out, std::get<std::string>(v));
}

template <typename T, typename F>
void append_list(Out& out, std::string_view name, const std::vector<T>& items, F&& write_item, bool last = false) {
    out += "  ";
    append_string(out, name);
    out += ": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i == 0 ? "\n    {" : ",\n    {";
        write_item(items[i]);
        out += '}';
    }
    out += items.empty() ? "]" : "\n  ]";
    out += last ? "\n" : ",\n";
}

}  // namespace

std::string write_result_json(const Result& r) {
    Out out{256 + r.events.size() * 200 + r.invoices.size() * 200 + r.spans.size() * 120};
    const bool v2 = r.version >= 2;  // format 2 adds keys (SPEC-v2 §0.3); format 1 stays byte-identical
    out += v2 ? "{\n  \"subsim\": 2,\n  \"today\": null,\n" : "{\n  \"subsim\": 1,\n";
    append_list(out, "events", r.events, [&](const Event& e) {
        Fields f{out};
        f.date("date", e.date).str("type", to_string(e.type)).id("subscription", r.subscription_ids, e.subscription)
            .id("product", r.product_ids, e.product).key("details");
        out += '{';
        for (std::size_t i = 0; i < e.details.size(); ++i) {
            if (i) out += ", ";
            append_string(out, e.details[i].key);
            out += ": ";
            append_detail(out, e.details[i].value);
        }
        out += '}';
        f.str("rule", to_string(e.rule));
    });
    append_list(out, "spans", r.spans, [&](const Span& s) {
        Fields{out}.id("subscription", r.subscription_ids, s.subscription).id("product", r.product_ids, s.product)
            .str("state", to_string(s.state)).date("from", s.from).date("to", s.to);
    });
    append_list(out, "invoices", r.invoices, [&](const Invoice& inv) {
        Fields f{out};
        f.date("date", inv.date).id("subscription", r.subscription_ids, inv.subscription).num("amount", inv.amount.minor());
        if (v2) f.str("status", to_string(inv.status)).date("paid_on", inv.paid_on.value_or(inv.date));
        f.key("lines");
        out += '[';
        for (std::size_t i = 0; i < inv.lines.size(); ++i) {
            const InvoiceLine& l = inv.lines[i];
            out += i ? ", {" : "{";
            Fields line{out};
            line.id("product", r.product_ids, l.product).id("bundle", r.bundle_ids, l.bundle);
            if (v2) line.id("plan", r.plan_ids, l.plan).str("kind", to_string(l.kind));
            line.date("from", l.from).date("to", l.to).num("amount", l.amount.minor());
            out += '}';
        }
        out += ']';
    });
    out += "  \"summary\": {";
    Fields summary{out};
    summary.str("currency", r.currency).num("total_charged", r.total_charged.minor());
    if (v2) summary.num("total_credited", r.total_credited.minor()).num("total_unpaid", r.total_unpaid.minor());
    summary.key("states");
    out += '{';
    for (std::size_t i = 0; i < r.final_states.size(); ++i) {
        Fields states{out, i == 0};
        states.key(r.subscription_ids[i]);
        if (r.final_states[i]) append_string(out, to_string(*r.final_states[i]));
        else out += "null";
    }
    out += '}';
    summary.str("account", r.account_closed ? "closed" : "open");
    out += "},\n";
    append_list(out, "expectations", r.expectations, [&](const ExpectationOutcome& e) {
        Fields f{out};
        f.num("index", static_cast<std::int64_t>(e.index)).key("passed");
        out += e.passed ? "true" : "false";
        f.str("message", e.message);
    }, true);
    out += "}\n";
    return std::move(out).take();
}

std::string write_errors_json(const Diagnostics& errors, int version) {
    Out out{256 + errors.size() * 160};
    out += version >= 2 ? "{\n  \"subsim\": 2,\n" : "{\n  \"subsim\": 1,\n";
    append_list(out, "errors", errors, [&](const Diagnostic& d) {
        Fields{out}.str("pointer", d.pointer).str("message", d.message).num("line", d.line).num("column", d.column);
    }, true);
    out += "}\n";
    return std::move(out).take();
}

void append_json_string(std::string& out, std::string_view s) { append_string(out, s); }

}  // namespace subsim
