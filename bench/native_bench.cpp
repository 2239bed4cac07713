// The native benchmark harness (bench/README.md):
//   subsim_bench                      table + `bench:` lines for every generated scenario
//   subsim_bench --only TAG           one scenario (e.g. 10y20p)
//   subsim_bench --dump-scenarios DIR write the generated scenarios (indented JSON) into DIR
//   subsim_bench --serve              for interleaved.js: reads "FILE CALLS" lines, answers the
//                                     microseconds the text API took for CALLS calls on FILE
#include <malloc.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/simulate.hpp"
#include "floors.hpp"
#include "io/json_api.hpp"
#include "io/json_writer.hpp"
#include "io/scenario_reader.hpp"
#include "scenarios.hpp"
#include "timing.hpp"

namespace {

template <class T>
void keep(T&& value) {
    asm volatile("" : : "r"(&value) : "memory");
}

void line(const std::string& name, double value, const char* unit) {
    std::printf("bench: %s %.6g %s\n", name.c_str(), value, unit);
}

struct Row {
    std::size_t events = 0, records = 0, input_bytes = 0, output_bytes = 0, boundaries = 0;
    bench::Timing read, simulate, write, text_api, floor_copy, floor_boundaries;
};

std::size_t records_of(const subsim::Result& r) {
    std::size_t lines = 0;
    for (const subsim::Invoice& inv : r.invoices) lines += inv.lines.size();
    return r.events.size() + lines + r.spans.size();
}

Row measure_case(const bench::Case& c, int reps) {
    Row row;
    const subsim::ScenarioReading reading = subsim::read_scenario(c.text);
    if (!reading.scenario) throw std::runtime_error(c.name + ": " + reading.errors.front().message);
    const subsim::Scenario& sc = *reading.scenario;
    const subsim::Result result = subsim::simulate(sc);
    const std::string answer = subsim::simulate_json(c.text).json;
    row.events = result.events.size();
    row.records = records_of(result);
    row.input_bytes = c.text.size();
    row.output_bytes = answer.size();
    row.boundaries = bench::count_boundaries(sc);
    std::string copy(answer.size(), '\0');
    row.floor_copy = bench::measure([&] { bench::copy_output(answer, copy); }, reps);
    row.floor_boundaries = bench::measure([&] { keep(bench::walk_boundaries(sc)); }, reps);
    row.read = bench::measure([&] { keep(subsim::read_scenario(c.text)); }, reps);
    row.simulate = bench::measure([&] { keep(subsim::simulate(sc)); }, reps);
    row.write = bench::measure([&] { keep(subsim::write_result_json(result)); }, reps);
    row.text_api = bench::measure([&] { keep(subsim::simulate_json(c.text)); }, reps);
    return row;
}

std::string us(double v) {
    char buf[32];
    if (v < 1000) std::snprintf(buf, sizeof buf, "%.1f us", v);
    else std::snprintf(buf, sizeof buf, "%.2f ms", v / 1000);
    return buf;
}

std::string pair(const bench::Timing& t) { return us(t.min_us) + " / " + us(t.median_us); }

void print_row(const bench::Case& c, const Row& r) {
    std::printf("%-22s %8zu %8zu %9zu %10zu  %21s %21s %21s %21s  %21s %21s\n", c.name.c_str(), r.events, r.records,
                r.input_bytes, r.output_bytes, pair(r.read).c_str(), pair(r.simulate).c_str(), pair(r.write).c_str(),
                pair(r.text_api).c_str(), pair(r.floor_copy).c_str(), pair(r.floor_boundaries).c_str());
}

void print_lines(const bench::Case& c, const Row& r) {
    const std::string& t = c.tag;
    line("read_" + t + "_us", r.read.median_us, "us");
    line("simulate_" + t + "_us", r.simulate.median_us, "us");
    line("simulate_" + t + "_min_us", r.simulate.min_us, "us");
    line("write_" + t + "_us", r.write.median_us, "us");
    line("text_api_" + t + "_us", r.text_api.median_us, "us");
    line("text_api_" + t + "_min_us", r.text_api.min_us, "us");
    line("floor_copy_" + t + "_us", r.floor_copy.median_us, "us");
    line("floor_boundaries_" + t + "_us", r.floor_boundaries.median_us, "us");
    line("simulate_per_record_" + t + "_ns", 1000 * r.simulate.median_us / static_cast<double>(r.records), "ns");
    line("text_api_per_record_" + t + "_ns", 1000 * r.text_api.median_us / static_cast<double>(r.records), "ns");
    line("events_" + t, static_cast<double>(r.events), "events");
    line("output_" + t + "_bytes", static_cast<double>(r.output_bytes), "bytes");
}

int table(const std::string& only) {
    std::printf("%-22s %8s %8s %9s %10s  %21s %21s %21s %21s  %21s %21s\n", "scenario (min / median)", "events",
                "records", "in bytes", "out bytes", "read", "simulate()", "write", "text API", "floor: copy out",
                "floor: boundaries");
    double per_record_min = 1e300, per_record_max = 0;
    for (const bench::Case& c : bench::scenario_set()) {
        if (!only.empty() && c.tag != only) continue;
        const bool huge = c.text.size() > 100000 || c.tag == "100y_daily";
        const Row r = measure_case(c, huge ? 5 : 21);
        print_row(c, r);
        std::fflush(stdout);
        print_lines(c, r);
        if (c.tag == "10y20p")
            line("text_api_floor_ratio", r.text_api.median_us / (r.floor_copy.median_us + r.floor_boundaries.median_us), "x");
        if (c.tag.find("20p") != std::string::npos) {
            const double per = r.simulate.median_us / static_cast<double>(r.records);
            per_record_min = std::min(per_record_min, per);
            per_record_max = std::max(per_record_max, per);
        }
    }
    if (per_record_max > 0) line("simulate_per_record_spread_20p", per_record_max / per_record_min, "x");
    return 0;
}

int dump(const std::string& dir) {
    for (const bench::Case& c : bench::scenario_set()) {
        std::ofstream out(dir + "/" + c.name + ".json", std::ios::binary);
        out << c.text;
        if (!out) return 1;
    }
    return 0;
}

// One request per line: "FILE CALLS" -> the total microseconds of CALLS text-API calls.
int serve() {
    std::string path;
    long calls = 0;
    std::string last_path, text;
    while (std::cin >> path >> calls) {
        if (path != last_path) {
            std::ifstream in(path, std::ios::binary);
            std::stringstream ss;
            ss << in.rdbuf();
            text = ss.str();
            last_path = path;
        }
        const double start = bench::now_us();
        for (long i = 0; i < calls; ++i) keep(subsim::simulate_json(text));
        std::printf("%.3f\n", bench::now_us() - start);
        std::fflush(stdout);
    }
    return 0;
}

// glibc's malloc adapts its thresholds to what was freed before: after the smaller scenarios the
// 10-year text API had its 569 KB answer mapped fresh on every call (14,829 page faults in one
// measurement, none when it ran alone, 1.9 ms instead of 1.2). Fixed settings make a figure
// independent of the order of the run and compare native with wasm, whose memory is also grown
// once and reused: every block from the heap, never handed back while the run lasts.
void steady_heap() {
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // (Not M_TOP_PAD: a 16 MiB pad made the 1-year 20-product simulate() 75 -> 144 us.)
}

}  // namespace

int main(int argc, char** argv) {
    steady_heap();
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 2 && args[0] == "--dump-scenarios") return dump(args[1]);
    if (args.size() == 1 && args[0] == "--serve") return serve();
    if (args.size() == 2 && args[0] == "--only") return table(args[1]);
    if (args.empty()) return table("");
    std::fprintf(stderr, "usage: subsim_bench [--only TAG | --dump-scenarios DIR | --serve]\n");
    return 2;
}
