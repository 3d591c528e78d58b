#!/usr/bin/env bash
# pytest over the Python package: a fresh venv (target/py-test-venv), the
# wheel that `make python` built (dist/python/), the pinned test
# requirements, then crates/presslens-py/tests/ from the repository's root
# (the tests read ../shared and compare with target/release/presslens).
# `make test-python`, which builds both first. The Spark job's tests
# (tests/spark/) run in a venv of their own: scripts/test-spark.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(ls dist/python/presslens-*.whl)
venv=target/py-test-venv
python3 -m venv --clear "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check \
  "$wheel" -r crates/presslens-py/requirements-test.txt
PRESSLENS_CLI="${PRESSLENS_CLI:-target/release/presslens}" \
  "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/presslens-py/tests \
  --ignore=crates/presslens-py/tests/spark "$@"
