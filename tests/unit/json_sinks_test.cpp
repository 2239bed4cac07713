// The writers' sinks (core/io/json_sinks.hpp): Write's chunked appends give the same bytes as a
// plain concatenation whatever the sizes of the pieces, Count counts exactly what Write writes,
// a Write given a limit never holds more, and a Pool's texts stay readable past their end for
// Write::put_padded.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "io/json_sinks.hpp"

using subsim::Count;
using subsim::Pool;
using subsim::Write;

namespace {

// Pieces of every length 0..40 and a few past the chunk, with distinct bytes.
std::vector<std::string> pieces() {
    std::vector<std::string> out;
    for (std::size_t len : {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 2047, 2048, 2049, 5000})
        for (std::size_t k = 0; k < 3; ++k) {
            std::string s;
            for (std::size_t i = 0; i < len; ++i) s += static_cast<char>('a' + (i * 7 + k + len) % 26);
            out.push_back(s);
        }
    return out;
}

// What `put` counts on a Count and what it writes through a Write, for one piece.
struct Counted {
    std::size_t count;
    std::string text;
};
template <class Put>
Counted counted_and_written(Put put) {
    Count c;
    std::string text;
    {
        Write w{text};
        put(w);
    }  // (the last bytes are appended here)
    put(c);
    return {c.n, text};
}

}  // namespace

TEST_CASE("Write appends exactly the pieces put, across chunk boundaries", "[json][writer]") {
    std::string expected, text;
    {
        Write w{text};
        for (int round = 0; round < 40; ++round)
            for (const std::string& p : pieces()) {
                w.put(p.data(), p.size());  // a length known only at run time: the short copy for <= 16
                w.put(',');
                expected += p;
                expected += ',';
            }
    }
    CHECK(text == expected);
}

TEST_CASE("A Write holds at most its limit: a prefix of the text, then nothing more", "[json][writer]") {
    std::string expected;
    for (const std::string& p : pieces()) expected += p;
    for (std::size_t limit : {std::size_t{0}, std::size_t{1}, std::size_t{100}, std::size_t{2048}, std::size_t{3000},
                              expected.size() - 1, expected.size()}) {
        std::string text;
        Write w{text, limit};
        std::size_t most = 0;
        for (const std::string& p : pieces()) {
            w.put(p.data(), p.size());
            most = std::max(most, text.size());
        }
        const bool fits = w.finish();
        INFO("limit " << limit);
        CHECK(fits == (limit >= expected.size()));
        CHECK(fits == !w.over());
        CHECK(std::max(most, text.size()) <= limit);
        CHECK(text == expected.substr(0, text.size()));
        if (fits) CHECK(text == expected);
    }
}

TEST_CASE("put_padded copies only the text's bytes from a sealed Pool", "[json][writer]") {
    Pool pool;
    std::vector<std::size_t> at;
    for (const std::string& p : pieces()) at.push_back(pool.add(p));
    pool.seal();
    std::string expected, text;
    {
        Write w{text};
        for (int round = 0; round < 40; ++round)
            for (std::size_t i = 0; i < at.size(); ++i) {
                w.put_padded(pool[at[i]]);
                expected += pool[at[i]];
            }
    }
    CHECK(text == expected);
    Count c;
    c.put_padded(pool[at.back()]);
    CHECK(c.n == pieces().back().size());
}

TEST_CASE("Count counts what Write writes for integers, strings and dates", "[json][writer]") {
    const std::vector<std::int64_t> numbers{0, 1, -1, 9, 10, -10, 99, 100, 4900, -123456789,
                                            std::numeric_limits<std::int64_t>::max(),
                                            std::numeric_limits<std::int64_t>::min()};
    const std::vector<std::string> strings{"", "plain", "quote \" back\\slash", "tab\tnew\nline", std::string("nul\0x", 5), "é"};
    subsim::DateText dates;
    const std::vector<subsim::Date> days{subsim::Date::parse("2025-01-31").value(), subsim::Date::parse("1900-01-01").value(),
                                         subsim::Date::parse("9999-12-31").value()};
    for (std::int64_t n : numbers) {
        const Counted got = counted_and_written([&](auto& sink) { subsim::put_integer(sink, n); });
        CHECK(got.count == got.text.size());
        CHECK(got.text == std::to_string(n));
    }
    for (const std::string& s : strings) {
        const Counted got = counted_and_written([&](auto& sink) { subsim::put_string(sink, s); });
        CHECK(got.count == got.text.size());
    }
    for (subsim::Date d : days) {
        const Counted got = counted_and_written([&](auto& sink) { subsim::put_date(sink, dates, d); });
        CHECK(got.count == got.text.size());
        CHECK(got.text == "\"" + d.iso() + "\"");
    }
}

namespace {

// RFC 8259 escaping as the result writes it: the two-character escapes, \u00xx (lower case) for
// the other control characters, every other byte as it is.
std::string escaped_by_hand(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else if (c < 0x20) out += std::string("\\u00") + "0123456789abcdef"[c >> 4] + "0123456789abcdef"[c & 15];
        else out += ch;
    }
    return out + "\"";
}

}  // namespace

TEST_CASE("put_string: plain strings up to the slack in one piece, others escaped, same bytes either way",
          "[json][writer]") {
    for (std::size_t len = 0; len <= Write::slack + 3; ++len)
        for (const char odd : {'a', '"', '\\', '\n', '\x01', '\x1f', '\x7f'})
            for (std::size_t at : {std::size_t{0}, len / 2, len ? len - 1 : 0}) {
                std::string s(len, 'x');
                for (std::size_t i = 0; i < len; ++i) s[i] = static_cast<char>('a' + i % 26);
                if (len) s[at] = odd;
                INFO("length " << len << ", byte " << int(odd) << " at " << at);
                const Counted got = counted_and_written([&](auto& sink) { subsim::put_string(sink, s); });
                CHECK(got.text == escaped_by_hand(s));
                CHECK(got.count == got.text.size());
            }
}

TEST_CASE("put_integer writes every length of digits like std::to_string", "[json][writer]") {
    std::int64_t v = 1;
    for (int digits = 1; digits <= 18; ++digits, v *= 10)
        for (const std::int64_t n : {v - 1, v, v + 1, 2 * v - 1, -v, -(v - 1), -(2 * v + 7)}) {
            const Counted got = counted_and_written([&](auto& sink) { subsim::put_integer(sink, n); });
            CHECK(got.text == std::to_string(n));
            CHECK(got.count == got.text.size());
        }
}

TEST_CASE("A Cursor writes what the Write writes, across chunk boundaries and limits", "[json][writer]") {
    // Records written through a Cursor (the position in a local, handed back after the record),
    // between pieces the Write puts itself: the same bytes as the Write alone, and the same
    // limit (a Write given one stops where a piece passes it).
    Pool pool;
    std::vector<std::size_t> at;
    for (const std::string& p : pieces()) at.push_back(pool.add(p));
    pool.seal();
    const std::vector<std::string> strings{"plain", "quote \" back\\slash", std::string(70, 'x'), "tab\tnew\nline", ""};
    subsim::DateText dates;
    const subsim::Date day = subsim::Date::parse("2025-02-15").value();
    const auto record = [&](auto& sink, int round) {
        for (std::size_t i = 0; i < at.size(); ++i) {
            sink.put_padded(pool[at[i]]);
            subsim::put_integer(sink, -static_cast<std::int64_t>(i) * 977 + round);
            subsim::put_date(sink, dates, day);
            sink.put(',');
        }
    };
    for (std::size_t limit : {std::size_t{100}, std::size_t{5000}, std::size_t{40000}, static_cast<std::size_t>(-1)}) {
        std::string expected, text;
        bool expected_fits = false, fits = false;
        {
            Write w{expected, limit};
            for (int round = 0; round < 12 && !w.over(); ++round) {
                subsim::put(w, "\n{");
                record(w, round);
                for (const std::string& s : strings) subsim::put_string(w, s);
            }
            expected_fits = w.finish();
        }
        {
            Write w{text, limit};
            for (int round = 0; round < 12 && !w.over(); ++round) {
                subsim::put(w, "\n{");
                subsim::Cursor c{w};
                record(c, round);
                for (const std::string& s : strings) c.put_string(s);
            }
            fits = w.finish();
        }
        INFO("limit " << limit);
        CHECK(fits == expected_fits);
        CHECK(text == expected);
    }
}
