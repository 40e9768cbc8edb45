#!/bin/sh
# fetch-icu.sh CACHE_DIR
#
# Fetches Debian's `icu` source package (ICU 72.1, the version Debian 12
# ships), applies Debian's patches and unpacks it under CACHE_DIR. Prints the
# path of its `icu/source` folder on stdout. Idempotent: a second run prints
# the path without touching the network.
#
# The system's apt configuration is left alone: deb-src entries are written
# to a private .sources file (same URIs and suites as
# /etc/apt/sources.list.d/debian.sources) and apt keeps its lists and cache in
# CACHE_DIR. Needs: apt-get, tar, patch.
set -eu

want_upstream=72.1
main_sources=/etc/apt/sources.list.d/debian.sources

die() { echo "fetch-icu.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: fetch-icu.sh CACHE_DIR"
mkdir -p "$1" || die "cannot create cache dir $1"
cache=$(cd "$1" && pwd)
root="$cache/icu-$want_upstream"
stamp="$root/.complete"

# Several build dirs may configure at once: one fetch at a time.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$cache/icu-fetch.lock"
  flock 9
fi

if [ -f "$stamp" ]; then
  echo "$root/icu/source"
  exit 0
fi

for tool in apt-get tar patch; do
  command -v "$tool" >/dev/null 2>&1 || die "needs '$tool' (apt-get install $tool)"
done
[ -r "$main_sources" ] || die "no $main_sources to take the Debian mirror from"

work="$cache/icu-fetch.$$"
trap 'rm -rf "$work"' EXIT
rm -rf "$work"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/download"

# The same stanzas as the system's debian.sources, as source entries.
awk 'BEGIN { RS = ""; ORS = "\n\n" } { sub(/Types:[^\n]*/, "Types: deb-src"); print }' \
  "$main_sources" > "$work/deb-src.sources"

apt_private() {
  apt-get -q \
    -o Dir::Etc::SourceList="$work/deb-src.sources" \
    -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$work/lists" \
    -o Dir::Cache="$work/cache" \
    -o APT::Sandbox::User=root \
    "$@"
}

echo "fetch-icu.sh: downloading Debian's icu source package into $cache" >&2
apt_private update >"$work/apt-update.log" 2>&1 ||
  { cat "$work/apt-update.log" >&2; die "apt-get update of the deb-src lists failed"; }
(cd "$work/download" && apt_private source --download-only icu) >"$work/apt-source.log" 2>&1 ||
  { cat "$work/apt-source.log" >&2; die "apt-get source --download-only icu failed"; }

set -- "$work"/download/icu_"$want_upstream".orig.tar.*
[ -f "$1" ] || die "Debian's icu source is not $want_upstream (got: $(ls "$work/download"))"
orig=$1
set -- "$work"/download/icu_"$want_upstream"-*.debian.tar.*
[ -f "$1" ] || die "no Debian patches tarball in the download"
debian=$1

mkdir -p "$work/unpack"
tar -xf "$orig" -C "$work/unpack" || die "cannot unpack $orig"
tar -xf "$debian" -C "$work/unpack/icu" || die "cannot unpack $debian"
[ -d "$work/unpack/icu/source/common" ] || die "unexpected tarball layout: no icu/source/common"

# Debian's patches, in Debian's order (one fixes common/uresbund.cpp).
series="$work/unpack/icu/debian/patches/series"
if [ -f "$series" ]; then
  grep -v '^[[:space:]]*\(#\|$\)' "$series" | while read -r name _; do
    patch -s -p1 -d "$work/unpack/icu" <"$work/unpack/icu/debian/patches/$name" ||
      die "Debian patch $name does not apply"
  done
fi
basename "$orig" >"$work/unpack/icu/.chime-orig"
basename "$debian" >"$work/unpack/icu/.chime-debian"

rm -rf "$root"
mkdir -p "$root"
mv "$work/unpack/icu" "$root/icu"
touch "$stamp"
echo "$root/icu/source"
