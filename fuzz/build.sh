#!/usr/bin/env bash
# Builds the libFuzzer target into build/fuzz/scenario_fuzzer (clang, ASan + UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "clang++ is missing: apt-get install -y clang libclang-rt-14-dev" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S fuzz -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$(nproc)"
