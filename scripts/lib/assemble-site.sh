#!/usr/bin/env bash
# Writes dist/site (the deployable static site: bundled, minified,
# content-addressed, with Subresource Integrity, a service worker and
# _headers) and dist/mcp-builder.html (the single self-contained file) from
# site/ and the npm package (wasm/src/index.js + wasm/dist/). The work is in
# scripts/lib/site-build.mjs; header values in scripts/lib/site-headers.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
# The committed nginx server block is generated from the same header values:
# a stale copy would ship headers that differ from _headers and the meta CSP.
node scripts/lib/site-headers.mjs --check
node scripts/lib/site-build.mjs
