"""PressLens: quotes with their speakers, named parties and claimed figures
in news text.

The engine is Rust (the native module ``presslens._presslens``); this package
is its Python face:

- :func:`annotate` — one text to one report (a ``dict``);
- :func:`annotate_many` — many texts on every core, the GIL released;
- :func:`annotate_html` — a web page: its article scope, and the report on
  the scope's text (:func:`annotate_html_many` for many pages);
- :func:`to_frames` — reports to tidy pandas tables (needs ``pandas``:
  ``pip install presslens[pandas]``);
- :mod:`presslens.spark` — news archives (WARC, JSONL) to Parquet tables on
  Spark: ``python -m presslens.spark --input 'crawl/*.warc.gz' --output out/``
  (needs ``pip install presslens[spark]`` and Java 17).

A report has the schema of the command line's ``presslens annotate`` JSON::

    {"quotes":  [{"start", "end", "text",
                  "speaker": None | {"name", "start", "end", "named", "party", "kind"},
                  "cue": None | {"text", "start", "end"}}],
     "parties": [{"name", "kind", "role", "mentions": [{"start", "end", "text"}]}],
     "figures": [{"start", "end", "text", "value", "unit", "counts", "approximate",
                  "relations": [{"kind", "figure"}]}]}

Every offset is a Python string index (a Unicode code point), so
``text[q["start"]:q["end"]] == q["text"]``.
"""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional

from . import _presslens

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "annotate",
    "annotate_many",
    "annotate_html",
    "annotate_html_many",
    "to_frames",
    "__version__",
]

__version__: str = _presslens.ENGINE_VERSION


def annotate(text: str) -> Dict[str, Any]:
    """Annotates one news text and returns its report.

    The report is a ``dict`` with the keys ``"quotes"``, ``"parties"`` and
    ``"figures"``, the same schema as ``presslens annotate`` prints (see the
    module's docstring). Offsets (``start``, ``end`` of quotes, speakers,
    cues, mentions and figures) are Python string indices, that is Unicode
    code points: ``text[q["start"]:q["end"]] == q["text"]``.

    The GIL is released while the engine runs. An empty text gives an empty
    report.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ValueError: ``text`` cannot be encoded as UTF-8 (it holds lone
            surrogates, as ``"\\ud800"`` or ``surrogateescape`` decoding
            makes).
    """
    return _json.loads(_presslens.annotate_json(text))


def annotate_many(
    texts: Iterable[str], threads: Optional[int] = None
) -> List[Dict[str, Any]]:
    """Annotates many texts and returns their reports, in input order.

    ``texts`` is any iterable of ``str`` (a list, a generator, a pandas
    Series...); it is read whole first. The texts are annotated on
    ``threads`` threads (default: every core the machine has), with the GIL
    released; each report is exactly what :func:`annotate` gives for its text,
    whatever the number of threads.

    Raises:
        TypeError: ``texts`` is not an iterable (or is a single ``str``), an
            item is not a ``str`` (the message says which), or ``threads`` is
            not an int.
        ValueError: an item cannot be encoded as UTF-8 (lone surrogates), or
            ``threads`` is less than 1.
    """
    return _json.loads(_presslens.annotate_many_json(texts, threads))


def annotate_html(html: str, url: Optional[str] = None) -> Dict[str, Any]:
    """Annotates a web page: finds its article, then annotates the article's text.

    Returns the report of :func:`annotate` on the article text, plus a key
    ``"scope"``: ``{"text", "root", "confidence", "paywall"}`` (and
    ``"url"`` when given), exactly what ``presslens annotate --html PAGE
    [--url URL]`` prints. ``scope["text"]`` is the article's text as a
    browser reads it (the native scope detector over html5ever, the one the
    browser overlay runs); every offset in the report is a Python string
    index (a Unicode code point) into that text:
    ``report["scope"]["text"][q["start"]:q["end"]] == q["text"]``.
    ``root`` describes the root element (``tag#id.class``),
    ``confidence`` says how sure the detector is (``low``, ``margin``,
    ``share``, ``chars``, ``metadata``), ``paywall`` names the paywall rule
    the root matches, if any.

    Any ``str`` parses, as in a browser: broken markup is repaired, and a
    page with no article (an empty string, a frameset) gives an empty
    text and an empty report (``root`` and ``confidence`` are ``None``
    without a body). Decode bytes first (the page's charset; the command
    line reads files as UTF-8, invalid bytes replaced). The GIL is
    released while it runs.

    Raises:
        TypeError: ``html`` is not a ``str``, or ``url`` is neither a ``str``
            nor ``None``.
        ValueError: ``html`` or ``url`` cannot be encoded as UTF-8 (lone
            surrogates).
    """
    return _json.loads(_presslens.annotate_html_json(html, url))


def annotate_html_many(
    htmls: Iterable[str],
    urls: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
) -> List[Dict[str, Any]]:
    """Annotates many web pages; returns their reports, in input order.

    Each report is what :func:`annotate_html` gives for that page (and its
    URL: ``urls``, when given, has one ``str`` or ``None`` per page). The
    pages are read whole first, then processed on ``threads`` threads
    (default: every core) with the GIL released.

    Raises:
        TypeError: as :func:`annotate_many` (``htmls[3] must be str...``).
        ValueError: lone surrogates; ``threads`` below 1; ``urls`` not as
            long as ``htmls``.
    """
    return _json.loads(_presslens.annotate_html_many_json(htmls, urls, threads))


def to_frames(
    reports: Any, ids: Optional[Iterable[Any]] = None
) -> Dict[str, "pandas.DataFrame"]:
    """Turns reports into tidy pandas tables, one row per item.

    ``reports`` is a list of reports (or one report); ``ids`` names each
    report's document (by default the report's ``"id"`` when it has one, as
    the lines of ``presslens annotate --jsonl`` do, else its position). Every
    table starts with the column ``doc``; indices (``quote``, ``party``,
    ``figure``) are positions in the report's lists, so the tables join on
    ``(doc, party)`` and ``(doc, figure)``. Returns a dict of DataFrames:

    - ``quotes``: doc, quote, start, end, text, speaker (name), speaker_named,
      speaker_kind (person, organization, anonymous, document),
      speaker_party (index into parties), speaker_start, speaker_end, cue,
      cue_start, cue_end; the speaker and cue columns are empty (None / <NA>)
      when the quote has none.
    - ``parties``: doc, party, name, kind (person, organization, place,
      group), role, mentions (how many).
    - ``mentions``: doc, party, start, end, text.
    - ``figures``: doc, figure, start, end, text, value, unit, counts (the
      counted noun), approximate.
    - ``relations``: doc, figure, other, kind (exchange, change, ratio,
      comparison); the report holds each relation from both sides, and so
      does this table.

    Needs pandas (``pip install presslens[pandas]``), imported on the first
    call only.
    """
    from .frames import to_frames as _to_frames

    return _to_frames(reports, ids)
