#!/usr/bin/env bash
# Builds the wasm engine and DOM layer into www/pkg: release build,
# wasm-bindgen (ES module for the web), then wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p presslens-web --lib --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg --out-name presslens \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/presslens_web.wasm"
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/presslens_bg.wasm -o www/pkg/presslens_bg.wasm
printf 'built www/pkg: wasm %s bytes (%s gzipped)\n' \
  "$(wc -c < www/pkg/presslens_bg.wasm)" "$(gzip -9c www/pkg/presslens_bg.wasm | wc -c)"
