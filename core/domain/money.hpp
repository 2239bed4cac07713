#pragma once
// An amount in minor units of the scenario's currency (cents for EUR). Prices are bounded at
// parse time (see docs/limits.md) so that no sum over a 100-year horizon can overflow.
#include <compare>
#include <cstdint>

namespace subsim {

class Money {
public:
    static constexpr std::int64_t max_price = 1'000'000'000'000;  // 10^12 minor units

    constexpr Money() = default;
    constexpr explicit Money(std::int64_t minor) : minor_(minor) {}

    constexpr std::int64_t minor() const { return minor_; }

    constexpr Money operator+(Money o) const { return Money{minor_ + o.minor_}; }
    constexpr Money operator*(std::int64_t times) const { return Money{minor_ * times}; }
    constexpr Money& operator+=(Money o) { minor_ += o.minor_; return *this; }

    friend constexpr auto operator<=>(Money, Money) = default;

private:
    std::int64_t minor_ = 0;
};

}  // namespace subsim
