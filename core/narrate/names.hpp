#pragma once
// Every name of the typed enums (event types, states, action names), in declaration order, for
// the catalogue (io/json_api) and docs/rules.md. The enums have no count enumerator, so the last
// one is found among the known last candidates: `activated`, `pending_activation` and `activate`
// (issue 18) are picked up as soon as they are declared.
#include <algorithm>
#include <string>
#include <vector>

#include "model/result.hpp"
#include "model/scenario.hpp"

namespace subsim {
namespace names_detail {

template <class E>
constexpr int last_event_type() {
    int last = static_cast<int>(E::transfer_completed);
    if constexpr (requires { E::activated; }) last = std::max(last, static_cast<int>(E::activated));
    return last;
}

template <class E>
constexpr int last_state() {
    int last = static_cast<int>(E::expired);
    if constexpr (requires { E::pending_activation; }) last = std::max(last, static_cast<int>(E::pending_activation));
    return last;
}

template <class E>
constexpr int last_action() {
    int last = static_cast<int>(E::transfer);
    if constexpr (requires { E::activate; }) last = std::max(last, static_cast<int>(E::activate));
    return last;
}

template <class E>
std::vector<std::string> names_up_to(int last) {
    std::vector<std::string> out;
    for (int i = 0; i <= last; ++i) out.emplace_back(to_string(static_cast<E>(i)));
    return out;
}

}  // namespace names_detail

inline std::vector<std::string> event_type_names() {
    return names_detail::names_up_to<EventType>(names_detail::last_event_type<EventType>());
}
inline std::vector<std::string> state_names() {
    return names_detail::names_up_to<State>(names_detail::last_state<State>());
}
inline std::vector<std::string> action_names() {
    return names_detail::names_up_to<ActionKind>(names_detail::last_action<ActionKind>());
}

}  // namespace subsim
