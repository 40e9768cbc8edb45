#!/usr/bin/env bash
# Refits the score's shape after rules change (docs/scores.md, "Refitting
# after the rules change"): builds chime, searches the ten numbers below on
# the fit half (ids not a multiple of 5) of the fourteen tuning sets with
# bench/coach/fit.mjs, writes them into core/data/scores.tsv only if the check
# half (never searched) then agrees with the expert better by at least 0.01
# (Spearman + label agreement: a point of labels, or 0.01 Spearman; less is
# noise for so many numbers), rebuilds, and prints the figures per set. Rule weights and kind points are left as
# written. Usage: scripts/refit-scores.sh [BUILD_DIR] (default build/ci);
# review `git diff core/data/scores.tsv` and the test_scores unit tests after.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
numbers=conversation_weight,value_weight,tone_weight,good_overall,own_post_overall,engaging_conversation,promotional_at,words_even,words_counted,spread_percent
cmake --build "$build" --target chime >/dev/null
node bench/coach/fit.mjs --chime "$build/native/chime" --split fit --numbers "$numbers" --min-gain 0.01 --write |
  grep -E '^(current|found|round|moved|not written|written|  (fit|check|all))'
cmake --build "$build" --target chime >/dev/null
node bench/coach/fit.mjs --chime "$build/native/chime" --rounds 0 | sed -n '1,/^found/p' | grep -v '^found'
