"""Writes the small WARC and JSONL files the Spark tests read: the seed
article (as a page and as a text), a few dev pages, records that are not
documents, an image, and broken input, so every path of the reader is
taken."""

import io
import json
from pathlib import Path

from conftest import SEED, SHARED
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = SHARED / "eval" / "pages"


def dev_pages():
    """The first page (by name) of each human-gold folder."""
    out = []
    for folder in ("l3s-gn1", "dragnet", "readability"):
        out.append(sorted(p for p in (PAGES / folder).iterdir() if (p / "source.html").exists())[0])
    return out


def member(kind, url=None, body=b"", ctype=None, http=True, rid=None):
    """One record as one gzip member (bytes)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    headers = {"WARC-Record-ID": f"<urn:uuid:{rid}>"} if rid else None
    if kind == "warcinfo":
        rec = w.create_warcinfo_record("test.warc.gz", {"software": "presslens tests"})
    else:
        http_headers = None
        if http and kind in ("response", "request"):
            status = "200 OK" if kind == "response" else "GET / HTTP/1.1"
            http_headers = StatusAndHeaders(
                status, [("Content-Type", ctype)] if ctype else [], protocol="HTTP/1.1",
                is_http_request=kind == "request")
        rec = w.create_warc_record(
            url, kind, payload=io.BytesIO(body), http_headers=http_headers,
            warc_content_type=ctype if kind == "resource" else None,
            warc_headers_dict=headers)
    w.write_record(rec)
    return buf.getvalue()


def broken(valid: bytes) -> bytes:
    """A gzip member whose deflate data is corrupt (the header is intact)."""
    b = bytearray(valid)
    for i in range(12, min(len(b) - 8, 200)):
        b[i] ^= 0x5A
    return bytes(b)


def write_warc(path: Path) -> dict:
    """The test WARC; returns what the job must find in it."""
    seed_html = (SEED / "article.html").read_bytes()
    seed_text = (SEED / "article.txt").read_bytes()
    pages = dev_pages()
    members = [
        member("warcinfo"),
        member("request", "https://example.org/seed", ctype=None),
        member("response", "https://example.org/seed", seed_html, "text/html; charset=utf-8",
               rid="00000000-0000-0000-0000-000000000001"),
        member("resource", "https://example.org/seed.txt", seed_text, "text/plain; charset=utf-8",
               rid="00000000-0000-0000-0000-000000000002"),
    ]
    members += [member("response", f"https://example.org/{p.parent.name}/{p.name}",
                       (p / "source.html").read_bytes(), "text/html") for p in pages[:2]]
    members.append(member("response", "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"))
    members.append(broken(member("response", "https://example.org/broken", seed_html, "text/html")))
    members.append(member("response", f"https://example.org/{pages[2].parent.name}/{pages[2].name}",
                          (pages[2] / "source.html").read_bytes(), "text/html"))
    path.write_bytes(b"".join(members))
    # warcinfo and request records are not documents; the image is skipped.
    return {"documents": 7, "ok": 5, "skipped": 1, "errors": 1,
            "seed_page": "00000000-0000-0000-0000-000000000001",
            "seed_text": "00000000-0000-0000-0000-000000000002"}


def write_jsonl(path: Path) -> dict:
    seed_text = (SEED / "article.txt").read_text(encoding="utf-8")
    page = (dev_pages()[0] / "source.html").read_text(encoding="utf-8", errors="replace")
    lines = [
        json.dumps({"id": "seed", "text": seed_text}),
        json.dumps({"id": "page", "html": page, "url": "https://example.org/page"}),
        "{not json",
        '{"id": "surrogate", "text": "\\ud800 lone"}',
        json.dumps({"id": "neither", "title": "no text"}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "latin1", "text": "caf\xe9"}\n')
    return {"documents": 6, "ok": 2, "skipped": 0, "errors": 4}
