#!/usr/bin/env bash
# Installs the Debian 12 packages Chime needs, if they are missing.
#   scripts/setup.sh native   # the C++ build: the chime CLI and its tests
#   scripts/setup.sh all      # plus Emscripten, Chromium and Node for the wasm and browser tests,
#                             # and clang with libFuzzer for the fuzz harnesses
#   scripts/setup.sh fuzz     # native, plus clang and its libFuzzer runtime (docs/fuzzing.md)
# Needs root (or sudo) only when something is missing.
set -euo pipefail

level=${1:-native}
packages=(cmake ninja-build g++ pkg-config ca-certificates patch icu-devtools
          nlohmann-json3-dev libstb-dev doctest-dev libyaml-cpp-dev libzip-dev
          valgrind)  # valgrind: the complexity test counts instructions with callgrind
if [[ $level == all || $level == fuzz ]]; then
  packages+=(clang libclang-rt-14-dev)  # libFuzzer and the sanitizer runtimes for clang 14
fi
if [[ $level == all ]]; then
  packages+=(emscripten chromium openssl zip cmark)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup: these Debian packages are missing: ${missing[*]}" >&2
  echo "setup: install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
