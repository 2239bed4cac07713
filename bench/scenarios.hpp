#pragma once
// The generated scenario set shared by every benchmark: the native harness (native_bench.cpp),
// the wasm/native interleaved run (interleaved.js, through --dump-scenarios) and the page's
// benchmark (bench/web reads 20_products_10y.json from the same dump). Indented as authors write
// them (two spaces), since that is what a parser reads in practice.
#include <string>
#include <vector>

namespace bench {

struct Case {
    std::string name;  // also the dump's file name (with .json)
    std::string tag;   // short name in the `bench:` lines, e.g. 10y20p
    std::string text;
};

// 1y_single_plan, 20_products_1y, 20_products_10y (1,827 events), 20_products_100y,
// 100y_daily_worst_case (SUBSIM_BENCH_DAILY_SUBS subscriptions, default 6).
std::vector<Case> scenario_set();

}  // namespace bench
