#pragma once
// Internal to io/: the two sinks the JSON writers run on, and the pieces they put.
//
//   Write   appends to a string through a small buffer (one append per 2 KiB instead of one per
//           piece) and holds at most `limit` bytes: once a piece would pass it, nothing more is
//           appended and over() is true, so a text too large costs no more memory than the limit.
//   Count   adds up lengths only: the exact size of a text that passed its limit, for the error.
//
// Every writer is a template over the sink, so the count and the bytes come from the same code.
//   std::string s;  { Write w{s}; put(w, "{\"a\": "); put_integer(w, -12); w.put('}'); }  // s == "{\"a\": -12}"
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "io/date_text.hpp"

namespace subsim {

struct Count {
    std::size_t n = 0;
    static constexpr bool over() { return false; }
    void put(char) { ++n; }
    void put(const char*, std::size_t len) { n += len; }
    void put_padded(std::string_view text) { n += text.size(); }
    void put_quoted(std::string_view text) { n += text.size() + 2; }
};

class Write {
public:
    // `limit`: the most bytes `out` may hold (what it holds already included).
    explicit Write(std::string& out, std::size_t limit = static_cast<std::size_t>(-1)) : out_(out), limit_(limit) {}
    Write(const Write&) = delete;
    Write& operator=(const Write&) = delete;
    ~Write() { flush(); }

    [[gnu::always_inline]] void put(char c) { put_at(p_, c); }
    [[gnu::always_inline]] void put(const char* data, std::size_t len) { put_at(p_, data, len); }
    // Exactly `N` bytes (a date's 12): a copy of known size, inlined.
    template <std::size_t N>
    [[gnu::always_inline]] void put_fixed(const char* data) { put_fixed_at<N>(p_, data); }
    // A short text followed by at least `slack` readable bytes (a Pool's): one copy of fixed
    // size, of which only `text.size()` bytes count.
    static constexpr std::size_t slack = 64;
    [[gnu::always_inline]] void put_padded(std::string_view text) { put_padded_at(p_, text); }
    // `text` (at most `slack` bytes) between quotes, in one piece.
    void put_quoted(std::string_view text) { put_quoted_at(p_, text); }
    // |v| with its sign, written straight into the buffer two digits at a time.
    [[gnu::always_inline]] void put_integer(std::uint64_t magnitude, bool negative) { put_integer_at(p_, magnitude, negative); }

    // The same pieces written at `p`, a copy of the write position that a Cursor (below) keeps
    // while it writes a record; a full buffer is flushed from there.
    [[gnu::always_inline]] void put_at(char*& p, char c) {
        if (p == buf_ + capacity) p = flushed(p);
        *p++ = c;
    }
    [[gnu::always_inline]] void put_at(char*& p, const char* data, std::size_t len) {
        if (len > room(p)) {
            p = flushed(p);
            if (len > capacity) return append(data, len);
        }
        if (__builtin_constant_p(len) || len > 16) std::memcpy(p, data, len);
        else copy_short(p, data, len);
        p += len;
    }
    template <std::size_t N>
    [[gnu::always_inline]] void put_fixed_at(char*& p, const char* data) {
        if (N > room(p)) p = flushed(p);
        std::memcpy(p, data, N);
        p += N;
    }
    [[gnu::always_inline]] void put_padded_at(char*& p, std::string_view text) {
        if (text.size() > slack) return put_at(p, text.data(), text.size());
        if (slack > room(p)) p = flushed(p);
        copy_padded(p, text.data(), text.size());
        p += text.size();
    }
    [[gnu::always_inline]] void put_quoted_at(char*& p, std::string_view text) {
        if (slack + 2 > room(p)) p = flushed(p);
        p[0] = '"';
        if (text.size() > 16) std::memcpy(p + 1, text.data(), text.size());
        else copy_short(p + 1, text.data(), text.size());
        p[text.size() + 1] = '"';
        p += text.size() + 2;
    }
    [[gnu::always_inline]] void put_integer_at(char*& at, std::uint64_t magnitude, bool negative) {
        if (24 > room(at)) at = flushed(at);
        char* p = at;
        *p = '-';
        p += negative;
        if (magnitude < 10) {
            *p = static_cast<char>('0' + magnitude);
            at = p + 1;
            return;
        }
        at = p + digit_count(magnitude);
        write_digits(at, magnitude);
    }
    // At most 16 bytes of a length known only now (an engine's key): two overlapping copies of
    // fixed size instead of a call to memcpy, reading nothing past the text.
    static void copy_short(char* to, const char* data, std::size_t len) {
        if (len >= 8) {
            std::memcpy(to, data, 8);
            std::memcpy(to + len - 8, data + len - 8, 8);
        } else if (len >= 4) {
            std::memcpy(to, data, 4);
            std::memcpy(to + len - 4, data + len - 4, 4);
        } else {
            for (std::size_t i = 0; i < len; ++i) to[i] = data[i];
        }
    }

    char* position() const { return p_; }
    void set_position(char* p) { p_ = p; }

    // True once a piece did not fit the limit; then the text is incomplete and nothing more is kept.
    bool over() const { return over_; }
    // Appends what the buffer holds; true when the whole text fit the limit.
    bool finish() {
        flush();
        return !over_;
    }

private:
    // Below the size where glibc's memcpy switches to `rep movsb`, so each append stays a vector copy.
    static constexpr std::size_t capacity = 2048;
    std::size_t room(const char* p) const { return static_cast<std::size_t>(buf_ + capacity - p); }
    void flush() {
        append(buf_, static_cast<std::size_t>(p_ - buf_));
        p_ = buf_;
    }
    // The buffer, written up to `p`, flushed: where writing goes on.
    [[gnu::noinline]] char* flushed(char* p) {
        p_ = p;
        flush();
        return p_;
    }
    void append(const char* data, std::size_t len) {
        if (over_ || out_.size() > limit_ || len > limit_ - out_.size()) over_ = true;
        else out_.append(data, len);
    }

    static std::size_t digit_count(std::uint64_t m) {
        std::size_t n = 2;
        for (std::uint64_t bound = 100; n < 20 && m >= bound; bound *= 10) ++n;
        return n;
    }
    // The digits of m (at least 10) ending at `end`.
    static void write_digits(char* end, std::uint64_t m) {
        static constexpr char pairs[] =
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
            "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
            "8081828384858687888990919293949596979899";
        while (m >= 100) {
            end -= 2;
            std::memcpy(end, pairs + 2 * (m % 100), 2);
            m /= 100;
        }
        if (m >= 10) std::memcpy(end - 2, pairs + 2 * m, 2);
        else end[-1] = static_cast<char>('0' + m);
    }

    // The `len` (at most `slack`) bytes at `data` as one copy of fixed size, rounded up to 16:
    // WebAssembly copies 8 bytes a move (64 bytes: 8 loads and 8 stores, a piece's 20-40 bytes:
    // 3 to 5 of each), where x86 copies 16 or 32.
    [[gnu::always_inline]] static void copy_padded(char* to, const char* data, std::size_t len) {
        if (len <= 16) std::memcpy(to, data, 16);
        else if (len <= 32) std::memcpy(to, data, 32);
        else if (len <= 48) std::memcpy(to, data, 48);
        else std::memcpy(to, data, slack);
    }

    std::string& out_;
    const std::size_t limit_;
    bool over_ = false;
    char buf_[capacity];
    char* p_ = buf_;
};

// A Write's position held in a local while one record is written, and handed back after it:
// with the position a member of the Write, every piece loaded it and stored it again (a char
// store may change any byte, the position's too), a chain of memory round trips through each
// record, which V8's code for the WebAssembly module pays more for than the native code.
class Cursor {
public:
    explicit Cursor(Write& w) : w_(w), p_(w.position()) {}
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    ~Cursor() { w_.set_position(p_); }
    [[gnu::always_inline]] void put(char c) { w_.put_at(p_, c); }
    [[gnu::always_inline]] void put(const char* data, std::size_t len) { w_.put_at(p_, data, len); }
    template <std::size_t N>
    [[gnu::always_inline]] void put_fixed(const char* data) { w_.put_fixed_at<N>(p_, data); }
    [[gnu::always_inline]] void put_padded(std::string_view text) { w_.put_padded_at(p_, text); }
    [[gnu::always_inline]] void put_quoted(std::string_view text) { w_.put_quoted_at(p_, text); }
    [[gnu::always_inline]] void put_integer(std::uint64_t magnitude, bool negative) { w_.put_integer_at(p_, magnitude, negative); }
    // A string as a JSON literal (put_string below): the usual short plain one here, any other
    // by the Write itself (out of line, so that the position never leaves this record's code).
    void put_string(std::string_view s);

private:
    Write& w_;
    char* p_;
};

// Texts kept one after another in one buffer with Write::slack bytes after the last, so that
// Write::put_padded may copy past the end of any of them. The buffer is the pool's own (not a
// string's): a piece is written in place with copies of fixed size, where a string's append is a
// call, and in WebAssembly its copy another call out of the module (a dozen pieces an answer).
class Pool {
public:
    Pool() = default;
    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;
    // Adds `text` (its length fixed once every text is in); returns its place.
    std::size_t add(std::string_view text) {
        char* p = extend(text.size());
        copy_text(p, text.data(), text.size());
        return place(p, text.size());
    }
    // Adds `"TEXT"` followed by `after`, `text` needing no escape (json_string_bytes(text) ==
    // text.size() + 2); returns its place.
    std::size_t add_quoted(std::string_view text, std::string_view after) {
        const std::size_t n = text.size() + 2 + after.size();
        char* p = extend(n);
        p[0] = '"';
        copy_text(p + 1, text.data(), text.size());
        p[1 + text.size()] = '"';
        copy_text(p + 2 + text.size(), after.data(), after.size());
        return place(p, n);
    }
    // Adds `text` followed by `after`; returns its place.
    std::size_t add(std::string_view text, std::string_view after) {
        char* p = extend(text.size() + after.size());
        copy_text(p, text.data(), text.size());
        copy_text(p + text.size(), after.data(), after.size());
        return place(p, text.size() + after.size());
    }
    std::size_t size() const { return spans_.size(); }
    // Room for `count` texts of `bytes` in all, and the seal: one allocation each.
    void reserve(std::size_t count, std::size_t bytes) {
        spans_.reserve(count);
        if (bytes + Write::slack > capacity_) grow(bytes + Write::slack - size_);
    }
    void seal() {
        std::memset(extend(Write::slack), ' ', Write::slack);
        base_ = bytes_.get();
    }
    // (Once sealed: read from `base_`, not through the owner's pointer every time.)
    std::string_view operator[](std::size_t i) const { return {base_ + spans_[i].first, spans_[i].second}; }

    // `len` bytes; up to 16 as two overlapping copies of fixed size (no call to memcpy).
    static void copy_text(char* to, const char* data, std::size_t len) {
        if (len > 16) std::memcpy(to, data, len);
        else Write::copy_short(to, data, len);
    }

private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_ = 0, capacity_ = 0;
    const char* base_ = nullptr;  // bytes_ once sealed (a Pool is never copied or moved)
    std::vector<std::pair<std::size_t, std::size_t>> spans_;

    // `n` more bytes at the end, to be written.
    char* extend(std::size_t n) {
        if (n > capacity_ - size_) grow(n);
        char* p = bytes_.get() + size_;
        size_ += n;
        return p;
    }
    std::size_t place(const char* p, std::size_t n) {
        spans_.push_back({static_cast<std::size_t>(p - bytes_.get()), n});
        return spans_.size() - 1;
    }
    // Room for `n` more bytes (twice the room at least, as a string grows).
    void grow(std::size_t n) {
        const std::size_t capacity = std::max(size_ + n, 2 * capacity_);
        std::unique_ptr<char[]> bytes(new char[capacity]);
        if (size_) std::memcpy(bytes.get(), bytes_.get(), size_);
        bytes_ = std::move(bytes);
        capacity_ = capacity;
    }
};

template <class Sink>
[[gnu::always_inline]] inline void put(Sink& out, std::string_view s) { out.put(s.data(), s.size()); }

// True when `s` holds no byte a JSON string must escape ('"', '\\', a control character).
inline bool needs_no_escape(std::string_view s) {
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\') return false;
    }
    return true;
}

// A string as a JSON literal; runs of characters that need no escaping are copied in one go.
template <class Sink>
void put_string(Sink& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    if (s.size() <= Write::slack && needs_no_escape(s)) return out.put_quoted(s);  // (most strings)
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

[[gnu::noinline]] inline char* put_string_from(Write& w, char* p, std::string_view s) {
    w.set_position(p);
    put_string(w, s);
    return w.position();
}

[[gnu::always_inline]] inline void Cursor::put_string(std::string_view s) {
    if (s.size() <= Write::slack && needs_no_escape(s)) return put_quoted(s);
    p_ = put_string_from(w_, p_, s);
}

// The digits of |v| and its sign: counted by comparisons, written from the end.
inline std::size_t integer_bytes(std::int64_t v) {
    std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::size_t n = v < 0 ? 2 : 1;
    for (; m >= 10; m /= 10) ++n;
    return n;
}

template <class Sink>
[[gnu::always_inline]] inline void put_integer(Sink& out, std::int64_t v) {
    const bool negative = v < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    if constexpr (std::is_same_v<Sink, Count>) out.n += integer_bytes(v);
    else out.put_integer(magnitude, negative);
}

// What a sink does with a date: Count adds its length, Write copies its text.
template <class Sink>
[[gnu::always_inline]] inline void put_date(Sink& out, DateText& dates, Date d) {
    if constexpr (std::is_same_v<Sink, Count>) {
        out.n += DateText::bytes(d);
    } else {
        const std::string_view text = dates.of(d);
        if (text.size() == 12) out.template put_fixed<12>(text.data());  // the calendar's years
        else put(out, text);
    }
}

}  // namespace subsim
