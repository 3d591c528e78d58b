"""Records annotated into table rows: one row per document (with counts, or
the error), one row per quote, party and figure.

Plain Python tuples in the column order of :data:`DOCUMENT_COLUMNS` and
:data:`ITEM_COLUMNS`, so Spark (job.py) only gives them a schema, and the
tests can check them without a JVM.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

import presslens

from .records import Content, Record, Status

#: The documents table: one row per document read, annotated or not.
#: ``text`` is what was annotated (a page's article text), which the items'
#: offsets index; ``reason`` says why a document was skipped or failed.
DOCUMENT_COLUMNS: List[Tuple[str, type]] = [
    ("doc", str),
    ("url", str),
    ("source", str),
    ("position", int),
    ("content", str),
    ("status", str),
    ("reason", str),
    ("chars", int),
    ("quotes", int),
    ("parties", int),
    ("figures", int),
    ("scope_root", str),
    ("scope_low", bool),
    ("text", str),
]

#: The items table: one row per quote, party and figure (``kind``), with
#: ``index`` its position in the report's list. Offsets are code points
#: into the document's ``text``; a party's ``text`` is its canonical name
#: and its offsets those of its first mention. Columns that do not apply
#: to a kind are null.
ITEM_COLUMNS: List[Tuple[str, type]] = [
    ("doc", str),
    ("url", str),
    ("kind", str),
    ("index", int),
    ("start", int),
    ("end", int),
    ("text", str),
    ("speaker", str),
    ("speaker_kind", str),
    ("speaker_named", bool),
    ("cue", str),
    ("party_kind", str),
    ("role", str),
    ("mentions", int),
    ("value", float),
    ("unit", str),
    ("counts", str),
    ("approximate", bool),
]

DocumentRow = Tuple[Any, ...]
ItemRow = Tuple[Any, ...]


def annotate(record: Record) -> Tuple[DocumentRow, List[ItemRow]]:
    """The document row of ``record`` and its item rows. An exception from
    the engine (a text holding lone surrogates, as a JSON ``"\\ud800"``
    escape makes) becomes the document's error, never the job's."""
    if record.status is not Status.OK or record.content is None:
        return _document(record, record.status, record.reason), []
    try:
        if record.content is Content.HTML:
            report = presslens.annotate_html(record.body, record.url)
        else:
            report = presslens.annotate(record.body)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as e:  # noqa: BLE001 (see below)
        # TypeError / ValueError with the reason; and PyO3's PanicException,
        # a BaseException, should the engine ever panic: one document's
        # error row, not a failed task that would cost the whole file.
        return _document(record, Status.ERROR, f"annotate: {type(e).__name__}: {e}"), []
    return _document(record, Status.OK, None, report), list(items(record, report))


def annotate_all(records: Iterable[Record]) -> Iterator[Tuple[str, Tuple[Any, ...]]]:
    """("document", row) and ("item", row) for each record, in input order."""
    for record in records:
        doc, its = annotate(record)
        yield "document", doc
        for it in its:
            yield "item", it


def _document(
    record: Record, status: Status, reason: Optional[str], report: Optional[Dict[str, Any]] = None
) -> DocumentRow:
    scope = (report or {}).get("scope")
    text = scope["text"] if scope else (record.body if report is not None else None)
    conf = scope.get("confidence") if scope else None
    return (
        record.doc,
        record.url,
        record.source,
        record.position,
        record.content.value if record.content else None,
        status.value,
        reason,
        len(text) if text is not None else None,
        len(report["quotes"]) if report else None,
        len(report["parties"]) if report else None,
        len(report["figures"]) if report else None,
        scope.get("root") if scope else None,
        conf["low"] if conf else None,
        text,
    )


def items(record: Record, report: Dict[str, Any]) -> Iterator[ItemRow]:
    """The item rows of one report: quotes, then parties, then figures."""
    d, u = record.doc, record.url
    for i, q in enumerate(report["quotes"]):
        s, c = q["speaker"], q["cue"]
        yield (d, u, "quote", i, q["start"], q["end"], q["text"],
               s["name"] if s else None, s["kind"] if s else None, s["named"] if s else None,
               c["text"] if c else None, None, None, None, None, None, None, None)
    for i, p in enumerate(report["parties"]):
        first = p["mentions"][0] if p["mentions"] else None
        yield (d, u, "party", i, first["start"] if first else None,
               first["end"] if first else None, p["name"], None, None, None, None,
               p["kind"], p["role"], len(p["mentions"]), None, None, None, None)
    for i, f in enumerate(report["figures"]):
        value = float(f["value"]) if f["value"] is not None else None
        yield (d, u, "figure", i, f["start"], f["end"], f["text"], None, None, None, None,
               None, None, None, value, f["unit"], f["counts"], f["approximate"])
