"""presslens.to_frames: the tables, their shapes and a known quote's speaker."""

import subprocess
import sys

import pandas as pd
import presslens
import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def reports(seed_text):
    return presslens.annotate_many([seed_text, "", "“Yes,” said Jane Doe, up 5% from 3%."])


def test_tables_and_shapes(reports):
    frames = presslens.to_frames(reports, ids=["seed", "empty", "tiny"])
    assert set(frames) == {"quotes", "parties", "mentions", "figures", "relations"}
    seed = reports[0]
    n = lambda key, doc: int((frames[key]["doc"] == doc).sum())  # noqa: E731
    assert n("quotes", "seed") == len(seed["quotes"]) == 9
    assert n("parties", "seed") == len(seed["parties"])
    assert n("mentions", "seed") == sum(len(p["mentions"]) for p in seed["parties"])
    assert n("figures", "seed") == len(seed["figures"])
    assert n("relations", "seed") == sum(len(f["relations"]) for f in seed["figures"])
    for key in frames:
        assert n(key, "empty") == 0
    assert list(frames["quotes"].columns) == [
        "doc", "quote", "start", "end", "text", "speaker", "speaker_named", "speaker_kind",
        "speaker_party", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
    ]
    assert list(frames["parties"].columns) == ["doc", "party", "name", "kind", "role", "mentions"]
    assert list(frames["mentions"].columns) == ["doc", "party", "start", "end", "text"]
    assert list(frames["figures"].columns) == [
        "doc", "figure", "start", "end", "text", "value", "unit", "counts", "approximate",
    ]
    assert list(frames["relations"].columns) == ["doc", "figure", "other", "kind"]
    assert frames["parties"]["mentions"].sum() == len(frames["mentions"])


def test_known_quote_speaker(reports, seed_text):
    frames = presslens.to_frames(reports, ids=["seed", "empty", "tiny"])
    q = frames["quotes"]
    row = q[(q["doc"] == "seed") & q["text"].str.contains("It is on Hamas to make decisions")].iloc[0]
    assert row["speaker"] == "Antony Blinken"
    assert bool(row["speaker_named"]) is True
    assert row["speaker_kind"] == "person"
    assert row["cue"] == "noted"
    assert seed_text[row["start"] : row["end"]] == row["text"]
    # The speaker's party joins onto the parties table.
    p = frames["parties"]
    party = p[(p["doc"] == "seed") & (p["party"] == row["speaker_party"])].iloc[0]
    assert party["name"] == "Antony Blinken" and party["kind"] == "person"
    anon = q[q["speaker_kind"] == "anonymous"]
    assert len(anon) == 3 and not anon["speaker_named"].any()


def test_dtypes(reports):
    frames = presslens.to_frames(reports)
    q, f = frames["quotes"], frames["figures"]
    assert str(q["start"].dtype) == "int64"
    assert str(q["speaker_party"].dtype) == "Int64"
    assert str(q["speaker_named"].dtype) == "boolean"
    assert str(f["value"].dtype) == "float64"
    assert str(f["approximate"].dtype) == "bool"
    # By default a report's doc id is its position.
    assert set(q["doc"]) == {0, 2}


def test_relations_point_at_figures(reports):
    frames = presslens.to_frames(reports[2])
    f, r = frames["figures"], frames["relations"]
    assert len(f) >= 2 and len(r) >= 2
    assert set(r["kind"]) == {"change"}
    assert set(r["other"]) <= set(f["figure"])


def test_empty_and_ids():
    frames = presslens.to_frames([])
    assert all(len(df) == 0 for df in frames.values())
    assert list(frames["quotes"].columns)[:4] == ["doc", "quote", "start", "end"]
    # Lines of `presslens annotate --jsonl` carry their id.
    frames = presslens.to_frames([{"id": "a1", **presslens.annotate("“Yes,” she said.")}])
    assert list(frames["quotes"]["doc"]) == ["a1"]
    with pytest.raises(ValueError, match="2 ids for 1 reports"):
        presslens.to_frames([presslens.annotate("")], ids=["a", "b"])
    with pytest.raises(TypeError, match=r"reports\[0\] must be a report"):
        presslens.to_frames(["not a report"])


def test_pandas_is_imported_lazily():
    code = (
        "import sys, presslens; presslens.annotate_many(['“Yes,” she said.']); "
        "assert 'pandas' not in sys.modules; presslens.to_frames([]); "
        "assert 'pandas' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    assert isinstance(presslens.to_frames([])["quotes"], pd.DataFrame)
