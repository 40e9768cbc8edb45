#!/usr/bin/env bash
# Rewrites tests/snapshots/sample.ndjson from the current native build, after
# you have reviewed what changed (git diff shows it; the snapshot_sample test
# prints the diff when it fails). Usage: scripts/update-snapshot.sh [BUILD_DIR]
# (default build/native, as scripts/run-sample.sh builds it).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/native}"
cmake --build "$build" --target chime >/dev/null
"$build/native/chime" check --format ndjson --no-progress samples/healthcare-tweets.csv \
  > tests/snapshots/sample.ndjson
git --no-pager diff --stat -- tests/snapshots/sample.ndjson || true
echo "Updated tests/snapshots/sample.ndjson; review the diff before committing."
