#!/usr/bin/env bash
# The peers' half of the article-scope measurement: trafilatura and
# readability-lxml from PyPI on the human-gold page sets, with the scorer and
# split of tests/e2e/scope-eval.mjs (scripts/eval-scope-peers.py says how).
# The pinned packages go to a venv of their own, .venv-eval/ (gitignored),
# made again whenever scripts/requirements-eval.txt changes; only
# `make eval-scope-peers` runs this, so building and testing never install
# them.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${EVAL_VENV:-.venv-eval}"
py="${PYTHON:-python3}"
pins=scripts/requirements-eval.txt
stamp="$venv/.pins-$(sha256sum "$pins" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$py" -m venv "$venv"
  # The pip that Python 3.11's venv brings (23.2) fails on trafilatura's
  # lxml[html_clean] extra ("Candidate is not for this requirement").
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pip==26.3'
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$pins"
  touch "$stamp"
fi
exec "$venv/bin/python" scripts/eval-scope-peers.py "$@"
