// Force-included into every translation unit of the WebAssembly build (see wasm/CMakeLists.txt).
// Debian's Emscripten 3.1.6 ships libc++ 14, which lacks C++20's operator<=> for
// std::chrono::duration and time_point; a class holding a sys_days with a defaulted <=> (such as
// subsim::Date) then has a deleted <=> and every `a < b` fails to compile. GCC's libstdc++, used
// for the native build, has them; this adds the same two operators for the old libc++ only.
#pragma once
#include <chrono>
#include <compare>
#include <type_traits>

#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 160000
namespace std::chrono {

template <class Rep1, class Period1, class Rep2, class Period2>
constexpr auto operator<=>(const duration<Rep1, Period1>& a, const duration<Rep2, Period2>& b) {
    using CT = common_type_t<duration<Rep1, Period1>, duration<Rep2, Period2>>;
    return CT(a).count() <=> CT(b).count();
}

template <class Clock, class Dur1, class Dur2>
constexpr auto operator<=>(const time_point<Clock, Dur1>& a, const time_point<Clock, Dur2>& b) {
    return a.time_since_epoch() <=> b.time_since_epoch();
}

}  // namespace std::chrono
#endif
