#pragma once
// Repetitions of a call timed with the monotonic clock (the clock Node's performance.now reads
// too): min and median of the per-call time over the repetitions.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace bench {

struct Timing {
    double min_us = 0;
    double median_us = 0;
};

inline double now_us() {
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

inline Timing summarize(std::vector<double> per_call_us) {
    std::sort(per_call_us.begin(), per_call_us.end());
    const std::size_t n = per_call_us.size();
    const double median = n % 2 ? per_call_us[n / 2] : (per_call_us[n / 2 - 1] + per_call_us[n / 2]) / 2;
    return {per_call_us.front(), median};
}

// How many calls one repetition makes so that it lasts at least `rep_us` (clock resolution and
// timer overhead then vanish), from one timed call after a warm-up call.
template <class F>
long calls_per_repetition(F&& f, double rep_us) {
    f();
    const double start = now_us();
    f();
    const double one = std::max(now_us() - start, 0.01);
    return std::max(1L, static_cast<long>(std::ceil(rep_us / one)));
}

// `repetitions` repetitions of `calls` calls each: per-call min and median.
template <class F>
Timing measure(F&& f, int repetitions, long calls) {
    std::vector<double> per_call;
    for (int r = 0; r < repetitions; ++r) {
        const double start = now_us();
        for (long i = 0; i < calls; ++i) f();
        per_call.push_back((now_us() - start) / static_cast<double>(calls));
    }
    return summarize(per_call);
}

template <class F>
Timing measure(F&& f, int repetitions, double rep_us = 5000) {
    const long calls = calls_per_repetition(f, rep_us);
    return measure(f, repetitions, calls);
}

}  // namespace bench
