"""``python -m presslens.spark --input 'crawl/*.warc.gz' --output out/``

Runs the job (job.py) on a Spark session: ``local[*]`` by default, or the
master ``spark-submit`` or ``--master`` gives. Prints what was read and
written; the exit status is 0 when the job ran, even if some documents are
error rows (they are in the documents table, with the reason).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import List, Optional

# Absolute, so that this file also runs as a script: spark-submit takes a
# file, not a module (README, "On a cluster").
from presslens.spark.job import FORMATS, run


def parse(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m presslens.spark",
        description="Annotate WARC files (HTML responses: article scope, then quotes, "
        "parties, figures) or JSONL files ({id, text} or {id, html, url}) on Spark; "
        "write the tables documents/ and items/.",
    )
    p.add_argument("--input", action="append", required=True, metavar="PATTERN",
                   help="input files: a glob, a file or a folder (repeatable); "
                   "*.jsonl[.gz] are JSON lines, anything else WARC (.warc.gz or .warc)")
    p.add_argument("--output", required=True, metavar="DIR",
                   help="where documents/ and items/ are written (replaced)")
    p.add_argument("--format", choices=FORMATS, default="parquet")
    p.add_argument("--master", default=None,
                   help="Spark master (default: spark-submit's, else local[*])")
    return p.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse(argv)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("presslens.spark needs pyspark: pip install 'presslens[spark]'", file=sys.stderr)
        return 2
    # Executors run this interpreter (the one with presslens installed),
    # unless the cluster's configuration says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("presslens")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Not launched by spark-submit (which sets the gateway and the
        # master): this machine's cores.
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    try:
        start = time.perf_counter()
        summary = run(spark, args.input, args.output, args.format)
        seconds = time.perf_counter() - start
    except (FileNotFoundError, ValueError) as e:
        print(f"presslens.spark: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    for line in summary.lines():
        print(line)
    print(f"seconds: {seconds:.1f} ({summary.documents / max(seconds, 1e-9):.1f} documents/s)")
    print(f"written: {os.path.join(args.output, 'documents')}, {os.path.join(args.output, 'items')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
