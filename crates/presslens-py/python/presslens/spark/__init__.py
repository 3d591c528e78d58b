"""PressLens on Apache Spark: news archives (WARC, JSONL) annotated in
parallel into Parquet tables.

``python -m presslens.spark --input 'crawl/*.warc.gz' --output out/`` (see
``__main__.py``), or from a program with a session of your own::

    from presslens.spark import run
    summary = run(spark, ["crawl/*.warc.gz"], "out/")

writes ``out/documents`` (one row per document: its id, URL, source file and
position, status ``ok``/``skipped``/``error`` with the reason, counts, the
article scope's root and the annotated text) and ``out/items`` (one row per
quote, party and figure: kind, offsets into the document's text, text,
speaker and its kind, party kind, value, unit...). Columns:
:data:`presslens.spark.rows.DOCUMENT_COLUMNS` and ``ITEM_COLUMNS``.

Needs ``pyspark`` and, for WARC input, ``warcio``
(``pip install 'presslens[spark]'``); both are imported when the job runs,
not when ``presslens`` is.
"""

from .job import Summary, input_files, run

__all__ = ["run", "input_files", "Summary"]
