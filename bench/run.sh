#!/usr/bin/env bash
# Builds the benchmarks (Release, build/bench) and prints one table: per generated scenario, the
# events and records (events + invoice lines + spans) it produces, simulate() alone, and the whole text API
# (parse + validate + simulate + print) with the size of the JSON answer.
#   bash bench/run.sh                      # every scenario
#   bash bench/run.sh --benchmark_filter=10y --benchmark_repetitions=5   # extra Google Benchmark flags
#   bash bench/run.sh --dump-scenarios DIR # only write the generated scenarios (e.g. for the wasm run)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libbenchmark-dev >/dev/null
fi
cmake -S bench -B build/bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/bench -j"$(nproc)" >/dev/null
if [ "${1:-}" = "--dump-scenarios" ]; then
  mkdir -p "$2" && exec build/bench/subsim_bench --dump-scenarios "$2"
fi
out=build/bench/results.json
build/bench/subsim_bench --benchmark_format=json --benchmark_out="$out" --benchmark_out_format=json "$@" >/dev/null
python3 - "$out" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
rows, order = {}, []
for b in data["benchmarks"]:
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
        continue
    kind, _, name = b["run_name"].partition("/")
    if name not in rows:
        rows[name] = {}
        order.append(name)
    if "error_message" in b:
        rows[name][kind] = "error: " + b["error_message"][:60]
        continue
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    rows[name][kind] = b["cpu_time"] * scale
    for c in ("events", "records", "output_bytes"):
        if c in b:
            rows[name][c] = b[c]

def t(us):
    if isinstance(us, str): return us
    if us is None: return "-"
    return f"{us:,.1f} us" if us < 1000 else f"{us / 1000:,.2f} ms"

def size(n):
    if n is None: return "-"
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB": return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024

head = ("scenario", "events", "records", "simulate()", "parse+simulate+print", "JSON out", "simulate() per record")
print(f"{head[0]:<28} {head[1]:>9} {head[2]:>9} {head[3]:>12} {head[4]:>21} {head[5]:>10} {head[6]:>22}")
for name in order:
    r = rows[name]
    per = r["simulate"] / r["records"] * 1000 if isinstance(r.get("simulate"), float) and r.get("records") else None
    print(f"{name:<28} {r.get('events', 0):>9,.0f} {r.get('records', 0):>9,.0f} {t(r.get('simulate')):>12} "
          f"{t(r.get('simulate_json')):>21} {size(r.get('output_bytes')):>10} "
          f"{(f'{per:,.0f} ns' if per else '-'):>22}")
ctx = data["context"]
print(f"\n(CPU time; {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz; load average "
      f"{', '.join(f'{x:.2f}' for x in ctx.get('load_avg', []))}; Release build)")
PY

# The same scenarios through the WebAssembly module under Node, in the same run: wasm/native
# ratio of the whole text API (parse + simulate + print). Needs build/wasm (bash .ci/web builds it).
glue=build/wasm/wasm/subsim.js
if [ -f "$glue" ] && command -v node >/dev/null; then
  mkdir -p build/bench/scenarios && build/bench/subsim_bench --dump-scenarios build/bench/scenarios >/dev/null
  node bench/wasm_times.js "$glue" build/bench/scenarios > build/bench/wasm.jsonl
  python3 - "$out" build/bench/wasm.jsonl <<'PY'
import json, sys
native = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    kind, _, name = b["run_name"].partition("/")
    if kind == "simulate_json" and b.get("run_type") != "aggregate":
        native[name.replace("/", "_")] = b["cpu_time"] * {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
print(f"\n{'scenario':<28} {'native text API':>16} {'wasm (Node)':>14} {'wasm/native':>12}")
for line in open(sys.argv[2]):
    w = json.loads(line)
    n = native.get(w["scenario"])
    if n:
        fmt = lambda us: f"{us:,.1f} us" if us < 1000 else f"{us / 1000:,.2f} ms"
        print(f"{w['scenario']:<28} {fmt(n):>16} {fmt(w['wasm_us']):>14} {w['wasm_us'] / n:>11.1f}x")
PY
fi
