"""Reports as tidy pandas tables: :func:`presslens.to_frames`.

Apart from the rest of the package so that ``import presslens`` never
imports pandas: this module is loaded by the first ``to_frames`` call.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

# Each table's columns, in order, with the dtype each gets ("" leaves it to
# pandas: text columns, the doc ids). Nullable integer and boolean columns
# ("Int64", "boolean") hold <NA> where the report has null.
COLUMNS: Dict[str, List[Tuple[str, str]]] = {
    "quotes": [
        ("doc", ""),
        ("quote", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", ""),
        ("speaker", ""),
        ("speaker_named", "boolean"),
        ("speaker_kind", ""),
        ("speaker_party", "Int64"),
        ("speaker_start", "Int64"),
        ("speaker_end", "Int64"),
        ("cue", ""),
        ("cue_start", "Int64"),
        ("cue_end", "Int64"),
    ],
    "parties": [
        ("doc", ""),
        ("party", "int64"),
        ("name", ""),
        ("kind", ""),
        ("role", ""),
        ("mentions", "int64"),
    ],
    "mentions": [
        ("doc", ""),
        ("party", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", ""),
    ],
    "figures": [
        ("doc", ""),
        ("figure", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("text", ""),
        ("value", "float64"),
        ("unit", ""),
        ("counts", ""),
        ("approximate", "bool"),
    ],
    "relations": [
        ("doc", ""),
        ("figure", "int64"),
        ("other", "int64"),
        ("kind", ""),
    ],
}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "presslens.to_frames needs pandas: pip install 'presslens[pandas]'"
        ) from e
    return pandas


def _rows(reports: List[Mapping[str, Any]], ids: List[Any]) -> Dict[str, List[tuple]]:
    """Every table's rows, as tuples in COLUMNS order."""
    rows: Dict[str, List[tuple]] = {name: [] for name in COLUMNS}
    quotes, parties, mentions = rows["quotes"], rows["parties"], rows["mentions"]
    figures, relations = rows["figures"], rows["relations"]
    for doc, report in zip(ids, reports):
        for i, q in enumerate(report.get("quotes") or ()):
            s = q.get("speaker") or {}
            c = q.get("cue") or {}
            quotes.append(
                (
                    doc,
                    i,
                    q["start"],
                    q["end"],
                    q.get("text"),
                    s.get("name"),
                    s.get("named"),
                    s.get("kind"),
                    s.get("party"),
                    s.get("start"),
                    s.get("end"),
                    c.get("text"),
                    c.get("start"),
                    c.get("end"),
                )
            )
        for i, p in enumerate(report.get("parties") or ()):
            ms = p.get("mentions") or ()
            parties.append((doc, i, p.get("name"), p.get("kind"), p.get("role"), len(ms)))
            for m in ms:
                mentions.append((doc, i, m["start"], m["end"], m.get("text")))
        for i, f in enumerate(report.get("figures") or ()):
            figures.append(
                (
                    doc,
                    i,
                    f["start"],
                    f["end"],
                    f.get("text"),
                    f.get("value"),
                    f.get("unit"),
                    f.get("counts"),
                    bool(f.get("approximate")),
                )
            )
            for r in f.get("relations") or ():
                relations.append((doc, i, r["figure"], r.get("kind")))
    return rows


def to_frames(reports: Any, ids: Optional[Iterable[Any]] = None) -> Dict[str, Any]:
    """See :func:`presslens.to_frames`."""
    if isinstance(reports, Mapping):
        reports = [reports]
    elif isinstance(reports, (str, bytes)) or not hasattr(reports, "__iter__"):
        raise TypeError(
            f"reports must be a report (dict) or a list of reports, not {type(reports).__name__}"
        )
    reports = list(reports)
    for i, r in enumerate(reports):
        if not isinstance(r, Mapping):
            raise TypeError(f"reports[{i}] must be a report (dict), not {type(r).__name__}")
    if ids is None:
        doc_ids = [r.get("id", i) for i, r in enumerate(reports)]
    else:
        doc_ids = list(ids)
        if len(doc_ids) != len(reports):
            raise ValueError(f"{len(doc_ids)} ids for {len(reports)} reports")
    pd = _pandas()
    frames = {}
    for name, rows in _rows(reports, doc_ids).items():
        columns = COLUMNS[name]
        values = list(zip(*rows)) if rows else [()] * len(columns)
        data = {}
        for (col, dtype), vals in zip(columns, values):
            if dtype:
                data[col] = pd.Series(list(vals), dtype=dtype)
            elif vals:
                data[col] = pd.Series(list(vals))
            else:
                data[col] = pd.Series([], dtype=object)
        frames[name] = pd.DataFrame(data, columns=[c for c, _ in columns])
    return frames
