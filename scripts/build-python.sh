#!/usr/bin/env bash
# Builds the Python wheel (crates/presslens-py) with maturin into
# dist/python/: one abi3 wheel for CPython 3.9 and later, built in the
# `python` profile (release, panics unwind). `make python`.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/python
mkdir -p dist/python
.venv-py/bin/maturin build --quiet -m crates/presslens-py/Cargo.toml \
  --profile python --out dist/python
ls dist/python/*.whl
