"""The Spark job end to end on local[2], over a WARC and a JSONL file the
tests write (archive.py): row counts, the seed's speakers, error rows for
broken input, and the same rows from a second run through
``python -m presslens.spark``. One Spark session for the module: its start
is most of the time."""

import os
import subprocess
import sys

import presslens
import pytest
from archive import write_jsonl, write_warc
from conftest import SEED
from presslens.spark import run
from presslens.spark.rows import DOCUMENT_COLUMNS, ITEM_COLUMNS
from pyspark.sql import SparkSession


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # On the loopback only (also for the job run as a command below).
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("presslens-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("in")
    warc, jsonl = d / "news.warc.gz", d / "docs.jsonl"
    return {"warc": (warc, write_warc(warc)), "jsonl": (jsonl, write_jsonl(jsonl))}


@pytest.fixture(scope="module")
def warc_out(spark, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary = run(spark, [str(inputs["warc"][0])], str(out))
    return out, summary


def table(spark, out, name, fmt="parquet"):
    return [r.asDict() for r in getattr(spark.read, fmt)(str(out / name)).collect()]


def test_counts_in_are_counts_out_plus_errors(spark, inputs, warc_out):
    out, summary = warc_out
    want = inputs["warc"][1]
    assert (summary.files, summary.documents, summary.ok, summary.skipped, summary.errors) == (
        1, want["documents"], want["ok"], want["skipped"], want["errors"])
    docs = table(spark, out, "documents")
    assert len(docs) == want["documents"]
    assert [c for c, _ in DOCUMENT_COLUMNS] == list(docs[0])
    items = table(spark, out, "items")
    assert [c for c, _ in ITEM_COLUMNS] == list(items[0])
    # Every item of every annotated document, and no other.
    for kind, count in (("quote", "quotes"), ("party", "parties"), ("figure", "figures")):
        assert sum(d[count] or 0 for d in docs) == sum(i["kind"] == kind for i in items)
        assert summary.items.get(kind, 0) == sum(i["kind"] == kind for i in items)


def test_seed_quotes_and_speakers(spark, inputs, warc_out, seed_gold):
    out, _ = warc_out
    want = inputs["warc"][1]
    items = table(spark, out, "items")
    gold = seed_gold["quotes"]
    for doc in ("urn:uuid:" + want["seed_page"], "urn:uuid:" + want["seed_text"]):
        quotes = [i for i in items if i["doc"] == doc and i["kind"] == "quote"]
        assert len(quotes) == len(gold) == 9, doc
        first = next(q for q in quotes if gold[0]["text"] in q["text"])
        assert (first["speaker"], first["speaker_kind"], first["speaker_named"], first["cue"]) == (
            gold[0]["speaker"], "person", True, gold[0]["cue"])
    page = next(d for d in table(spark, out, "documents") if d["doc"].endswith(want["seed_page"]))
    assert page["url"] == "https://example.org/seed" and page["content"] == "html"
    assert page["scope_root"].startswith("article#post-48213")
    # The page's row is the package's report on the page.
    html = (SEED / "article.html").read_bytes().decode("utf-8")
    report = presslens.annotate_html(html, "https://example.org/seed")
    assert page["text"] == report["scope"]["text"] and page["quotes"] == len(report["quotes"])


def test_broken_record_is_an_error_row_and_reading_goes_on(spark, warc_out):
    out, _ = warc_out
    docs = table(spark, out, "documents")
    errors = [d for d in docs if d["status"] == "error"]
    assert len(errors) == 1
    assert "unreadable gzip member" in errors[0]["reason"]
    assert errors[0]["quotes"] is None and errors[0]["text"] is None
    # The record after the broken one was read and annotated.
    assert docs[-1]["url"] == "https://example.org/readability/001"
    assert docs[-1]["status"] == "ok" and docs[-1]["position"] > errors[0]["position"]
    skipped = [d for d in docs if d["status"] == "skipped"]
    assert [d["reason"] for d in skipped] == ["not a page or text: image/png"]


def test_second_run_gives_the_same_rows(spark, inputs, warc_out, tmp_path):
    """Through the command line, in a Spark of its own."""
    out, _ = warc_out
    again = tmp_path / "again"
    proc = subprocess.run(
        [sys.executable, "-m", "presslens.spark", "--input", str(inputs["warc"][0]),
         "--output", str(again), "--master", "local[2]"],
        capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "documents: 7 = ok 5 + skipped 1 + errors 1" in proc.stdout
    for name in ("documents", "items"):
        first, second = table(spark, out, name), table(spark, again, name)
        assert len(first) > 0
        assert sorted(map(repr, first)) == sorted(map(repr, second)), name


def test_jsonl_input_as_json_output(spark, inputs, tmp_path):
    path, want = inputs["jsonl"]
    summary = run(spark, [str(path)], str(tmp_path), fmt="json")
    assert (summary.documents, summary.ok, summary.errors) == (want["documents"], want["ok"], want["errors"])
    docs = {d["doc"]: d for d in table(spark, tmp_path, "documents", "json")}
    assert docs["seed"]["quotes"] == 9 and docs["page"]["url"] == "https://example.org/page"
    assert "lone surrogates" in docs["surrogate"]["reason"]
    assert docs[f"{path}@6"]["reason"] == "line 6: invalid UTF-8 at byte 29"


def test_a_pattern_that_names_nothing_is_an_error(spark, tmp_path):
    with pytest.raises(FileNotFoundError, match="no input file matches"):
        run(spark, [str(tmp_path / "nothing-*.warc.gz")], str(tmp_path / "out"))
