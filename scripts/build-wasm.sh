#!/usr/bin/env bash
# Builds the wasm engine and DOM layer into www/pkg: a build with the
# `wasm` profile (the release profile at opt-level "z", Cargo.toml),
# wasm-bindgen (an ES module; the extension bundles it with the JS core),
# then wasm-opt -Oz. Then the JavaScript build
# of the same crate into www/pkg/js, for pages whose CSP forbids wasm: a
# second release build for the wasm MVP (no reference types or multi-value,
# which binaryen's wasm2js cannot translate), wasm-bindgen for bundlers,
# wasm2js, and scripts/wasm2js-bundle.mjs to join glue and translation.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build -p presslens-web --lib --profile wasm --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg --out-name presslens \
  "$target/wasm32-unknown-unknown/wasm/presslens_web.wasm"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/presslens_bg.wasm -o www/pkg/presslens_bg.wasm
printf 'built www/pkg: wasm %s bytes (%s gzipped)\n' \
  "$(wc -c < www/pkg/presslens_bg.wasm)" "$(gzip -9c www/pkg/presslens_bg.wasm | wc -c)"

# The JavaScript build. `--config` adds to .cargo/config.toml's rustflags; a
# target dir of its own keeps both builds cached.
cargo build -p presslens-web --lib --profile wasm --target wasm32-unknown-unknown \
  --config 'build.rustflags=["-Ctarget-cpu=mvp"]' --target-dir "$target/mvp"
wasm-bindgen --target bundler --no-typescript --out-dir "$tmp/js" --out-name presslens \
  "$target/mvp/wasm32-unknown-unknown/wasm/presslens_web.wasm"
# The standard library is prebuilt with sign-extension and bulk-memory
# instructions; wasm2js lowers both. `-ocimfs 50`: binaryen inlines a function
# called from one place only up to that size. Unlimited (its default), the
# engine's whole annotate became one JavaScript function of 19,000 lines,
# which V8 never compiles to optimized code: an 8 KB chunk took 40-60 ms even
# when warm, against about 20 ms with the limit; the file is 1% smaller.
wasm2js --enable-sign-ext --enable-bulk-memory -Oz -ocimfs 50 "$tmp/js/presslens_bg.wasm" -o "$tmp/js/presslens_bg.wasm.js"
node scripts/wasm2js-bundle.mjs "$tmp/js" www/pkg/js/presslens.js www/pkg/js/presslens.classic.js presslensJs
printf 'built www/pkg/js: %s bytes (%s gzipped)\n' \
  "$(wc -c < www/pkg/js/presslens.js)" "$(gzip -9c www/pkg/js/presslens.js | wc -c)"
