#!/usr/bin/env bash
# Fetches the pinned RE2 source once and checks it before use.
#
# RE2 releases after mid-2023 need Abseil, which no reachable registry ships
# for Emscripten. The npm package re2@1.19.1 (a Node binding) carries a
# complete Abseil-free RE2 tree (vendor/re2, vendor/util) with the generated
# Unicode tables, so native and wasm builds compile the very same source.
# Usage: fetch-re2.sh <dest-dir>   (prints nothing when already in place)
set -euo pipefail

readonly VERSION=1.19.1
# `npm view re2@1.19.1 dist.integrity` and the tarball's sha256, pinned.
readonly INTEGRITY='sha512-pML2LZvGdjESWAsufwlFwF+TBauIx7ItgcPIL0KiiZ9GrJ5OU3aJEc/EZvygB32nhjrRxe6QQFbie79QhT7gVA=='
readonly SHA256='82cd9fc552d006fcf5cabfccfbaba1584c93bb506822c582aa11e199a414e569'

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${1:-$root/.cache/re2-$VERSION}"
tarball="$root/.cache/re2-$VERSION.tgz"

if [[ -f "$dest/.verified-$SHA256" ]]; then exit 0; fi

mkdir -p "$root/.cache"
if [[ ! -f "$tarball" ]]; then
  echo "fetching re2@$VERSION source from the npm registry" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "re2@$VERSION" --silent >/dev/null)
  mv "$tmp/re2-$VERSION.tgz" "$tarball.partial"
  rm -rf "$tmp"
  mv "$tarball.partial" "$tarball"
fi

actual_sha256="$(sha256sum "$tarball" | cut -d' ' -f1)"
actual_integrity="sha512-$(sha512sum "$tarball" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
if [[ "$actual_sha256" != "$SHA256" || "$actual_integrity" != "$INTEGRITY" ]]; then
  echo "error: $tarball does not match the pinned checksums; deleting it" >&2
  echo "  sha256 expected $SHA256, got $actual_sha256" >&2
  rm -f "$tarball"
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" --strip-components=2 \
  package/vendor/re2 package/vendor/util package/vendor/LICENSE 2>/dev/null ||
  tar -xzf "$tarball" -C "$dest" --strip-components=2 package/vendor/re2 package/vendor/util
touch "$dest/.verified-$SHA256"
echo "re2@$VERSION source verified (sha256 $SHA256)" >&2
