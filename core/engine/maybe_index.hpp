#pragma once
// An event's subscription or product as a rule names it when it emits (or an invoice line's
// product, bundle and plan as billing names them): an index, or none.
//
//   sim.emit(day, EventType::invoice, run.index, std::nullopt, rule, ...);   // both convert
//
// One word (`none`: the largest index, which no vector reaches) taken by value, so that what a
// rule builds at its call is read back as it was written. A std::optional<Index> built at the
// call is two stores (the index, then the flag), and the WebAssembly build reads it back in one
// wider load, which waits until both stores have retired (no store forwarding): a third of
// new_event's time on the 1-year scenario, in the module only.
#include <cstddef>
#include <optional>

namespace subsim {

class MaybeIndex {
public:
    MaybeIndex(std::size_t index) : value_(index) {}
    MaybeIndex(std::nullopt_t) {}
    MaybeIndex(const std::optional<std::size_t>& index) : value_(index ? *index : none) {}

    explicit operator bool() const { return value_ != none; }
    std::size_t operator*() const { return value_; }
    std::optional<std::size_t> optional() const { return *this ? std::optional<std::size_t>{value_} : std::nullopt; }

private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t value_ = none;
};

}  // namespace subsim
