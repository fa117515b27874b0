#!/usr/bin/env bash
# Writes dist/site: the static front end plus a copy of the npm package's
# public entry and its wasm build under vendor/, which is all the site imports.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
out=dist/site
pkg="$out/vendor/mcp-server-builder"
rm -rf "$out.tmp"
mkdir -p "$out.tmp/vendor/mcp-server-builder/src" "$out.tmp/vendor/mcp-server-builder/dist"
cp -R site/. "$out.tmp/"
cp wasm/src/index.js "$out.tmp/vendor/mcp-server-builder/src/"
cp wasm/dist/mcp-builder.js wasm/dist/mcp-builder.wasm wasm/dist/catalog.json "$out.tmp/vendor/mcp-server-builder/dist/"
rm -rf "$out"
mv "$out.tmp" "$out"
: "$pkg"
