#include "io/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "io/json_sinks.hpp"

namespace subsim {
namespace {

// Every id of the result escaped and quoted once, and every name of the typed enums (plain ASCII,
// never escaped) measured once, all in one Pool for the records that repeat them.
class Texts {
public:
    explicit Texts(const Result& r)
        : null_(pool_.add("null")), subscriptions_(quoted(r.subscription_ids)), products_(quoted(r.product_ids)),
          bundles_(quoted(r.bundle_ids)), plans_(quoted(r.plan_ids)), events_(names<EventType>(event_type_count)),
          states_(names<State>(state_count)), kinds_(names<LineKind>(line_kind_count)),
          statuses_(names<InvoiceStatus>(invoice_status_count)), rules_(names<Rule>(rule_catalogue().size())) {
        pool_.seal();
    }
    std::string_view subscription(std::optional<std::size_t> i) const { return id(subscriptions_, i); }
    std::string_view product(std::optional<std::size_t> i) const { return id(products_, i); }
    std::string_view bundle(std::optional<std::size_t> i) const { return id(bundles_, i); }
    std::string_view plan(std::optional<std::size_t> i) const { return id(plans_, i); }
    std::string_view name(EventType t) const { return pool_[events_ + static_cast<std::size_t>(t)]; }
    std::string_view name(State s) const { return pool_[states_ + static_cast<std::size_t>(s)]; }
    std::string_view name(LineKind k) const { return pool_[kinds_ + static_cast<std::size_t>(k)]; }
    std::string_view name(InvoiceStatus s) const { return pool_[statuses_ + static_cast<std::size_t>(s)]; }
    std::string_view name(Rule r) const { return pool_[rules_ + static_cast<std::size_t>(r)]; }
    std::size_t longest_id() const { return longest_; }

private:
    Pool pool_;  // (declared first: the members below are its places)
    std::size_t longest_ = 4;  // the longest quoted id, "null" at least
    std::size_t null_, subscriptions_, products_, bundles_, plans_, events_, states_, kinds_, statuses_, rules_;

    std::string_view id(std::size_t first, std::optional<std::size_t> i) const { return pool_[i ? first + *i : null_]; }
    std::size_t quoted(const std::vector<std::string>& ids) {
        const std::size_t first = pool_.size();
        std::string text;
        for (const std::string& id : ids) {
            text.clear();
            append_json_string(text, id);
            pool_.add(text);
            longest_ = std::max(longest_, text.size());
        }
        return first;
    }
    template <typename Enum>
    std::size_t names(std::size_t count) {
        const std::size_t first = pool_.size();
        for (std::size_t i = 0; i < count; ++i) pool_.add(to_string(static_cast<Enum>(i)));
        return first;
    }
};

// What every record writer needs: the sink, the date texts, the quoted ids and the names.
template <class Sink>
struct Out {
    Sink& sink;
    DateText& dates;
    const Texts& texts;

    [[gnu::always_inline]] Out& raw(std::string_view s) { put(sink, s); return *this; }
    [[gnu::always_inline]] Out& text(std::string_view s) { sink.put_padded(s); return *this; }  // one of `texts`
    [[gnu::always_inline]] Out& date(Date d) { put_date(sink, dates, d); return *this; }
    [[gnu::always_inline]] Out& num(std::int64_t v) { put_integer(sink, v); return *this; }
    Out& str(std::string_view s) { put_string(sink, s); return *this; }
};

// A list member of the result: "  \"NAME\": [", one record a line, then "]" or "\n  ]".
template <class Sink, typename T, typename F>
void put_list(Sink& out, std::string_view name, const std::vector<T>& items, F&& write_item, bool last = false) {
    put(out, "  \"");
    put(out, name);
    put(out, "\": [");
    for (std::size_t i = 0; i < items.size() && !out.over(); ++i) {  // (a Write past its limit stops)
        put(out, i == 0 ? std::string_view("\n    {") : std::string_view(",\n    {"));
        write_item(items[i]);
        out.put('}');
    }
    put(out, items.empty() ? std::string_view("]") : std::string_view("\n  ]"));
    put(out, last ? std::string_view("\n") : std::string_view(",\n"));
}

template <class Sink>
void put_detail(Out<Sink>& o, const DetailValue& v) {
    switch (v.index()) {
        case 0: o.raw("null"); break;
        case 1: o.raw(std::get<bool>(v) ? "true" : "false"); break;
        case 2: o.num(std::get<std::int64_t>(v)); break;
        case 3: o.date(std::get<Date>(v)); break;
        default: o.str(*text_of(v));  // an owned string or a literal
    }
}

// Keys are literals of this file, copied with the punctuation around them in one piece.
template <class Sink>
void put_event(Out<Sink>& o, const Event& e) {
    o.raw("\"date\": ").date(e.date).raw(", \"type\": \"").text(o.texts.name(e.type));
    o.raw("\", \"subscription\": ").text(o.texts.subscription(e.subscription));
    o.raw(", \"product\": ").text(o.texts.product(e.product)).raw(", \"details\": {");
    for (std::size_t i = 0; i < e.details.size(); ++i) {
        o.raw(i ? ", \"" : "\"").raw(e.details[i].key).raw("\": ");  // the key: a literal of the engine's
        put_detail(o, e.details[i].value);
    }
    o.raw("}, \"rule\": \"").text(o.texts.name(e.rule)).raw("\"");
}

template <class Sink>
void put_span(Out<Sink>& o, const Span& s) {
    o.raw("\"subscription\": ").text(o.texts.subscription(s.subscription));
    o.raw(", \"product\": ").text(o.texts.product(s.product));
    o.raw(", \"state\": \"").text(o.texts.name(s.state)).raw("\", \"from\": ").date(s.from);
    o.raw(", \"to\": ").date(s.to);
}

// `v2`: format 2's plan and kind (SPEC-v2 §0.3).
template <class Sink>
void put_line(Out<Sink>& o, const InvoiceLine& l, bool v2) {
    o.raw("{\"product\": ").text(o.texts.product(l.product));
    o.raw(", \"bundle\": ").text(o.texts.bundle(l.bundle));
    if (v2) {
        o.raw(", \"plan\": ").text(o.texts.plan(l.plan));
        o.raw(", \"kind\": \"").text(o.texts.name(l.kind)).raw("\"");
    }
    o.raw(", \"from\": ").date(l.from).raw(", \"to\": ").date(l.to).raw(", \"amount\": ").num(l.amount.minor()).raw("}");
}

// `v2`: format 2's invoice status and payment day (SPEC-v2 §0.3).
template <class Sink>
void put_invoice(Out<Sink>& o, const Invoice& inv, bool v2) {
    o.raw("\"date\": ").date(inv.date).raw(", \"subscription\": ").text(o.texts.subscription(inv.subscription));
    o.raw(", \"amount\": ").num(inv.amount.minor());
    if (v2) {
        o.raw(", \"status\": \"").text(o.texts.name(inv.status));
        o.raw("\", \"paid_on\": ").date(inv.paid_on.value_or(inv.date));
    }
    o.raw(", \"lines\": [");
    for (std::size_t i = 0; i < inv.lines.size(); ++i) {
        if (i) o.raw(", ");
        put_line(o, inv.lines[i], v2);
    }
    o.raw("]");
}

template <class Sink>
void put_summary(Out<Sink>& o, const Result& r) {
    o.raw("  \"summary\": {\"currency\": ").str(r.currency).raw(", \"total_charged\": ").num(r.total_charged.minor());
    if (r.version >= 2)
        o.raw(", \"total_credited\": ").num(r.total_credited.minor()).raw(", \"total_unpaid\": ").num(r.total_unpaid.minor());
    o.raw(", \"states\": {");
    for (std::size_t i = 0; i < r.final_states.size(); ++i) {
        if (i) o.raw(", ");
        o.str(r.subscription_ids[i]).raw(": ");  // an id as a key: escaped like any string
        if (r.final_states[i]) o.str(o.texts.name(*r.final_states[i]));
        else o.raw("null");
    }
    o.raw("}, \"account\": ").str(r.account_closed ? "closed" : "open").raw("},\n");
}

template <class Sink>
void put_result(Out<Sink>& o, const Result& r) {
    const bool v2 = r.version >= 2;  // format 2 adds keys (SPEC-v2 §0.3); format 1 stays byte-identical
    o.raw(v2 ? "{\n  \"subsim\": 2,\n  \"today\": " : "{\n  \"subsim\": 1,\n");
    if (v2 && r.today) o.raw("\"").raw(r.today->iso()).raw("\",\n");  // SPEC-v2 §8.2
    else if (v2) o.raw("null,\n");
    put_list(o.sink, "events", r.events, [&](const Event& e) { put_event(o, e); });
    put_list(o.sink, "spans", r.spans, [&](const Span& s) { put_span(o, s); });
    put_list(o.sink, "invoices", r.invoices, [&](const Invoice& inv) { put_invoice(o, inv, v2); });
    put_summary(o, r);
    put_list(o.sink, "expectations", r.expectations, [&](const ExpectationOutcome& e) {
        o.raw("\"index\": ").num(static_cast<std::int64_t>(e.index)).raw(", \"passed\": ").raw(e.passed ? "true" : "false");
        o.raw(", \"message\": ").str(e.message);
    }, true);
    o.raw("}\n");
}

template <class Sink>
void put_errors(Sink& out, const Diagnostics& errors, int version) {
    put(out, version >= 2 ? "{\n  \"subsim\": 2,\n" : "{\n  \"subsim\": 1,\n");
    put_list(out, "errors", errors, [&](const Diagnostic& d) {
        put(out, "\"pointer\": ");
        put_string(out, d.pointer);
        put(out, ", \"message\": ");
        put_string(out, d.message);
        put(out, ", \"line\": ");
        put_integer(out, d.line);
        put(out, ", \"column\": ");
        put_integer(out, d.column);
    }, true);
    put(out, "}\n");
}

// A generous guess at the text's length, from the records' numbers and the longest id: bytes of
// punctuation, keys, dates and names per record (the longest seen in the examples, rounded up),
// plus the ids each record names. Details and messages of unusual length may pass it.
std::size_t estimated_bytes(const Result& r, std::size_t id) {
    std::size_t lines = 0, messages = 0;
    for (const Invoice& inv : r.invoices) lines += inv.lines.size();
    for (const ExpectationOutcome& e : r.expectations) messages += e.message.size();
    return 256 + r.final_states.size() * (40 + id) + r.events.size() * (180 + 2 * id) +
           r.spans.size() * (96 + 2 * id) + r.invoices.size() * (100 + id) + lines * (96 + 3 * id) +
           r.expectations.size() * 64 + messages * 2;
}

std::size_t counted_bytes(const Result& r, const Texts& texts, DateText& dates) {
    Count count;
    Out<Count> counting{count, dates, texts};
    put_result(counting, r);
    return count.n;
}

// Writes the result into `text` (empty), reserved at `reserve`; false, and `text` incomplete,
// when it would pass `max_bytes`.
bool written(const Result& r, const Texts& texts, DateText& dates, std::string& text, std::size_t reserve,
             std::size_t max_bytes) {
    text.reserve(reserve);
    Write write{text, max_bytes};
    Out<Write> writing{write, dates, texts};
    put_result(writing, r);
    return write.finish();
}

}  // namespace

std::string write_result_json(const Result& r) {
    return std::move(*write_result_json(r, static_cast<std::size_t>(-1)).text);
}

// One pass when the guess fits the budget: written into a buffer reserved at the guess, stopped
// where it passes the budget, and only then counted, for the error's exact length. A guess past
// the budget is counted first, so an answer far too large is refused before any of it is held.
BudgetedText write_result_json(const Result& r, std::size_t max_bytes) {
    const Texts texts{r};
    DateText dates;
    BudgetedText out;
    const std::size_t guess = estimated_bytes(r, texts.longest_id());
    std::size_t reserve = guess;
    if (guess > max_bytes) {
        out.bytes = counted_bytes(r, texts, dates);
        if (out.bytes > max_bytes) return out;
        reserve = out.bytes;
    }
    out.text.emplace();
    if (written(r, texts, dates, *out.text, reserve, max_bytes)) {
        out.bytes = out.text->size();
        return out;
    }
    out.text.reset();  // (its memory given back before the count)
    out.bytes = counted_bytes(r, texts, dates);
    return out;
}

std::string write_errors_json(const Diagnostics& errors, int version) {
    std::string text;
    {
        Write write{text};
        put_errors(write, errors, version);
    }  // (the last bytes are appended here)
    return text;
}

void append_json_string(std::string& out, std::string_view s) {
    Write write{out};
    put_string(write, s);
}

std::size_t json_string_bytes(std::string_view s) {
    Count count;
    put_string(count, s);
    return count.n;
}

}  // namespace subsim
