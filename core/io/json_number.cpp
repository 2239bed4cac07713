#include "io/json_number.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>
#include <string>

#include <nlohmann/detail/conversions/to_chars.hpp>

namespace subsim {
namespace {

// The smallest value that rounds to infinity, 2^1024 - 2^970, written 0.DIGITS x 10^309.
constexpr std::string_view overflow_digits =
    "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692"
    "887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842"
    "914819860834936475292719074168444365510704342711559699508093042880177904174497792";
constexpr long overflow_exponent = 309;

// A number as 0.DIGITS x 10^exponent, DIGITS without leading zeros (empty for zero).
struct Decimal {
    std::string digits;
    long exponent = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The text of a number token; any other byte ends it (a lexer may hand over a token cut short by
// a byte that is not part of a number: "1e" then ill-formed UTF-8).
Decimal decimal_of(std::string_view text) {
    Decimal d;
    std::size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    long point = 0;  // digits before the decimal point, counted from the first significant one
    bool before_point = true;
    for (; i < text.size() && (is_digit(text[i]) || text[i] == '.'); ++i) {
        if (text[i] == '.') {
            before_point = false;
            continue;
        }
        if (d.digits.empty() && text[i] == '0') {
            if (!before_point) --point;
            continue;
        }
        d.digits += text[i];
        if (before_point) ++point;
    }
    long exponent = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
        for (; i < text.size() && is_digit(text[i]); ++i) exponent = std::min(exponent * 10 + (text[i] - '0'), 100000000L);
    }
    d.exponent = point + (negative ? -exponent : exponent);
    return d;
}

// Unsigned integers of any size, little-endian base 2^32: only what rounding a decimal needs.
class Big {
public:
    explicit Big(std::uint32_t v = 0) : w_{v} {}
    void mul_add(std::uint32_t m, std::uint32_t add) {
        std::uint64_t carry = add;
        for (std::uint32_t& w : w_) {
            const std::uint64_t t = std::uint64_t{w} * m + carry;
            w = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        if (carry) w_.push_back(static_cast<std::uint32_t>(carry));
    }
    void shift_left(std::size_t bits) {
        w_.insert(w_.begin(), bits / 32, 0);
        if (bits % 32 == 0) return;
        std::uint32_t carry = 0;
        for (std::uint32_t& w : w_) {
            const std::uint32_t next = w >> (32 - bits % 32);
            w = (w << (bits % 32)) | carry;
            carry = next;
        }
        if (carry) w_.push_back(carry);
    }
    std::size_t bits() const {
        for (std::size_t i = w_.size(); i-- > 0;)
            if (w_[i]) return i * 32 + 32 - static_cast<std::size_t>(__builtin_clz(w_[i]));
        return 0;
    }
    bool zero() const { return bits() == 0; }
    friend bool operator<(const Big& a, const Big& b) {
        const std::size_t n = std::max(a.w_.size(), b.w_.size());
        for (std::size_t i = n; i-- > 0;) {
            const std::uint32_t x = i < a.w_.size() ? a.w_[i] : 0, y = i < b.w_.size() ? b.w_[i] : 0;
            if (x != y) return x < y;
        }
        return false;
    }
    void subtract(const Big& b) {  // b <= *this
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            std::int64_t t = std::int64_t{w_[i]} - (i < b.w_.size() ? b.w_[i] : 0) - borrow;
            borrow = t < 0;
            w_[i] = static_cast<std::uint32_t>(t + (borrow << 32));
        }
    }

private:
    std::vector<std::uint32_t> w_;
};

// floor(num / den) for a quotient below 2^64; num becomes the remainder.
std::uint64_t divide(Big& num, const Big& den) {
    std::uint64_t q = 0;
    for (int bit = 63; bit >= 0; --bit) {
        Big shifted = den;
        shifted.shift_left(static_cast<std::size_t>(bit));
        if (num < shifted) continue;
        num.subtract(shifted);
        q |= std::uint64_t{1} << bit;
    }
    return q;
}

// The double nearest to 0.DIGITS x 10^exponent (ties to even), exactly, by integer arithmetic.
double nearest_double(Decimal d) {
    if (d.digits.empty() || d.exponent < -330) return 0.0;
    if (d.digits.size() > 800) {  // later digits only decide a tie: one sticky digit stands for them
        const bool rest = d.digits.find_first_not_of('0', 800) != std::string::npos;
        d.digits.resize(800);
        if (rest) d.digits += '1';
    }
    Big num, den(1);
    for (char c : d.digits) num.mul_add(10, static_cast<std::uint32_t>(c - '0'));
    const long k = d.exponent - static_cast<long>(d.digits.size());
    for (long i = 0; i < (k < 0 ? -k : k); ++i) (k < 0 ? den : num).mul_add(10, 0);
    // Scale so that the quotient has 55 or 56 bits: value = q x 2^-scale.
    const long scale = 55 - (static_cast<long>(num.bits()) - static_cast<long>(den.bits()));
    if (scale > 0) num.shift_left(static_cast<std::size_t>(scale));
    else den.shift_left(static_cast<std::size_t>(-scale));
    std::uint64_t q = divide(num, den);
    bool sticky = !num.zero();
    long e2 = -scale;
    // Keep 54 bits (53 and a round bit), fewer for a subnormal (exponent of the last bit -1074).
    long excess = static_cast<long>(64 - __builtin_clzll(q)) - 54;
    if (e2 + excess + 1 < -1074) excess = -1074 - 1 - e2;
    for (; excess > 0; --excess, ++e2) {
        sticky = sticky || (q & 1);
        q >>= 1;
        if (q == 0) break;
    }
    const bool round = q & 1;
    std::uint64_t m = q >> 1;
    ++e2;
    if (round && (sticky || (m & 1))) ++m;
    return std::ldexp(static_cast<double>(m), static_cast<int>(e2));
}

}  // namespace

std::optional<WholeNumber> whole_number(std::string_view text) {
    WholeNumber n{!text.empty() && text[0] == '-', 0};
    for (std::size_t i = n.negative ? 1 : 0; i < text.size(); ++i) {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (n.magnitude > (UINT64_MAX - digit) / 10) return std::nullopt;
        n.magnitude = n.magnitude * 10 + digit;
    }
    if (n.negative && n.magnitude > (std::uint64_t{1} << 63)) return std::nullopt;
    return n;
}

bool number_overflows(std::string_view text) {
    const Decimal d = decimal_of(text);
    if (d.digits.empty() || d.exponent < overflow_exponent) return false;
    if (d.exponent > overflow_exponent) return true;
    for (std::size_t i = 0; i < std::max(d.digits.size(), overflow_digits.size()); ++i) {
        const char a = i < d.digits.size() ? d.digits[i] : '0';
        const char b = i < overflow_digits.size() ? overflow_digits[i] : '0';
        if (a != b) return a > b;
    }
    return true;  // exactly the halfway point: rounds to even, which is infinity
}

std::string shortest_double_text(std::string_view text) {
    double value = nearest_double(decimal_of(text));
    if (text[0] == '-') value = -value;
    std::array<char, 64> buffer{};
    const char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

}  // namespace subsim
