#!/usr/bin/env bash
# Assembles the browser extension: a loadable unpacked folder and a
# store-ready zip of it.
#   scripts/build-extension.sh WASM_BUILD_DIR [OUT_DIR]
# WASM_BUILD_DIR is the Emscripten build folder (build/wasm); its wasm/
# folder holds chime.js and chime.wasm. OUT_DIR defaults to build/extension
# and receives unpacked/ and chime-extension.zip.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wasm_dir=${1:?usage: scripts/build-extension.sh WASM_BUILD_DIR [OUT_DIR]}
out=${2:-$root/build/extension}

engine_js=$wasm_dir/wasm/chime.js
engine_wasm=$wasm_dir/wasm/chime.wasm
for f in "$engine_js" "$engine_wasm"; do
  if [[ ! -f $f ]]; then
    echo "build-extension: $f is missing; build the engine first:" >&2
    echo "  NODE_PATH=/usr/share/nodejs emcmake cmake --preset wasm && cmake --build --preset wasm" >&2
    exit 1
  fi
done

unpacked=$out/unpacked
rm -rf "$unpacked"
mkdir -p "$unpacked/engine"
cp "$root/manifest.json" "$unpacked/"
# The extension's own files, without the icon generator (a build tool).
(cd "$root/extension" && find . -type f ! -name 'make-icons.mjs' ! -name '*.md' -print0 |
  xargs -0 cp --parents -t "$unpacked")
cp "$engine_js" "$engine_wasm" "$unpacked/engine/"

# The rules' page ("Why?" in a hint card): docs/rules/*.md rendered by
# cmark (Debian package) into one page, each rule's heading given the rule's
# id as its anchor (rules/index.html#promo.superlative). Its title follows
# the browser's language (rules/rules.js); the rules' text is English for now.
command -v cmark >/dev/null || { echo "build-extension: cmark is missing (apt-get install cmark)" >&2; exit 1; }
mkdir -p "$unpacked/rules"
{
  printf '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
  printf '<meta name="viewport" content="width=device-width">\n<title data-i18n="rulesPageTitle">Chime: the rules</title>\n'
  printf '<link rel="stylesheet" href="rules.css">\n<script type="module" src="rules.js"></script>\n</head>\n<body>\n<main>\n'
  for md in "$root"/docs/rules/*.md; do
    printf '<section id="%s">\n' "$(basename "$md" .md)"
    cmark "$md" | sed -E 's|^<h2><code>([a-z]+\.[a-z-]+)</code></h2>|<h2 id="\1"><code>\1</code></h2>|'
    printf '</section>\n'
  done
  printf '</main>\n</body>\n</html>\n'
} > "$unpacked/rules/index.html"

zip_file=$out/chime-extension.zip
rm -f "$zip_file"
# Fixed timestamps and sorted entries: the same sources give the same zip.
find "$unpacked" -exec touch -h -d '2024-01-01T00:00:00Z' {} +
(cd "$unpacked" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | zip -q -X -@ "$zip_file")
echo "build-extension: $unpacked and $zip_file"
