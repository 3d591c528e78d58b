#!/usr/bin/env bash
# Assembles the unpacked extension in dist/extension from www/extension, the
# wasm build (www/pkg) and the highlight styles. Run after build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/extension
rm -rf "$out"
mkdir -p "$out/pkg"
cp www/extension/*.{json,js,html} "$out/"
cp www/pkg/presslens.js www/pkg/presslens_bg.wasm "$out/pkg/"
cp www/presslens.css "$out/presslens.css"
echo "built $out"
