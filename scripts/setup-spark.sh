#!/usr/bin/env bash
# What the Spark job's tests and bench need, installed only when missing: a
# Java runtime (Spark 4 runs on Java 17: Debian's openjdk-17-jre-headless)
# and target/py-spark-venv/, a venv with the versions
# crates/presslens-py/requirements-spark.txt pins (pyspark, warcio,
# pytest), kept between runs and remade when that file changes. Then the
# wheel `make python` built is (re)installed into it. Prints the venv's
# python. `make test-spark` and `make bench` call it.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup-spark: %s\n' "$*" >&2; }
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

if ! command -v java >/dev/null; then
  say "installing openjdk-17-jre-headless from Debian (Spark needs a Java runtime)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

venv=target/py-spark-venv
req=crates/presslens-py/requirements-spark.txt
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  say "creating $venv with $(grep -c '==' "$req") pinned packages (pyspark is ~450 MB)"
  python3 -m venv --clear "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req" >&2
  cp "$req" "$stamp"
fi
wheel=$(ls dist/python/presslens-*.whl)
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel" >&2
echo "$venv/bin/python"
