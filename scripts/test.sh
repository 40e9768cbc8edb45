#!/usr/bin/env bash
# Every test: the native build (warnings as errors) with its unit,
# conformance, CLI, host and browser tests, then the WebAssembly build with
# its Node and parity tests. Installs what it needs first.
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
ctest --preset ci || status=1
ctest --preset wasm || status=1
exit $status
