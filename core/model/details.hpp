#pragma once
// An event's details (SPEC §4.1 `details`): a few key/value pairs in the contract's order.
//
//   Detail       one pair; the key is always a literal of the engine's, the value null, a
//                boolean, an integer, a date or a string: owned (an id of the scenario's, a
//                duration's text) or one of the engine's literals (a reason, a kind), which
//                costs no copy nor allocation.
//   Details      the pairs of one event, held in the event itself up to `inline_capacity` (an
//                invoice has 1, a renewal or a reminder 3), on the heap only beyond that (a
//                cancellation_scheduled has 7). Most events therefore cost no allocation, and
//                moving one moves only the pairs it holds.
//
//   Details d{{"amount", std::int64_t{4900}}};   // d.size() == 1, d[0].key == "amount", inline
//   Pair         one pair given to Details::fill (and Simulation::emit): its value is converted
//                straight into the event's own pair, never into a temporary Detail that is then
//                copied and destroyed (what a braced list costs).
//
//   e.details.fill(Pair{"withdrawn_effective", date}, Pair{"by", std::string("olga")});
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/date.hpp"

namespace subsim {

// One value in an event's details: null, a boolean, an integer, a date, a string, or a string
// with static storage (a literal of the engine's: written and read like any string).
using DetailValue = std::variant<std::nullptr_t, bool, std::int64_t, Date, std::string, std::string_view>;

// The text of a string value (owned or literal); none for the other kinds.
//   text_of(DetailValue{std::string_view("retry")}) == "retry"; text_of(DetailValue{true}) == nullopt
inline std::optional<std::string_view> text_of(const DetailValue& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return std::string_view(*s);
    if (const auto* s = std::get_if<std::string_view>(&v)) return *s;
    return std::nullopt;
}

struct Detail {
    std::string_view key;  // always a literal
    DetailValue value;
};

// A pair for Details::fill; the value is held as given (moved once, into the event).
//   Pair{"effective", date}  is a Pair<Date>.
template <class V>
struct Pair {
    std::string_view key;  // always a literal
    V value;
};
template <class V>
Pair(const char*, V) -> Pair<V>;

class Details {
public:
    static constexpr std::size_t inline_capacity = 3;

    Details() = default;
    Details(std::initializer_list<Detail> items) { take_copy(items.begin(), items.size()); }
    Details(const Details& other) { take_copy(other.begin(), other.size()); }
    Details(Details&& other) noexcept { take(std::move(other)); }
    Details& operator=(const Details& other) {
        if (this != &other) {
            clear();
            take_copy(other.begin(), other.size());
        }
        return *this;
    }
    Details& operator=(Details&& other) noexcept {
        if (this != &other) {
            clear();
            take(std::move(other));
        }
        return *this;
    }
    // Copies the pairs straight into this one (an event's own details: no intermediate Details).
    Details& operator=(std::initializer_list<Detail> items) {
        clear();
        take_copy(items.begin(), items.size());
        return *this;
    }
    ~Details() { clear(); }

    // Replaces the pairs with these, each value constructed in its place (no temporary pairs).
    template <class... V>
    void fill(Pair<V>&&... pairs) {
        clear();
        fill_new(std::move(pairs)...);
    }
    // The same on details that hold no pair yet (a new event's, Simulation::emit): nothing of them
    // is read first. The event was just made, and reading its size back waits for the store that
    // zeroed it, which the WebAssembly build cannot forward to the load (most of emit's time there).
    template <class... V>
    void fill_new(Pair<V>&&... pairs) {
        constexpr std::size_t n = sizeof...(V);
        if constexpr (n > inline_capacity) {
            spilled_.reserve(n);
#if defined(__cpp_aggregate_paren_init)
            // Each pair constructed in the vector's own storage (no temporary Detail moved in).
            (spilled_.emplace_back(pairs.key, std::move(pairs.value)), ...);
#else
            // Without C++20's parenthesized aggregate initialisation (clang 14, the wasm build):
            // a temporary Detail each, moved in.
            (spilled_.push_back(Detail{pairs.key, DetailValue(std::move(pairs.value))}), ...);
#endif
        } else {
            Detail* at = reinterpret_cast<Detail*>(storage_);
            ((::new (static_cast<void*>(at++)) Detail{pairs.key, DetailValue(std::move(pairs.value))}), ...);
        }
        size_ = n;
    }
    // Copies these pairs into details that hold none yet (as fill_new).
    void copy_new(std::initializer_list<Detail> items) { take_copy(items.begin(), items.size()); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Detail* begin() const { return spilled() ? spilled_.data() : held(); }
    const Detail* end() const { return begin() + size_; }
    const Detail& operator[](std::size_t i) const { return begin()[i]; }

private:
    bool spilled() const { return size_ > inline_capacity; }
    Detail* held() { return std::launder(reinterpret_cast<Detail*>(storage_)); }
    const Detail* held() const { return std::launder(reinterpret_cast<const Detail*>(storage_)); }

    void take_copy(const Detail* from, std::size_t n) {
        if (n > inline_capacity) spilled_.assign(from, from + n);
        else std::uninitialized_copy_n(from, n, reinterpret_cast<Detail*>(storage_));
        size_ = n;
    }
    void take(Details&& other) noexcept {
        if (other.spilled()) spilled_ = std::move(other.spilled_);
        else std::uninitialized_move_n(other.held(), other.size_, reinterpret_cast<Detail*>(storage_));
        size_ = other.size_;
        other.clear();
    }
    void clear() {
        if (size_ == 0) return;  // a new event's details (fill): nothing to destroy
        if (spilled()) spilled_.clear();
        else std::destroy_n(held(), size_);
        size_ = 0;
    }

    alignas(Detail) unsigned char storage_[inline_capacity * sizeof(Detail)];  // the first size_ are pairs
    std::vector<Detail> spilled_;  // all the pairs, when there are more than inline_capacity
    std::size_t size_ = 0;
};

}  // namespace subsim
