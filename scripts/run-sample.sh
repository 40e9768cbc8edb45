#!/usr/bin/env bash
# The main job on the bundled sample: builds the native chime (first run
# fetches and compiles ICU, a few minutes), then checks
# samples/healthcare-tweets.csv. Extra arguments go to `chime check`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh native
cmake --preset native >/dev/null
cmake --build --preset native --target chime >/dev/null
exec build/native/native/chime check samples/healthcare-tweets.csv "$@"
