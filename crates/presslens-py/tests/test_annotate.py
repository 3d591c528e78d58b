"""presslens.annotate: the seed article, offsets, the README's example, bad input."""

import subprocess
import sys

import presslens
import pytest
from conftest import ROOT, check_offsets


def test_seed_quotes_and_gold_speakers(seed_text, seed_gold):
    report = presslens.annotate(seed_text)
    gold = seed_gold["quotes"]
    assert len(report["quotes"]) == len(gold) == 9
    for g in gold:
        q = next((q for q in report["quotes"] if g["text"] in q["text"]), None)
        assert q is not None, f"missing quote {g['text']!r}"
        assert q["speaker"] is not None, f"no speaker for {g['text']!r}"
        assert q["speaker"]["name"] == g["speaker"], g["text"]
        assert q["speaker"]["named"] == g["named"], g["text"]
        assert q["cue"]["text"] == g["cue"], g["text"]
    check_offsets(seed_text, report)


def test_report_schema(seed_text):
    report = presslens.annotate(seed_text)
    assert set(report) == {"quotes", "parties", "figures"}
    q = report["quotes"][0]
    assert set(q) == {"start", "end", "text", "speaker", "cue"}
    assert set(q["speaker"]) == {"name", "start", "end", "named", "party", "kind"}
    assert set(q["cue"]) == {"text", "start", "end"}
    p = report["parties"][0]
    assert set(p) == {"name", "kind", "role", "mentions"}
    f = report["figures"][0]
    assert set(f) == {"start", "end", "text", "value", "unit", "counts", "approximate", "relations"}
    kinds = {q["speaker"]["kind"] for q in report["quotes"]}
    assert kinds <= {"person", "organization", "anonymous", "document"}
    assert "anonymous" in kinds


def test_offsets_are_code_points():
    # Characters outside the BMP are one code point, two UTF-16 units and
    # four UTF-8 bytes: only code-point offsets land on the quote here.
    text = "🎉🎉 Ünïcödé 🎉 first.\n\n“We will win this fight,” said Jane Doe, the mayor of Springfield."
    report = presslens.annotate(text)
    [q] = report["quotes"]
    assert text[q["start"] : q["end"]] == "“We will win this fight,”"
    assert q["speaker"]["name"] == "Jane Doe"
    s = q["speaker"]
    assert text[s["start"] : s["end"]] == "Jane Doe"
    check_offsets(text, report)


def test_readme_example_runs_from_the_repository_root():
    code = (
        "import presslens; "
        "print(presslens.annotate(open('../shared/seed/article.txt').read())['quotes'][0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "Osama Hamdan" in out and "We reaffirmed our conditions" in out


def test_empty_text_gives_an_empty_report():
    assert presslens.annotate("") == {"quotes": [], "parties": [], "figures": []}


@pytest.mark.parametrize("bad", [None, 42, 4.2, b"bytes are not text", ["a list"], object()])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be str, not"):
        presslens.annotate(bad)


@pytest.mark.parametrize("bad", ["\ud800", "fine until \udcff here", "“Quoted \ud83d,” he said."])
def test_lone_surrogates_are_a_value_error(bad):
    with pytest.raises(ValueError, match="cannot be encoded as UTF-8"):
        presslens.annotate(bad)


def test_surrogateescape_bytes_are_a_value_error():
    # What reading a non-UTF-8 file with errors="surrogateescape" gives.
    text = b"caf\xe9 said \xff".decode("utf-8", errors="surrogateescape")
    with pytest.raises(ValueError, match="surrogates not allowed"):
        presslens.annotate(text)


def test_str_subclass_is_text():
    class Text(str):
        pass

    assert presslens.annotate(Text("“Yes,” she said.")) == presslens.annotate("“Yes,” she said.")


def test_huge_text(seed_text):
    # About 5 MB in one string: the seed at both ends, non-BMP filler between.
    fill = "The committee met again on Tuesday 😀 and talked about the weather. "
    text = seed_text + "\n\n" + fill * (5_000_000 // len(fill)) + "\n\n" + seed_text
    assert len(text) > 5_000_000
    report = presslens.annotate(text)
    assert len(report["quotes"]) == 18
    first, last = report["quotes"][0], report["quotes"][9]
    assert last["text"] == first["text"]
    assert last["start"] - first["start"] == len(text) - len(seed_text)
    assert last["speaker"]["name"] == "Osama Hamdan"
    check_offsets(text, report)


def test_hostile_texts_do_not_crash():
    for text in ["“", "”" * 1000, "\x00\x01\u200b", "\n" * 10000, "«»„“‘’" * 500, "$" * 3000 + "%"]:
        check_offsets(text, presslens.annotate(text))


def test_version():
    assert presslens.__version__.count(".") == 2
