#!/usr/bin/env bash
# Regenerates the golden files: tests/golden/<scenario>.<en|fr>.json is exactly
# `subsim explain scenarios/<scenario>.json --locale <en|fr>`, tests/golden/<scenario>.result.json
# is `subsim run scenarios/<scenario>.json --json`, and docs/rules.md is `subsim rules`.
# Read the diff aloud before committing: these files are what readers see.
#   tests/golden/update.sh [path/to/subsim]   (default build/native/cli/subsim)
set -euo pipefail
cd "$(dirname "$0")/../.."
subsim="${1:-build/native/cli/subsim}"
rm -f tests/golden/*.en.json tests/golden/*.fr.json tests/golden/*.result.json
# Format 2 scenarios (scenarios/v2/) are named v2-<name>.
for scenario in scenarios/*.json scenarios/v2/*.json; do
  name=$(basename "$scenario" .json)
  today=()  # format 2: relative dates resolve against a fixed reference date (SPEC-v2 §8.2)
  case "$scenario" in scenarios/v2/*) name="v2-$name"; today=(--today 2026-03-31) ;; esac
  case "$name" in *.schema) continue ;; esac
  for locale in en fr; do
    "$subsim" explain "$scenario" --locale "$locale" "${today[@]}" > "tests/golden/$name.$locale.json"
  done
  "$subsim" run "$scenario" --json "${today[@]}" > "tests/golden/$name.result.json" || true
done
"$subsim" rules > docs/rules.md
echo "golden: $(ls tests/golden/*.json | wc -l) files; docs/rules.md regenerated"
