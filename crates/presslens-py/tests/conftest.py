"""Shared fixtures: where the repository, ../shared and the CLI are.

The tests import the *installed* presslens (the wheel in the test venv),
never python/presslens/ from the source tree, which has no native module.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
EVAL_FILES = sorted((SHARED / "eval").glob("*.jsonl"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((SEED / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cli() -> Path:
    """The release `presslens` binary (make test-python builds it)."""
    path = Path(os.environ.get("PRESSLENS_CLI", ROOT / "target/release/presslens"))
    if not path.is_absolute():
        path = ROOT / path
    assert path.exists(), f"{path} missing: cargo build --release -p presslens-cli"
    return path


def eval_docs(path: Path):
    """(id, text) of each line of an eval JSONL file."""
    with open(path, encoding="utf-8") as f:
        return [(d["id"], d["text"]) for d in map(json.loads, f)]


def check_offsets(text: str, report: dict) -> None:
    """Every span's text is the text at its offsets (code points)."""
    for q in report["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q["cue"]:
            c = q["cue"]
            assert text[c["start"] : c["end"]] == c["text"]
        if q["speaker"]:
            s = q["speaker"]
            assert 0 <= s["start"] <= s["end"] <= len(text)
            if s["party"] is not None:
                assert s["party"] < len(report["parties"])
    for p in report["parties"]:
        for m in p["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for f in report["figures"]:
        assert text[f["start"] : f["end"]] == f["text"]
        for r in f["relations"]:
            assert r["figure"] < len(report["figures"])
