#!/usr/bin/env bash
# Installs what building and testing PressLens needs, and only what is
# missing: the wasm32 target, wasm-bindgen-cli at exactly the Cargo.lock
# version, wasm-opt and wasm2js (binaryen), Debian's chromium,
# chromium-driver and firefox-esr, the npm test dependencies, and maturin
# (the Python wheel's builder) in .venv-py/ at the pinned version. Safe to
# run again; a no-op once everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

# Rust target (rust-toolchain.toml names it too; rustup may add it by itself).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install --locked --force wasm-bindgen-cli --version "$want"
fi

# Debian packages: binaryen (wasm-opt; wasm2js for the JavaScript build),
# chromium and its driver, and Firefox ESR (the extension's Firefox tests,
# driven over WebDriver BiDi: no geckodriver).
missing=()
{ command -v wasm-opt >/dev/null && command -v wasm2js >/dev/null; } || missing+=(binaryen)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm test and bench dependencies (playwright-core drives /usr/bin/chromium,
# puppeteer-core /usr/bin/firefox-esr; nothing downloads a browser).
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/compromise ] || [ ! -d node_modules/esbuild ] \
  || [ package-lock.json -nt node_modules ]; then
  say "installing npm dev dependencies"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
# maturin builds the Python wheel (make python), from PyPI into a venv of
# its own (.venv-py/, git-ignored), at the version
# crates/presslens-py/requirements-build.txt pins.
want=$(sed -n 's/^maturin==//p' crates/presslens-py/requirements-build.txt)
have=$(.venv-py/bin/maturin --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "installing maturin $want into .venv-py (have: ${have:-none})"
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  python3 -m venv .venv-py
  .venv-py/bin/pip install -q --disable-pip-version-check -r crates/presslens-py/requirements-build.txt
fi
say "ready"
