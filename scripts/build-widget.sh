#!/usr/bin/env bash
# Assembles the self-hostable widget in dist/widget: the one-tag loader, the
# page API, the highlight styles, the wasm build and (for host pages whose
# CSP forbids wasm) the JavaScript build of the same crate. Run after
# build-wasm.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist/widget
rm -rf "$out"
mkdir -p "$out/pkg/js"
cp www/widget/presslens-widget.js www/presslens.js www/presslens.css "$out/"
cp www/pkg/presslens.js www/pkg/presslens_bg.wasm "$out/pkg/"
cp www/pkg/js/presslens.js "$out/pkg/js/"
echo "built $out"
