# PressLens: `make demo` builds and serves the demo; `make test` runs every test.
SHELL := /bin/bash
PORT ?= 8080
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup wasm extension widget package dist demo test test-native test-wasm test-e2e bench eval train clean

setup:
	@bash scripts/setup.sh

wasm: setup
	@bash scripts/build-wasm.sh

# The three ways PressLens ships, each assembled from the same wasm build.
extension: wasm
	@bash scripts/build-extension.sh

widget: wasm
	@bash scripts/build-widget.sh

package: wasm
	@bash scripts/build-package.sh

dist: extension widget package

demo: wasm
	node scripts/serve.mjs --port $(PORT)

test: setup
	$(MAKE) test-native
	$(MAKE) dist
	$(MAKE) test-wasm
	$(MAKE) test-e2e

test-native:
	cargo test --all-targets

# DOM tests in headless Chromium through chromedriver (webdriver.json holds
# the browser flags).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown -p presslens-web --test dom

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

bench: wasm
	cargo run --release -p presslens-cli --example bench -- ../shared/seed/article.txt ../shared/eval/*.jsonl
	node bench/bench.mjs

eval:
	cargo run --release -p presslens-cli -- eval ../shared/eval/*.jsonl

# Rebuilds the learned models from ../shared/train (deterministic; the
# model files under crates/presslens/data/ are committed).
train:
	nice cargo run --release -p presslens-cli -- train all

clean:
	cargo clean
	rm -rf www/pkg pkg dist artifacts
