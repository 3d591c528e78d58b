#!/usr/bin/env bash
# The Spark job end to end (crates/presslens-py/tests/spark/): the built
# wheel in target/py-spark-venv/ (scripts/setup-spark.sh), one Spark
# session on local[2] for the job's tests, plus one run through
# `python -m presslens.spark`. About a minute and a half on 2 cores, most of
# it two JVM starts. `make test-spark`, which builds the wheel first.
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(bash scripts/setup-spark.sh)
# Spark binds to the loopback only.
export SPARK_LOCAL_IP=127.0.0.1
"$python" -m pytest -q -p no:cacheprovider --durations=3 crates/presslens-py/tests/spark "$@"
