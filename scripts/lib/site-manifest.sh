#!/usr/bin/env bash
# Writes SHA256SUMS into a directory: the SHA-256 of every file in it
# (subdirectories included, paths relative, sorted, in `sha256sum` format),
# so anyone can check a downloaded site with `sha256sum -c SHA256SUMS`.
#   scripts/lib/site-manifest.sh <dir> [manifest-name]
set -euo pipefail

dir="${1:?usage: site-manifest.sh <dir> [manifest-name]}"
name="${2:-SHA256SUMS}"
[[ -d "$dir" ]] || { echo "error: $dir is not a directory" >&2; exit 1; }
[[ "$name" != */* ]] || { echo "error: the manifest name must be a plain file name" >&2; exit 1; }

cd "$dir"
# A file name with a line break could forge a line of the manifest.
if find . -type f -name $'*\n*' | grep -q .; then
  echo "error: a file name in $dir holds a line break" >&2
  exit 1
fi
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
# LC_ALL=C: one byte order on every machine, so the manifest is reproducible.
find . -type f ! -path "./$name" -print0 | LC_ALL=C sort -z |
  xargs -0 -r sha256sum -- | sed 's|  \./|  |' >"$tmp"
[[ -s "$tmp" ]] || { echo "error: $dir holds no files" >&2; exit 1; }
chmod 644 "$tmp"
mv "$tmp" "$name"
trap - EXIT
echo "$dir/$name: $(wc -l <"$name") files" >&2
