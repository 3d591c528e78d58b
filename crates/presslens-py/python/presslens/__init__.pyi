"""Type stubs of the presslens package (see __init__.py for the docs)."""

from typing import Dict, Iterable, List, Literal, Mapping, Optional, Sequence, TypedDict, Union

import pandas

__version__: str

class Speaker(TypedDict):
    name: str
    start: int
    end: int
    named: bool
    party: Optional[int]
    kind: Literal["person", "organization", "anonymous", "document"]

class Cue(TypedDict):
    text: str
    start: int
    end: int

class Quote(TypedDict):
    start: int
    end: int
    text: str
    speaker: Optional[Speaker]
    cue: Optional[Cue]

class Mention(TypedDict):
    start: int
    end: int
    text: str

class Party(TypedDict):
    name: str
    kind: Literal["person", "organization", "place", "group"]
    role: Optional[str]
    mentions: List[Mention]

class Relation(TypedDict):
    kind: Literal["exchange", "change", "ratio", "comparison"]
    figure: int

class Figure(TypedDict):
    start: int
    end: int
    text: str
    value: Optional[float]
    unit: Optional[str]
    counts: Optional[str]
    approximate: bool
    relations: List[Relation]

class Report(TypedDict):
    quotes: List[Quote]
    parties: List[Party]
    figures: List[Figure]

def annotate(text: str) -> Report:
    """One text's report; offsets are Python string indices (code points)."""

def annotate_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Report]:
    """Many texts' reports, in order, on every core (or ``threads``), the GIL released."""

class Confidence(TypedDict):
    low: bool
    margin: float
    share: float
    chars: int
    metadata: Literal["agrees", "silent", "disagrees"]

class _ScopeBase(TypedDict):
    text: str
    root: Optional[str]
    confidence: Optional[Confidence]
    paywall: Optional[str]

class Scope(_ScopeBase, total=False):
    url: str

class PageReport(Report):
    scope: Scope

def annotate_html(html: str, url: Optional[str] = None) -> PageReport:
    """A web page's article scope and the report on its text (code-point offsets into ``scope["text"]``)."""

def annotate_html_many(
    htmls: Iterable[str],
    urls: Optional[Iterable[Optional[str]]] = None,
    threads: Optional[int] = None,
) -> List[PageReport]:
    """Many pages' reports, in order, on every core (or ``threads``), the GIL released."""

def to_frames(
    reports: Union[Mapping[str, object], Sequence[Mapping[str, object]]],
    ids: Optional[Iterable[object]] = None,
) -> Dict[str, pandas.DataFrame]:
    """Tidy tables ``quotes``, ``parties``, ``mentions``, ``figures``, ``relations``."""
