#!/usr/bin/env bash
# Minimizes fuzz/corpus/ against the other seeds of .ci/fuzz: keeps only the inputs that add
# coverage to scenarios/ and tests/regressions/ (cut to 8 KiB, as -max_len=8192 reads them), the
# smallest first (libFuzzer's -merge=1). Every input loaded is run before fuzzing starts, so a
# smaller corpus is a shorter start. Commit the result (git add -A fuzz/corpus).
#   bash fuzz/minimize_corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash fuzz/build.sh >/dev/null
work=build/fuzz/minimize
rm -rf "$work" && mkdir -p "$work/merged"
for f in $(find scenarios tests/regressions -name '*.json'); do head -c 8192 "$f" >"$work/merged/seed-${f//\//-}"; done
ls "$work/merged" >"$work/seeds"
build/fuzz/scenario_fuzzer -merge=1 -timeout=10 -rss_limit_mb=2048 -max_len=8192 "$work/merged" fuzz/corpus >"$work/merge.log" 2>&1 ||
  { tail -n 20 "$work/merge.log" >&2; exit 1; }
before=$(ls fuzz/corpus | wc -l)
rm -f fuzz/corpus/*
ls "$work/merged" | grep -vxF -f "$work/seeds" | sed "s|^|$work/merged/|" | xargs -r cp -t fuzz/corpus/
echo "fuzz/corpus: $before -> $(ls fuzz/corpus | wc -l) inputs, $(du -sh --apparent-size fuzz/corpus | cut -f1)"
