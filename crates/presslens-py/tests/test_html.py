"""annotate_html: a web page's article scope and the report on its text,
exactly what `presslens annotate --html PAGE [--url URL]` prints."""

import json
import subprocess

import presslens
import pytest
from conftest import SEED, SHARED, check_offsets

PAGES = SHARED / "eval" / "pages"


def dev_pages(per_folder=3):
    """A few pages of each human-gold folder (the first names, sorted)."""
    out = []
    for folder in ("l3s-gn1", "dragnet", "readability"):
        names = sorted(p for p in (PAGES / folder).iterdir() if (p / "source.html").exists())
        out += names[:per_folder]
    return out


def read_page(path):
    """As the CLI reads a page: UTF-8, invalid bytes replaced."""
    return path.read_bytes().decode("utf-8", errors="replace")


def cli_page(cli, path, url=None):
    args = [str(cli), "annotate", "--html", str(path)] + (["--url", url] if url else [])
    return json.loads(subprocess.run(args, capture_output=True, check=True).stdout)


def test_dev_pages_are_there():
    assert len(dev_pages()) == 9


@pytest.mark.parametrize("page", dev_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_as_the_cli(cli, page):
    source = page / "source.html"
    url = f"https://example.org/{page.name}"
    got = presslens.annotate_html(read_page(source), url=url)
    assert got == cli_page(cli, source, url)
    assert got["scope"]["url"] == url
    check_offsets(got["scope"]["text"], got)
    # The article's text is the engine's input: the same report as annotate.
    text_report = presslens.annotate(got["scope"]["text"])
    assert {k: got[k] for k in ("quotes", "parties", "figures")} == text_report


def test_url_is_optional(cli):
    source = dev_pages()[0] / "source.html"
    got = presslens.annotate_html(read_page(source))
    assert "url" not in got["scope"]
    assert got == cli_page(cli, source)


def test_seed_page_quotes_and_gold_speakers(seed_gold):
    """The seed page (site header, sidebar, comments around the story): the
    scope is the story, and its 9 quotes have the gold speakers."""
    report = presslens.annotate_html(read_page(SEED / "article.html"))
    scope = report["scope"]
    assert scope["root"].startswith("article#post-48213")
    assert "Virtual Jerusalem" not in scope["text"]
    gold = seed_gold["quotes"]
    assert len(report["quotes"]) == len(gold) == 9
    for g in gold:
        q = next((q for q in report["quotes"] if g["text"] in q["text"]), None)
        assert q is not None, f"missing quote {g['text']!r}"
        assert q["speaker"]["name"] == g["speaker"], g["text"]
    check_offsets(scope["text"], report)


@pytest.mark.parametrize(
    "html",
    ["", "<", "<html><frameset><frame src=a></frameset></html>", "\x00<p>\x00</p>", "<p>" * 5000,
     "<div><p>“Unclosed,” she said <b><i></div></p>"],
    ids=["empty", "lt", "frameset", "nul", "deep", "broken"],
)
def test_broken_html_does_not_crash(html):
    report = presslens.annotate_html(html)
    assert set(report) == {"quotes", "parties", "figures", "scope"}
    check_offsets(report["scope"]["text"], report)


def test_no_body_has_no_root():
    scope = presslens.annotate_html("<html><frameset></frameset></html>")["scope"]
    assert scope["text"] == "" and scope["root"] is None and scope["confidence"] is None


def test_bad_arguments():
    with pytest.raises(TypeError, match="html must be str, not bytes"):
        presslens.annotate_html(b"<p>hi</p>")
    with pytest.raises(TypeError, match="url must be str, not int"):
        presslens.annotate_html("<p>hi</p>", url=3)
    with pytest.raises(ValueError, match="html cannot be encoded as UTF-8"):
        presslens.annotate_html("<p>\ud800</p>")


def test_many_pages_as_one_by_one():
    pages = [read_page(p / "source.html") for p in dev_pages(2)]
    urls = [f"u{i}" if i % 2 else None for i in range(len(pages))]
    one = [presslens.annotate_html(h, u) for h, u in zip(pages, urls)]
    assert presslens.annotate_html_many(pages, urls, threads=2) == one
    assert presslens.annotate_html_many(iter(pages), threads=1) == [
        presslens.annotate_html(h) for h in pages
    ]
    assert presslens.annotate_html_many([]) == []


def test_many_pages_bad_arguments():
    with pytest.raises(TypeError, match="not a str"):
        presslens.annotate_html_many("<p>one page</p>")
    with pytest.raises(TypeError, match=r"htmls\[1\] must be str, not NoneType"):
        presslens.annotate_html_many(["<p>a</p>", None])
    with pytest.raises(ValueError, match="urls has 1 items for 2 pages"):
        presslens.annotate_html_many(["a", "b"], urls=["u"])
    with pytest.raises(TypeError, match=r"urls\[0\] must be str, not int"):
        presslens.annotate_html_many(["a"], urls=[1])


def test_decode_html_sniffs_the_charset_as_a_browser():
    page = '<meta charset="windows-1251"><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>'
    assert presslens.decode_html(page.encode("cp1251")) == page
    # The Content-Type wins over the <meta>; "latin1" is windows-1252.
    assert presslens.decode_html(b"<meta charset=utf-8>\x93x\x94", "text/html; charset=latin1").endswith("\u201cx\u201d")
    assert presslens.decode_html(b"\xef\xbb\xbfcaf\xc3\xa9") == "caf\u00e9"
    assert presslens.decode_html(bytearray(b"ok")) == "ok"
    with pytest.raises(TypeError):
        presslens.decode_html("already text")


def test_a_page_in_its_own_charset_annotates_like_its_utf8_copy(cli, tmp_path):
    html = (SEED / "article.html").read_text(encoding="utf-8")
    assert "\u201c" in html  # curly quotes: different bytes in windows-1252
    legacy = html.replace("<head>", '<head><meta charset="windows-1252">', 1)
    data = legacy.encode("cp1252", errors="xmlcharrefreplace")
    want = presslens.annotate_html(html)["quotes"]
    assert len(want) == 9
    assert presslens.annotate_html(presslens.decode_html(data))["quotes"] == want
    page = tmp_path / "legacy.html"
    page.write_bytes(data)
    out = subprocess.run([str(cli), "annotate", "--html", str(page)], capture_output=True, check=True)
    assert json.loads(out.stdout)["quotes"] == want
