#!/usr/bin/env bash
# Builds the npm package in pkg/ and packs it into dist/presslens-<version>.tgz.
# Run after build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf pkg
mkdir -p pkg dist
# The package is the page API (www/presslens.js) with the files it imports,
# laid out as in www/, plus index.js (Node.js loading) and the types.
mkdir -p pkg/pkg/js
cp www/npm/index.js www/npm/index.d.ts www/npm/package.json www/npm/README.md pkg/
cp www/presslens.js www/presslens.css LICENSE-MIT LICENSE-APACHE pkg/
cp www/pkg/presslens.js www/pkg/presslens_bg.wasm pkg/pkg/
cp www/pkg/js/presslens.js pkg/pkg/js/
(cd pkg && npm pack --silent --pack-destination ../dist >/dev/null)
ls dist/presslens-*.tgz
