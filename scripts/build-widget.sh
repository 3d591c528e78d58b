#!/usr/bin/env bash
# Assembles the self-hostable widget in dist/widget: the one-tag loader, the
# page API, the highlight styles and the wasm build. Run after build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/widget
rm -rf "$out"
mkdir -p "$out/pkg"
cp www/widget/presslens-widget.js www/presslens.js www/presslens.css "$out/"
cp www/pkg/presslens.js www/pkg/presslens_bg.wasm "$out/pkg/"
echo "built $out"
