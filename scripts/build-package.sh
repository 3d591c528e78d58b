#!/usr/bin/env bash
# Builds the npm package in pkg/ and packs it into dist/presslens-<version>.tgz.
# Run after build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf pkg
mkdir -p pkg dist
cp www/npm/index.js www/npm/index.d.ts www/npm/package.json www/npm/README.md pkg/
cp www/pkg/presslens.js pkg/presslens_wasm.js
cp www/pkg/presslens_bg.wasm www/presslens.css LICENSE-MIT LICENSE-APACHE pkg/
(cd pkg && npm pack --silent --pack-destination ../dist >/dev/null)
ls dist/presslens-*.tgz
