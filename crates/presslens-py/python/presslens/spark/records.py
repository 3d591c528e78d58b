"""The documents of an input file: WARC records or JSONL lines, each read
into a :class:`Record` — a page, a text, or the reason it could not be read.

Plain Python (no Spark), so each executor runs it over its own file and the
tests run it alone. Nothing is lost: every WARC response, resource or
conversion record and every JSONL line gives exactly one ``Record``; one that
cannot be read is a ``Record`` with a ``problem``, and reading goes on after
it. (``warcinfo``, ``request``, ``metadata`` and ``revisit`` records describe
other records and are not documents.)

A ``.warc.gz`` is a series of gzip members, one record each (as Common
Crawl writes them): each member is inflated on its own, so a corrupt member
costs that record only, and reading picks up at the next well-formed
gzip member header (a stray magic number inside compressed data is
rarely one; if it is, it costs an extra error row, never a record). An uncompressed ``.warc`` has no such boundaries:
a record that cannot be parsed ends the file with one error record.
"""

from __future__ import annotations

import enum
import io
import json
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Optional, Tuple, Union

from .. import decode_html

#: Where each gzip member of a ``.warc.gz`` starts: ID1 ID2 and CM = deflate.
GZIP_MAGIC = b"\x1f\x8b\x08"
#: Bytes read at a time from an input file. Small, because what follows a
#: member in the chunk is copied once per member (zlib's unused_data).
CHUNK = 1 << 16
#: WARC record types that hold a document (a fetched page or a text).
DOCUMENT_TYPES = ("response", "resource", "conversion")
#: Media types annotated as HTML (article scope first) and as plain text.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)


class Content(enum.Enum):
    """What a readable record holds."""

    HTML = "html"
    TEXT = "text"


class Status(enum.Enum):
    """What became of a document: annotated, not a page or text (an image,
    a redirect), or unreadable / not annotatable (with the reason)."""

    OK = "ok"
    SKIPPED = "skipped"
    ERROR = "error"


@dataclass(frozen=True)
class Record:
    """One document of an input file.

    ``doc`` is its id (the WARC-Record-ID, the JSONL ``id``, else
    ``source@position``); ``position`` the byte offset of its WARC record
    (of its gzip member) or its JSONL line number (from 1). ``content``
    and ``body`` are set for a readable page or text; otherwise ``status``
    says why not and ``reason`` how.
    """

    doc: str
    source: str
    position: int
    url: Optional[str] = None
    content: Optional[Content] = None
    body: str = ""
    status: Status = Status.OK
    reason: Optional[str] = None


def read(path: str) -> Iterator[Record]:
    """The records of the file ``path``, by its name: ``.jsonl`` (also
    ``.jsonl.gz``, ``.json``) for JSON lines, anything else as WARC."""
    name = path.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".json", ".ndjson")):
        return read_jsonl(path)
    return read_warc(path)


# --- JSONL ------------------------------------------------------------------


def read_jsonl(path: str) -> Iterator[Record]:
    """Lines ``{"id", "text"}`` or ``{"id", "html", "url"?}``, as
    ``presslens annotate --jsonl`` reads them. A line that is not UTF-8, not
    JSON, not an object or without a ``text``/``html`` string is an error
    record; blank lines are not documents."""
    opener = _gzip_open if path.lower().endswith(".gz") else open
    try:
        f = opener(path, "rb")
    except OSError as e:
        yield _error(path, 0, f"cannot open: {e}")
        return
    lineno = 0
    with f:
        try:
            for lineno, raw in enumerate(f, start=1):
                if raw.strip():
                    yield _jsonl_record(path, lineno, raw)
        except (OSError, EOFError) as e:  # an I/O error; a cut .gz
            yield _error(path, lineno + 1, f"read failed after line {lineno}: {e}")


def _gzip_open(path: str, mode: str) -> BinaryIO:
    import gzip

    return gzip.open(path, mode)  # type: ignore[return-value]


def _jsonl_record(path: str, lineno: int, raw: bytes) -> Record:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return _error(path, lineno, f"line {lineno}: invalid UTF-8 at byte {e.start}")
    try:
        obj = json.loads(line)
    except ValueError as e:
        return _error(path, lineno, f"line {lineno}: {e}")
    if not isinstance(obj, dict):
        return _error(path, lineno, f"line {lineno}: expected a JSON object")
    doc = obj.get("id")
    doc = f"{path}@{lineno}" if doc is None else str(doc)
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(obj.get("html"), str):
        return Record(doc, path, lineno, url, Content.HTML, obj["html"])
    if isinstance(obj.get("text"), str):
        return Record(doc, path, lineno, url, Content.TEXT, obj["text"])
    return Record(doc, path, lineno, url, status=Status.ERROR,
                  reason=f"line {lineno}: no \"text\" or \"html\" string")


# --- WARC -------------------------------------------------------------------


def read_warc(path: str) -> Iterator[Record]:
    """The document records of a WARC file (gzip-per-record or plain)."""
    try:
        f = open(path, "rb")
    except OSError as e:
        yield _error(path, 0, f"cannot open: {e}")
        return
    with f:
        try:
            head = f.read(2)
            f.seek(0)
            if head == GZIP_MAGIC[:2]:
                for offset, member in gzip_members(f):
                    if isinstance(member, Exception):
                        yield _error(path, offset, f"unreadable gzip member: {member}")
                    else:
                        yield from _records_in(io.BytesIO(member), path, offset, whole_file=False)
            else:
                yield from _records_in(f, path, 0, whole_file=True)
        except OSError as e:
            # The file itself fails (an I/O error, a vanished mount): what
            # was read stands, and the rest is one error row.
            yield _error(path, _tell(f), f"read failed, the rest of the file is unread: {e}")


def _tell(f: BinaryIO) -> int:
    try:
        return f.tell()
    except (OSError, ValueError):
        return -1


def gzip_members(f: BinaryIO) -> Iterator[Tuple[int, Union[bytes, Exception]]]:
    """Each gzip member of ``f``: (its byte offset, its inflated bytes), or
    (offset, the error) for one that does not inflate, after which reading
    resumes at the next well-formed member header."""
    buf = f.read(CHUNK)
    base = 0  # the file offset of buf[0]
    while buf:
        inflate = zlib.decompressobj(31)
        parts = []
        fed = [buf]  # the compressed bytes given to this member so far
        try:
            parts.append(inflate.decompress(buf))
            while not inflate.eof:
                data = f.read(CHUNK)
                if not data:
                    raise EOFError("the file ends inside the member")
                fed.append(data)
                parts.append(inflate.decompress(data))
        except (zlib.error, EOFError) as e:
            yield base, e
            buf, base = _resync(f, b"".join(fed), base)
            continue
        used = sum(map(len, fed)) - len(inflate.unused_data)
        yield base, b"".join(parts)
        buf, base = inflate.unused_data, base + used
        if not buf:
            buf = f.read(CHUNK)


def _resync(f: BinaryIO, buf: bytes, base: int) -> Tuple[bytes, int]:
    """Skips to the next well-formed gzip member header after ``buf[0]``;
    (b"", end of file) when there is none."""
    at = 1
    while True:
        i = buf.find(GZIP_MAGIC, at)
        if i < 0 or len(buf) - i < 10:
            more = f.read(CHUNK)
            if not more:
                return b"", base + len(buf)
            keep = max(len(buf) - 9, 1) if i < 0 else i
            base, buf, at = base + keep, buf[keep:] + more, 0
            continue
        if _member_header(buf[i : i + 10]):
            return buf[i:], base + i
        at = i + 1


def _member_header(head: bytes) -> bool:
    """Whether ``head`` (10 bytes) is a gzip member header as RFC 1952
    allows it: magic and deflate, no reserved flag, a known extra-flags
    value and operating system. A run of corrupt bytes seldom passes."""
    return (
        head[:3] == GZIP_MAGIC
        and head[3] & 0xE0 == 0
        and head[8] in (0, 2, 4)
        and (head[9] <= 13 or head[9] == 255)
    )


def _records_in(stream: BinaryIO, path: str, base: int, whole_file: bool) -> Iterator[Record]:
    """The document records of one gzip member (or a whole plain file)."""
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(stream)
    offset = base
    while True:
        try:
            record = next(it)
        except StopIteration:
            return
        except Exception as e:  # noqa: BLE001 (warcio raises several kinds on bad input)
            where = "the rest of the file is unreadable" if whole_file else "unreadable record"
            yield _error(path, offset, f"{where}: {type(e).__name__}: {e}")
            return
        if whole_file:
            offset = it.get_record_offset()
        try:
            doc = _document(record, path, offset)
        except Exception as e:  # noqa: BLE001 (one bad record is one error row)
            doc = _error(path, offset, f"unreadable record: {type(e).__name__}: {e}",
                         _record_id(record, path, offset))
        if doc is not None:
            yield doc


def _record_id(record, path: str, offset: int) -> str:
    rid = record.rec_headers.get_header("WARC-Record-ID") or ""
    return rid.strip().strip("<>") or f"{path}@{offset}"


def _document(record, path: str, offset: int) -> Optional[Record]:
    """The record as a document, or None for a record type that is not one."""
    if record.rec_type not in DOCUMENT_TYPES:
        return None
    doc = _record_id(record, path, offset)
    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers if record.rec_type == "response" else None
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return Record(doc, path, offset, url, status=Status.SKIPPED,
                          reason=f"HTTP status {status or 'missing'}")
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    payload = record.content_stream().read()
    mime = ctype.split(";")[0].strip().lower()
    if mime in HTML_TYPES or (not mime and payload.lstrip()[:1] == b"<"):
        content = Content.HTML
    elif mime in TEXT_TYPES:
        content = Content.TEXT
    else:
        return Record(doc, path, offset, url, status=Status.SKIPPED,
                      reason=f"not a page or text: {mime or 'no content type'}")
    return Record(doc, path, offset, url, content, decode(payload, ctype, content))


def decode(payload: bytes, ctype: str, content: Content) -> str:
    """The payload as text, its charset sniffed as a browser sniffs it, by
    the engine's one decoder (:func:`presslens.decode_html`): a byte-order
    mark, the charset of the Content-Type, a ``<meta>`` in the first
    kilobyte (a plain text has none), else UTF-8 or windows-1252; bytes
    that do not decode become U+FFFD (a page with a few bad bytes is still
    read)."""
    return decode_html(payload, ctype or None)


def _error(path: str, position: int, reason: str, doc: Optional[str] = None) -> Record:
    return Record(doc or f"{path}@{position}", path, position,
                  status=Status.ERROR, reason=reason)
