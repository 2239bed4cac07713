#include "io/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "io/json_sinks.hpp"
#include "io/result_texts.hpp"

namespace subsim {
namespace {

// What every record writer needs: the sink, the date texts, the repeated pieces and the keys.
template <class Sink>
struct Out {
    Sink& sink;
    DateText& dates;
    const ResultTexts& texts;
    DetailKeys& keys;

    [[gnu::always_inline]] Out& raw(std::string_view s) { put(sink, s); return *this; }
    [[gnu::always_inline]] Out& text(std::string_view s) { sink.put_padded(s); return *this; }  // one of `texts`
    [[gnu::always_inline]] Out& date(Date d) { put_date(sink, dates, d); return *this; }
    [[gnu::always_inline]] Out& num(std::int64_t v) { put_integer(sink, v); return *this; }
    Out& str(std::string_view s) {
        if constexpr (std::is_same_v<Sink, Cursor>) sink.put_string(s);
        else put_string(sink, s);
        return *this;
    }
};

// write(o) for one record, through a Cursor when writing (the position kept in a local).
template <class Sink, class F>
[[gnu::always_inline]] inline void record(Out<Sink>& o, F&& write) {
    if constexpr (std::is_same_v<Sink, Write>) {
        Cursor c{o.sink};
        Out<Cursor> oc{c, o.dates, o.texts, o.keys};
        write(oc);
    } else {
        write(o);
    }
}

// A list member of the result: `head` ("  \"NAME\": ["), one record a line, each opened by
// `open` (",\n    {" and the record's first key; without its comma for the first), then "]" or
// "\n  ]". Each record writes its own closing brace.
template <class Sink, typename T, typename F>
void put_list(Sink& out, std::string_view head, std::string_view open, const std::vector<T>& items, F&& write_item,
              bool last = false) {
    put(out, head);
    for (std::size_t i = 0; i < items.size() && !out.over(); ++i) {  // (a Write past its limit stops)
        put(out, i == 0 ? open.substr(1) : open);
        write_item(items[i]);
    }
    put(out, items.empty() ? std::string_view("]") : std::string_view("\n  ]"));
    put(out, last ? std::string_view("\n") : std::string_view(",\n"));
}

template <class Sink>
void put_detail(Out<Sink>& o, const DetailValue& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) o.num(*n);
    else if (const auto* d = std::get_if<Date>(&v)) o.date(*d);
    else if (const auto* b = std::get_if<bool>(&v)) o.raw(*b ? std::string_view("true") : std::string_view("false"));
    else if (const auto* l = std::get_if<std::string_view>(&v)) o.str(*l);
    else if (const auto* t = std::get_if<std::string>(&v)) o.str(*t);
    else o.raw("null");
}

// `, "KEY": ` (no comma for the first): one piece from `keys` unless the key is unusually long
// (or the answer has unusually many keys).
template <class Sink>
void put_detail_key(Out<Sink>& o, std::string_view key, bool first) {
    if (key.size() <= DetailKeys::longest) {
        if (const std::string_view piece = o.keys.of(key); !piece.empty()) {
            o.text(piece.substr(first ? 2 : 0));
            return;
        }
    }
    o.raw(first ? "\"" : ", \"").raw(key).raw("\": ");  // the key: a literal of the engine's
}

// `"date": ` comes with the list's opening; each other piece holds the punctuation and the key after it.
template <class Sink>
void put_event(Out<Sink>& o, const Event& e) {
    const ResultTexts& t = o.texts;
    o.date(e.date).text(t.type_then_subscription(e.type)).text(t.subscription_then_product(e.subscription));
    o.text(t.product_then_details(e.product));
    const Detail* first = e.details.begin();
    const Detail* end = e.details.end();
    for (const Detail* d = first; d != end; ++d) {
        put_detail_key(o, d->key, d == first);
        put_detail(o, d->value);
    }
    o.text(t.rule_then_end(e.rule));
}

template <class Sink>
void put_span(Out<Sink>& o, const Span& s) {
    const ResultTexts& t = o.texts;
    o.text(t.subscription_then_product(s.subscription)).text(t.product_then_state(s.product));
    o.text(t.state_then_from(s.state)).date(s.from).raw(", \"to\": ").date(s.to).raw("}");
}

// `v2`: format 2's plan and kind (SPEC-v2 §0.3).
template <class Sink>
void put_line(Out<Sink>& o, const InvoiceLine& l, bool v2) {
    const ResultTexts& t = o.texts;
    o.raw("{\"product\": ").text(t.product_then_bundle(l.product));
    if (v2) o.text(t.bundle_then_plan(l.bundle)).text(t.plan_then_kind(l.plan)).text(t.kind_then_from(l.kind));
    else o.text(t.bundle_then_from(l.bundle));
    o.date(l.from).raw(", \"to\": ").date(l.to).raw(", \"amount\": ").num(l.amount.minor()).raw("}");
}

// `v2`: format 2's invoice status and payment day (SPEC-v2 §0.3).
template <class Sink>
void put_invoice(Out<Sink>& o, const Invoice& inv, bool v2) {
    o.date(inv.date).raw(", \"subscription\": ").text(o.texts.subscription_then_amount(inv.subscription));
    o.num(inv.amount.minor());
    if (v2) o.text(o.texts.status_then_paid_on(inv.status)).date(inv.paid_on.value_or(inv.date));
    o.raw(", \"lines\": [");
    for (std::size_t i = 0; i < inv.lines.size(); ++i) {
        if (i) o.raw(", ");
        put_line(o, inv.lines[i], v2);
    }
    o.raw("]}");
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
        if (r.final_states[i]) o.str(to_string(*r.final_states[i]));
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
    put_list(o.sink, "  \"events\": [", ",\n    {\"date\": ", r.events,
             [&](const Event& e) { record(o, [&](auto& oc) { put_event(oc, e); }); });
    put_list(o.sink, "  \"spans\": [", ",\n    {\"subscription\": ", r.spans,
             [&](const Span& s) { record(o, [&](auto& oc) { put_span(oc, s); }); });
    put_list(o.sink, "  \"invoices\": [", ",\n    {\"date\": ", r.invoices,
             [&](const Invoice& inv) { record(o, [&](auto& oc) { put_invoice(oc, inv, v2); }); });
    put_summary(o, r);
    put_list(o.sink, "  \"expectations\": [", ",\n    {\"index\": ", r.expectations, [&](const ExpectationOutcome& e) {
        o.num(static_cast<std::int64_t>(e.index)).raw(", \"passed\": ").raw(e.passed ? "true" : "false");
        o.raw(", \"message\": ").str(e.message).raw("}");
    }, true);
    o.raw("}\n");
}

template <class Sink>
void put_errors(Sink& out, const Diagnostics& errors, int version) {
    put(out, version >= 2 ? "{\n  \"subsim\": 2,\n" : "{\n  \"subsim\": 1,\n");
    put_list(out, "  \"errors\": [", ",\n    {\"pointer\": ", errors, [&](const Diagnostic& d) {
        put_string(out, d.pointer);
        put(out, ", \"message\": ");
        put_string(out, d.message);
        put(out, ", \"line\": ");
        put_integer(out, d.line);
        put(out, ", \"column\": ");
        put_integer(out, d.column);
        out.put('}');
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

std::size_t counted_bytes(const Result& r, const ResultTexts& texts, DateText& dates, DetailKeys& keys) {
    Count count;
    Out<Count> counting{count, dates, texts, keys};
    put_result(counting, r);
    return count.n;
}

// Writes the result into `text` (empty), reserved at `reserve`; false, and `text` incomplete,
// when it would pass `max_bytes`.
bool written(const Result& r, const ResultTexts& texts, DateText& dates, DetailKeys& keys, std::string& text,
             std::size_t reserve, std::size_t max_bytes) {
    text.reserve(reserve);
    Write write{text, max_bytes};
    Out<Write> writing{write, dates, texts, keys};
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
    const ResultTexts texts{r};
    DateText dates;
    DetailKeys keys;
    BudgetedText out;
    const std::size_t guess = estimated_bytes(r, texts.longest_id());
    std::size_t reserve = guess;
    if (guess > max_bytes) {
        out.bytes = counted_bytes(r, texts, dates, keys);
        if (out.bytes > max_bytes) return out;
        reserve = out.bytes;
    }
    out.text.emplace();
    if (written(r, texts, dates, keys, *out.text, reserve, max_bytes)) {
        out.bytes = out.text->size();
        return out;
    }
    out.text.reset();  // (its memory given back before the count)
    out.bytes = counted_bytes(r, texts, dates, keys);
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
