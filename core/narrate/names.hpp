#pragma once
// Every name of the typed enums (event types, states, action names), in declaration order, for
// the catalogue (io/json_api) and docs/rules.md. The counts are declared beside each enum.
#include <cstddef>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {
namespace names_detail {

template <class E>
std::vector<std::string> names_of(std::size_t count) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) out.emplace_back(to_string(static_cast<E>(i)));
    return out;
}

}  // namespace names_detail

inline std::vector<std::string> event_type_names() { return names_detail::names_of<EventType>(event_type_count); }
inline std::vector<std::string> state_names() { return names_detail::names_of<State>(state_count); }
inline std::vector<std::string> action_names() { return names_detail::names_of<ActionKind>(action_kind_count); }

}  // namespace subsim
