#!/usr/bin/env bash
# A long fuzzing run of every harness (docs/fuzzing.md), one process each,
# all at once, niced. Each stops after RUNS executions or SECONDS seconds,
# whichever comes first, and leaves its log (with libFuzzer's final stats:
# stat::number_of_executed_units, stat::average_exec_per_sec) in
# build/asan/long/<harness>.log; a crash is saved as build/asan/long/crash-<harness>-*.
#   tests/fuzz/long-run.sh [RUNS] [SECONDS]     (defaults: 10000000, 86400)
# Build first: cmake --preset asan && cmake --build --preset asan
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10000000}
seconds=${2:-86400}
bin=build/asan/tests/fuzz
out=build/asan/long
mkdir -p "$out"
pids=()
for harness in $(cd tests/fuzz/corpus && ls); do
  mkdir -p "$out/$harness"
  nice "$bin/fuzz_$harness" -runs="$runs" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$out/crash-$harness-" "$out/$harness" "tests/fuzz/corpus/$harness" \
      > "$out/$harness.log" 2>&1 &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
printf '%-16s %12s %8s %s\n' harness executions exec/s result
for harness in $(cd tests/fuzz/corpus && ls); do
  log="$out/$harness.log"
  units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  grep -q '^==[0-9]*==ERROR\|^SUMMARY: \|deadly signal\|^artifact_prefix' "$log" && result="FOUND (see $log)"
  printf '%-16s %12s %8s %s\n' "$harness" "${units:-?}" "${speed:-?}" "$result"
done
exit $status
