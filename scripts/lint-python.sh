#!/usr/bin/env bash
# The Python lint of `make lint`: ruff (pinned in scripts/requirements-lint.txt)
# over every Python file the repository tracks, with the rules of ruff.toml.
# The venv (target/lint-venv) is made once and kept while the pin stays.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/lint-venv
pin=scripts/requirements-lint.txt
if ! cmp -s "$pin" "$venv/pin.txt" 2>/dev/null; then
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$pin"
  cp "$pin" "$venv/pin.txt"
fi
"$venv/bin/ruff" check --no-cache .
