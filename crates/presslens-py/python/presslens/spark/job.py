"""The Spark job: input files in, two tables out (``documents``, ``items``).

One partition per input file (a WARC file is read from its start, so it
is the natural unit of work, as in Common Crawl's own Spark examples); each
executor reads its file's records (records.py), annotates them and makes
the rows (rows.py). There is no shuffle: the rows are written in input
order, file by file (paths sorted), record by record, so a second run over
the same input writes the same rows in the same order.

The annotated rows are kept (memory, then disk) while both tables are
written, so each document is annotated once.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Dict, Iterable, Iterator, List, Sequence, Tuple

from . import records, rows

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import SparkSession

FORMATS = ("parquet", "json")


@dataclass(frozen=True)
class Summary:
    """What a run read and wrote: ``documents`` = ``ok`` + ``skipped`` +
    ``errors`` (nothing dropped); ``items`` per kind."""

    files: int
    documents: int
    ok: int
    skipped: int
    errors: int
    items: Dict[str, int]

    def lines(self) -> List[str]:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.items.items()))
        return [
            f"files: {self.files}",
            f"documents: {self.documents} = ok {self.ok} + skipped {self.skipped}"
            f" + errors {self.errors}",
            f"items: {sum(self.items.values())} ({kinds or 'none'})",
        ]


def input_files(patterns: Iterable[str]) -> List[str]:
    """The files the patterns name (globs, files, or folders: every file
    in them), absolute, sorted, each once. A pattern that names nothing is
    an error: a typo must not give an empty run."""
    found = set()
    for pattern in patterns:
        hits = sorted(glob.glob(pattern, recursive=True))
        if not hits:
            raise FileNotFoundError(f"no input file matches {pattern!r}")
        for hit in hits:
            if os.path.isdir(hit):
                for root, _dirs, files in os.walk(hit):
                    found.update(os.path.join(root, f) for f in files)
            else:
                found.add(hit)
    return sorted(os.path.abspath(p) for p in found)


def _annotate_files(paths: Iterator[str]) -> Iterator[Tuple[str, tuple]]:
    """The tagged rows of each file (the work of one partition)."""
    for path in paths:
        yield from rows.annotate_all(records.read(path))


def _schema(columns: Sequence[Tuple[str, type]]):
    from pyspark.sql.types import BooleanType, DoubleType, LongType, StringType, StructField, StructType

    spark_type = {str: StringType(), int: LongType(), float: DoubleType(), bool: BooleanType()}
    return StructType([StructField(name, spark_type[t], True) for name, t in columns])


def run(spark: "SparkSession", inputs: Iterable[str], output: str,
        fmt: str = "parquet") -> Summary:
    """Annotates every document of ``inputs`` (patterns, as
    :func:`input_files`) and writes ``output/documents`` and
    ``output/items`` in ``fmt`` (``parquet`` or ``json``), replacing what
    was there. Returns the counts, read back from what was written."""
    from pyspark import StorageLevel

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    paths = input_files(inputs)
    sc = spark.sparkContext
    tagged = sc.parallelize(paths, len(paths)).mapPartitions(_annotate_files)
    tagged.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for name, tag, columns in (("documents", "document", rows.DOCUMENT_COLUMNS),
                                   ("items", "item", rows.ITEM_COLUMNS)):
            data = tagged.filter(lambda t, tag=tag: t[0] == tag).map(lambda t: t[1])
            df = spark.createDataFrame(data, _schema(columns))
            getattr(df.write.mode("overwrite"), fmt)(os.path.join(output, name))
        return _summary(spark, output, fmt, len(paths))
    finally:
        tagged.unpersist()


def _summary(spark: "SparkSession", output: str, fmt: str, files: int) -> Summary:
    read = getattr(spark.read, fmt)
    docs = {r["status"]: r["count"] for r in
            read(os.path.join(output, "documents")).groupBy("status").count().collect()}
    kinds = {r["kind"]: r["count"] for r in
             read(os.path.join(output, "items")).groupBy("kind").count().collect()}
    return Summary(
        files=files,
        documents=sum(docs.values()),
        ok=docs.get(records.Status.OK.value, 0),
        skipped=docs.get(records.Status.SKIPPED.value, 0),
        errors=docs.get(records.Status.ERROR.value, 0),
        items=kinds,
    )
