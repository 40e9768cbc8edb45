#!/usr/bin/env bash
# Every test: the native build (warnings as errors) with its unit,
# conformance, CLI, host and browser tests, then the WebAssembly build with
# its Node and parity tests, then the native suite again under AddressSanitizer
# and UndefinedBehaviorSanitizer, and a short run of each fuzz harness with
# its regression inputs (docs/fuzzing.md). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/setup.sh all
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten tools need it (notes/platform.md)

# The browser tests' npm packages (playwright-core drives Debian's chromium).
if [[ -f tests/browser/package-lock.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

cmake --preset ci -DCHIME_WASM_BUILD_DIR="$root/build/wasm"
cmake --build --preset ci
emcmake cmake --preset wasm -DCHIME_NATIVE_CHIME="$root/build/ci/native/chime"
cmake --build --preset wasm

status=0
ctest --preset ci | tee build/ci/ctest.out || status=1
ctest --preset wasm | tee build/wasm/ctest.out || status=1

# The native suite again with ASan + UBSan (clang; Chime's code instrumented,
# ICU not), and each libFuzzer harness briefly with the inputs that once
# crashed (docs/fuzzing.md).
cmake --preset asan
cmake --build --preset asan
ctest --preset asan | tee build/asan/ctest.out || status=1

# The counts the issues ask to see: twitter-text conformance and wasm parity.
echo
echo "Conformance and parity:"
grep -h -o '[A-Za-z_]*: [0-9]* cases, [0-9]* pass' build/ci/Testing/Temporary/LastTest.log | sed 's/^/  /' || true
grep -h -o 'parity: .*' build/wasm/Testing/Temporary/LastTest.log | sed 's/^/  /' || true

# One closing line over every test project.
totals() { sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\1 \2/p' "$1"; }
failed=0
all=0
for project in ci wasm asan; do
  read -r failed_here total_here < <(totals build/$project/ctest.out) || true
  failed=$(( failed + ${failed_here:-1} ))  # no summary line: count the project as failed
  all=$(( all + ${total_here:-0} ))
  failed_here= total_here=
done
passed=$(( all - failed ))
echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]] || status=1
exit $status
