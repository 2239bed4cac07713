#!/usr/bin/env bash
# A long fuzzing campaign: both targets for HOURS hours (fractions allowed: 0.1 = 6 minutes),
# 90 % of the time on the scenario target (parse + validate + simulate + print + narrator), 10 %
# on the share-link decoder. Crashes stop it (input in build/fuzz/artifacts/); new coverage is
# merged into fuzz/corpus/. Its result replaces the "Last campaign" line of docs/limits.md.
#   bash fuzz/campaign.sh HOURS
set -euo pipefail
cd "$(dirname "$0")/.."
hours="${1:?usage: bash fuzz/campaign.sh HOURS}"
total=$(python3 -c "print(max(20, int(float('$hours') * 3600)))")
scenario_seconds=$(( total * 9 / 10 ))
share_seconds=$(( total - scenario_seconds ))
bash fuzz/build.sh >/dev/null
fuzzer=build/fuzz/scenario_fuzzer
mkdir -p build/fuzz/campaign-corpus build/fuzz/artifacts fuzz/corpus
log=build/fuzz/campaign.log
started=$(date -u +%Y-%m-%dT%H:%MZ)
set +e
"$fuzzer" build/fuzz/campaign-corpus fuzz/corpus scenarios tests/regressions -dict=fuzz/scenario.dict \
  -entropic_feature_frequency_threshold=32 \
  -max_total_time="$scenario_seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
"$fuzzer" -merge=1 -timeout=10 fuzz/corpus build/fuzz/campaign-corpus >build/fuzz/campaign-merge.log 2>&1 || true
share="share-link target skipped (web/src/share-link.js missing)"
if [ "$status" -eq 0 ] && [ -f web/src/share-link.js ]; then
  share=$(node fuzz/share_link_fuzz.mjs --seconds "$share_seconds" | tail -n 1) || status=1
fi
verdict=$([ "$status" -eq 0 ] && echo "no failure" || echo "FAILED (see $log, build/fuzz/artifacts/)")
line="Last campaign: \`bash fuzz/campaign.sh $hours\` started $started on $(nproc) CPUs: scenario target $runs executions in ${scenario_seconds} s ($rate/s, peak RSS $rss MB), corpus $(ls fuzz/corpus | wc -l) inputs; $share; $verdict."
echo "$line"
python3 - "$line" <<'PY'
import re, sys
path = "docs/limits.md"
text = open(path, encoding="utf-8").read()
text = re.sub(r"^Last campaign: .*$", sys.argv[1].replace("\\", "\\\\"), text, count=1, flags=re.M)
open(path, "w", encoding="utf-8").write(text)
PY
exit "$status"
