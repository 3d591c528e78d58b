"""The reader alone (no Spark): gzip members, resynchronisation after a
corrupt one, plain WARC files, truncated files, charsets."""

from archive import broken, member
from presslens.spark import records
from presslens.spark.records import Content, Status


def page(url, body=b"<html><body><p>Hello</p></body></html>", ctype="text/html"):
    return member("response", url, body, ctype)


def read_bytes(tmp_path, data, name="a.warc.gz"):
    path = tmp_path / name
    path.write_bytes(data)
    return list(records.read(str(path)))


def test_garbage_between_members_is_one_error_then_reading_goes_on(tmp_path):
    # A stray gzip magic number in the garbage does not start a record.
    garbage = b"junk\x1f\x8b\x08junk" * 50
    first = page("https://a/1")
    got = read_bytes(tmp_path, first + garbage + page("https://a/2"))
    assert [(r.url, r.status) for r in got] == [
        ("https://a/1", Status.OK), (None, Status.ERROR), ("https://a/2", Status.OK)]
    assert got[1].position == len(first)


def test_two_broken_members_in_a_row(tmp_path):
    bad = broken(page("https://a/bad", b"<p>" + b"x" * 5000 + b"</p>"))
    got = read_bytes(tmp_path, bad + bad + page("https://a/ok"))
    assert [r.status for r in got] == [Status.ERROR, Status.ERROR, Status.OK]
    assert got[1].position == len(bad)


def test_a_file_cut_inside_a_member(tmp_path):
    whole = page("https://a/1") + page("https://a/2")
    got = read_bytes(tmp_path, whole[:-30])
    assert [r.status for r in got] == [Status.OK, Status.ERROR]
    assert "ends inside the member" in got[1].reason


def test_plain_warc_and_an_unparsable_tail(tmp_path):
    import gzip

    plain = gzip.decompress(page("https://a/1")) + gzip.decompress(page("https://a/2"))
    got = read_bytes(tmp_path, plain, "a.warc")
    assert [(r.url, r.content) for r in got] == [("https://a/1", Content.HTML), ("https://a/2", Content.HTML)]
    got = read_bytes(tmp_path, plain + b"NOT A WARC HEADER\r\n\r\n", "b.warc")
    assert [r.status for r in got] == [Status.OK, Status.OK, Status.ERROR]
    assert "the rest of the file is unreadable" in got[2].reason


def test_missing_file_is_an_error_record(tmp_path):
    got = list(records.read(str(tmp_path / "gone.warc.gz")))
    assert len(got) == 1 and got[0].status is Status.ERROR and "cannot open" in got[0].reason


def test_charsets():
    body = "<p>caf\u00e9</p>".encode("latin-1")
    assert records.decode(body, "text/html; charset=ISO-8859-1", Content.HTML) == "<p>caf\u00e9</p>"
    meta = b'<meta charset="windows-1252"><p>caf\xe9</p>'
    assert records.decode(meta, "text/html", Content.HTML).endswith("caf\u00e9</p>")
    # Undeclared and not UTF-8: windows-1252, as a browser reads it.
    assert records.decode(b"caf\xe9 \x93q\x94", "text/plain", Content.TEXT) == "caf\u00e9 \u201cq\u201d"
    assert records.decode(b"caf\xc3\xa9 \xff", "text/plain; charset=utf-8", Content.TEXT) == "caf\u00e9 \ufffd"
    assert records.decode(b"ok", "text/html; charset=no-such-charset", Content.HTML) == "ok"


def test_non_2xx_and_non_pages_are_skipped(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("301 Moved", [("Location", "https://b/")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://a/", "response", payload=io.BytesIO(b""), http_headers=http))
    got = read_bytes(tmp_path, buf.getvalue() + page("https://a/pdf", b"%PDF", "application/pdf"))
    assert [(r.status, r.reason) for r in got] == [
        (Status.SKIPPED, "HTTP status 301"), (Status.SKIPPED, "not a page or text: application/pdf")]


def test_a_cut_jsonl_gz_keeps_its_lines_and_says_where_it_ends(tmp_path):
    import gzip
    import random

    rng = random.Random(26)  # incompressible enough that half the file holds lines
    lines = [f'{{"id": {i}, "text": "{rng.getrandbits(400):x}"}}\n' for i in range(2000)]
    whole = gzip.compress("".join(lines).encode())
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    got = list(records.read(str(path)))
    assert all(r.status is Status.OK for r in got[:-1]) and len(got) > 1
    assert got[-1].status is Status.ERROR and "read failed after line" in got[-1].reason


def test_an_engine_failure_is_the_documents_error_row(monkeypatch):
    from presslens.spark import rows

    class Panic(BaseException):
        """As PyO3's PanicException: not an Exception."""

    def panics(text):
        raise Panic("engine bug")

    monkeypatch.setattr(rows.presslens, "annotate", panics)
    record = records.Record("d", "f.jsonl", 1, None, Content.TEXT, "text")
    doc, items = rows.annotate(record)
    assert (doc[5], doc[6], items) == ("error", "annotate: Panic: engine bug", [])
