#!/usr/bin/env python3
"""Article scope of the peers on the human-gold page sets: trafilatura (and
readability-lxml) from PyPI, scored exactly as `make eval-scope` scores
PressLens and Readability.js, so that the numbers sit in one table.

    make eval-scope-peers                 (installs the pinned peers, then runs this)
    scripts/eval-scope-peers.sh [--peers trafilatura,readability-lxml] [--quiet] [folder ...]
    scripts/eval-scope-peers.sh --check

Folders: l3s-gn1, dragnet, readability (the default), l3s-gn1-extra,
dragnet-extra, under ../shared/eval/pages. The gold is `expected.txt`; in
`readability` (Mozilla Readability's test pages) it is the text of the body
of `expected.html`, as `tests/e2e/readability.test.mjs` reads it.

Per folder and split (the FNV-1a split of `tests/e2e/scope-eval.mjs`): pages,
mean token F1, precision and recall, pages per second of extraction alone on
one core, then the five worst validation pages of each peer. Printed, never
asserted: this is a measurement, not a test.

`--check` proves the ports: the split of every page name of every folder, the
tokenizer's character class and lower-casing over all of Unicode, and the
token F1 of several hundred (prediction, gold) pairs made of the pages' own
texts, each against `tests/e2e/tokens.mjs` and `scope-eval.mjs` run by node.
"""

import argparse
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import regex

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "eval" / "pages"
DEFAULT_FOLDERS = ["l3s-gn1", "dragnet", "readability"]
ALL_FOLDERS = ["l3s-gn1", "dragnet", "readability", "l3s-gn1-extra", "dragnet-extra"]
SPLITS = ["train", "val", "all"]


# --- The scorer: a port of tests/e2e/tokens.mjs ---------------------------

# The same pattern as `s.toLowerCase().match(/[\p{L}\p{N}]+/gu)`: the `regex`
# module (pinned with the peers) reads \p{L} and \p{N} from a newer Unicode
# than the standard `re` and `unicodedata` of Python 3.11 (14.0), nearer to
# node's; `--check` compares the two over every code point.
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


def tokens(s):
    """Word tokens, lower-cased (letters and digits of any script)."""
    return _TOKEN.findall(s.lower())


def token_scores(got, want):
    """(F1, precision, recall) of `got` against `want`, as multisets.

    F1 is computed with the same operations, in the same order, as
    `tokenF1` in tokens.mjs, so the doubles are identical. Precision and
    recall follow it at the edges: both 1 when both texts are empty, both 0
    when one is (an empty extraction is a miss, not an undefined
    precision)."""
    g = tokens(got)
    w = tokens(want)
    if not g and not w:
        return 1.0, 1.0, 1.0
    if not g or not w:
        return 0.0, 0.0, 0.0
    counts = {}
    for t in w:
        counts[t] = counts.get(t, 0) + 1
    hit = 0
    for t in g:
        n = counts.get(t, 0)
        if n > 0:
            hit += 1
            counts[t] = n - 1
    p = hit / len(g)
    r = hit / len(w)
    return ((2 * p * r) / (p + r) if p + r else 0.0), p, r


# --- The split: a port of scope-eval.mjs ---------------------------------


def fnv1a(s):
    """FNV-1a (32 bits) of a string's UTF-16 units, as scope-eval.mjs hashes
    (charCodeAt, so a character outside the BMP is two units)."""
    h = 0x811C9DC5
    units = s.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def split(name):
    """'val' for one third of the pages (fixed by name), 'train' for the rest."""
    return "val" if fnv1a(name) % 3 == 0 else "train"


# --- Pages and gold -------------------------------------------------------


def gold_file(page):
    for name in ("expected.txt", "expected.html"):
        if (page / name).exists():
            return page / name
    return None


def pages_of(folder):
    """Page names of a folder (those with a source and a gold), in the order
    JavaScript's sort() gives (UTF-16 units)."""
    d = PAGES / folder
    if not d.is_dir():
        return []
    names = [n for n in os.listdir(d) if (d / n / "source.html").exists() and gold_file(d / n)]
    return sorted(names, key=lambda n: n.encode("utf-16-be", "surrogatepass"))


def read_text(path):
    # node's readFileSync(…, 'utf8') replaces bad bytes and keeps a BOM.
    return path.read_text(encoding="utf-8", errors="replace")


def body_text(html):
    """The text of an HTML document's body, as readability.test.mjs reads
    Readability's expected.html (`DOMParser(…).body.textContent`). Those files
    are plain fragments, with no script, style, template or broken nesting
    where libxml2's tree and the HTML5 tree could part: on all 130 the tokens
    of this text equal those of Chromium's, list for list (checked once with
    the browser; `--check` runs no browser)."""
    if not html.strip():
        return ""
    doc = lxml.html.document_fromstring(html)
    body = doc.find("body")
    return body.text_content() if body is not None else ""


def gold(folder, name):
    f = gold_file(PAGES / folder / name)
    text = read_text(f)
    return body_text(text) if f.suffix == ".html" else text


# --- The peers ------------------------------------------------------------


def trafilatura_text(html):
    import trafilatura

    # The settings of the figures (trafilatura 2.3, favor_precision):
    # the rest is trafilatura's default, fallbacks (its readability port and
    # jusText) included, except comments: no gold holds comments (dragnet's
    # and L3S-GN1's are labelled apart, in meta.json), and a reader of the
    # article scope does not want them either.
    return (
        trafilatura.extract(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
        )
        or ""
    )


def readability_lxml_text(html):
    from readability import Document

    # summary() is HTML; its text content is what Readability.js's
    # textContent is on the other side.
    summary = Document(html).summary(html_partial=True)
    return lxml.html.fragment_fromstring(summary, create_parent="div").text_content() if summary.strip() else ""


PEERS = {"trafilatura": trafilatura_text, "readability-lxml": readability_lxml_text}


def version(peer):
    from importlib.metadata import version as v

    return v(peer)


# --- The run --------------------------------------------------------------


def measure(folders, peers, log):
    rows = []
    for peer in peers:
        extract = PEERS[peer]
        # The first call imports and compiles what the peer needs once per
        # process: not part of any page's time.
        extract("<html><body><p>warm up</p></body></html>")
        for folder in folders:
            for name in pages_of(folder):
                page = PAGES / folder / name
                html = read_text(page / "source.html")
                want = gold(folder, name)
                error = None
                w0, c0 = time.perf_counter(), time.thread_time()
                try:
                    got = extract(html)
                except Exception as e:  # noqa: BLE001 (a peer's failure is a page scored 0, and noted)
                    got, error = "", f"{type(e).__name__}: {e}"
                wall, cpu = time.perf_counter() - w0, time.thread_time() - c0
                f1, p, r = token_scores(got, want)
                row = dict(
                    peer=peer, folder=folder, name=name, split=split(name),
                    f1=f1, p=p, r=r, wall=wall, cpu=cpu, error=error,
                    ptok=len(tokens(got)), gtok=len(tokens(want)),
                )
                rows.append(row)
                log(row)
    return rows


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def table(rows):
    out = [
        "| folder | split | peer | pages | F1 | precision | recall | pages/s (wall) | pages/s (CPU) | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for folder in dict.fromkeys(r["folder"] for r in rows):
        for s in SPLITS:
            for peer in dict.fromkeys(r["peer"] for r in rows):
                rs = [r for r in rows if r["folder"] == folder and r["peer"] == peer and (s == "all" or r["split"] == s)]
                if not rs:
                    continue
                wall = sum(r["wall"] for r in rs)
                cpu = sum(r["cpu"] for r in rs)
                out.append(
                    f"| {folder} | {s} | {peer} | {len(rs)} | {mean([r['f1'] for r in rs]):.3f} "
                    f"| {mean([r['p'] for r in rs]):.3f} | {mean([r['r'] for r in rs]):.3f} "
                    f"| {len(rs) / wall:.1f} | {len(rs) / cpu:.1f} | {sum(1 for r in rs if r['error'])} |"
                )
    return "\n".join(out)


def line(r):
    return (
        f"{r['peer']:<16} {r['folder']:<13} {r['split']:<5} {r['name'][:36]:<36} "
        f"F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {r['ptok']:>6} / {r['gtok']:>6} tokens  "
        f"{r['wall'] * 1000:7.1f} ms{'  ' + r['error'] if r['error'] else ''}"
    )


def worst(rows, n=5):
    out = []
    for folder in dict.fromkeys(r["folder"] for r in rows):
        for peer in dict.fromkeys(r["peer"] for r in rows):
            rs = sorted(
                (r for r in rows if r["folder"] == folder and r["peer"] == peer and r["split"] == "val"),
                key=lambda r: r["f1"],
            )[:n]
            out.extend(line(r) for r in rs)
    return "\n".join(out)


def pin_one_core():
    """Pages per second on one core, as the issue's comparison asks: the
    extractors are single-threaded, and pinning keeps the scheduler from
    moving the process between the two cores mid-page."""
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


# --- The check against the JavaScript -------------------------------------

# Runs tests/e2e/tokens.mjs and scope-eval.mjs's split() on what it reads from
# standard input. split() and fnv1a() are taken from scope-eval.mjs's source
# text and evaluated alone: importing the module would import playwright-core
# (through browser.mjs), which a checkout has only after `make setup`.
NODE_CHECK = r"""
import fs from 'node:fs';
import { tokenF1 } from %(tokens)s;
const source = fs.readFileSync(new URL(%(scope)s), 'utf8');
const grab = (re) => {
  const m = source.match(re);
  if (!m) throw new Error(`not found in scope-eval.mjs: ${re}`);
  return m[0].replace(/^export /, '');
};
const split = new Function(`${grab(/^function fnv1a\(s\) \{[\s\S]*?^\}$/m)}
${grab(/^export function split\(name\) \{[\s\S]*?^\}$/m)}
return split;`)();
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { pairs, names } = JSON.parse(input);
// Over every code point (surrogates skipped: they never stand alone in a
// page's text): which are token characters, and what lower-casing makes of
// each one that it changes. Ranges keep the output small.
const word = [];
const lower = {};
let start = -1;
for (let c = 0; c <= 0x110000; c++) {
  const surrogate = c >= 0xd800 && c <= 0xdfff;
  const ch = c < 0x110000 && !surrogate ? String.fromCodePoint(c) : '';
  const isWord = ch !== '' && /^[\p{L}\p{N}]$/u.test(ch);
  if (isWord && start < 0) start = c;
  if (!isWord && start >= 0) { word.push([start, c - 1]); start = -1; }
  if (ch !== '' && ch.toLowerCase() !== ch) lower[c] = ch.toLowerCase();
}
process.stdout.write(JSON.stringify({
  f1: pairs.map(([g, w]) => tokenF1(g, w)),
  split: names.map(split),
  word,
  lower,
}));
"""


def word_ranges_py():
    out, start = [], -1
    for c in range(0x110001):
        ch = chr(c) if c < 0x110000 and not 0xD800 <= c <= 0xDFFF else ""
        is_word = ch != "" and _TOKEN.fullmatch(ch) is not None
        if is_word and start < 0:
            start = c
        if not is_word and start >= 0:
            out.append([start, c - 1])
            start = -1
    return out


def expand(ranges):
    return {c for a, b in ranges for c in range(a, b + 1)}


def check_pairs():
    """(prediction, gold) pairs that exercise the scorer: each page's gold
    against itself, the next page's gold, its own first half, its source's
    whole text (markup, scripts, menus: every script the page has), and
    nothing; plus the hard cases of lower-casing and word characters."""
    pairs = []
    for folder in DEFAULT_FOLDERS:
        names = pages_of(folder)
        for i, name in enumerate(names[::7]):
            want = gold(folder, name)
            other = gold(folder, names[(i * 7 + 1) % len(names)])
            source = read_text(PAGES / folder / name / "source.html")
            pairs += [(want, want), (other, want), (want[: len(want) // 2], want), (source, want), ("", want), (want, "")]
    hard = [
        "İstanbul'da ISTANBUL istanbul",  # dotted capital I: lower-cases to two code points
        "ΟΔΟΣ Οδός οδος ΣΑΣ",  # final sigma
        "snake_case under_score __x__",  # the underscore is no word character
        "café cafe\u0301 naïve",  # composed and combining accents
        "नमस्ते हिन्दी",  # Devanagari vowel signs (Mc, Mn)
        "٣٤٥ 345 ⅫⅣ ½ ² ①",  # digits of other scripts, Nl, No
        "東京都 2024年 ｶﾀｶﾅ ＡＢＣ",  # CJK, half- and full-width forms
        "👩‍👩‍👧 ❤️ #1 @who $5.00 e-mail co-op",
        "\ufeffBOM\u200bzero\u00adsoft\u00a0nbsp",
        "",
    ]
    pairs += [(a, b) for a in hard for b in hard]
    return pairs


def check():
    pairs = check_pairs()
    names = sorted({n for f in ALL_FOLDERS for n in pages_of(f)})
    names += ["", "é", "日本", "\U0001f600 emoji", "a" * 100]
    script = NODE_CHECK % {
        "tokens": json.dumps((ROOT / "tests" / "e2e" / "tokens.mjs").as_uri()),
        "scope": json.dumps((ROOT / "tests" / "e2e" / "scope-eval.mjs").as_uri()),
    }
    res = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps({"pairs": pairs, "names": names}),
        capture_output=True, text=True, check=True,
    )
    js = json.loads(res.stdout)
    ok = True

    bad = [(i, a, b) for i, (a, b) in enumerate(zip((token_scores(g, w)[0] for g, w in pairs), js["f1"])) if abs(a - b) > 1e-9]
    worst = max(abs(token_scores(g, w)[0] - j) for (g, w), j in zip(pairs, js["f1"]))
    print(f"token F1: {len(pairs)} pairs, {len(bad)} differ by more than 1e-9 (largest difference {worst:.1e})")
    for i, a, b in bad[:5]:
        print(f"  pair {i}: python {a!r} node {b!r}")
    ok &= not bad

    ours = [split(n) for n in names]
    diff = [n for n, a, b in zip(names, ours, js["split"]) if a != b]
    print(f"split: {len(names)} names ({len(names) - 5} pages of {', '.join(ALL_FOLDERS)}, 5 made up), {len(diff)} differ; "
          f"val: {ours.count('val')}")
    ok &= not diff

    # Character level: both sides' Unicode tables, code point by code point.
    # A difference here is a character one side's Unicode version has and the
    # other's lacks; it matters only if it occurs in a page.
    py_word, js_word = expand(word_ranges_py()), expand(js["word"])
    word_diff = sorted(py_word ^ js_word)
    js_lower = {int(c): s for c, s in js["lower"].items()}
    py_lower = {c: chr(c).lower() for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c).lower() != chr(c)}
    lower_diff = sorted(c for c in set(js_lower) | set(py_lower) if js_lower.get(c) != py_lower.get(c))
    seen = set()
    for folder in ALL_FOLDERS:
        for name in pages_of(folder):
            for f in ("source.html", "expected.txt", "expected.html"):
                if (PAGES / folder / name / f).exists():
                    seen |= {ord(ch) for ch in read_text(PAGES / folder / name / f)}
    in_pages = sorted(seen & (set(word_diff) | set(lower_diff)))
    print(f"word characters: python {len(py_word)}, node {len(js_word)}; only python's: {len(py_word - js_word)}, "
          f"only node's: {len(js_word - py_word)}")
    print(f"lower-casing: python changes {len(py_lower)} code points, node {len(js_lower)}; {len(lower_diff)} differ")
    print(f"of those, in any page of any folder: {len(in_pages)} {' '.join(f'U+{c:04X}' for c in in_pages[:20])}")
    ok &= not in_pages

    print("the Python scorer and split equal the JavaScript ones" if ok else "THE PORTS DIFFER")
    return ok


# --- main -----------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=DEFAULT_FOLDERS, help=f"of {', '.join(ALL_FOLDERS)}")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated, of " + ", ".join(PEERS))
    ap.add_argument("--check", action="store_true", help="compare the scorer and split with the JavaScript ones, and stop")
    ap.add_argument("--quiet", action="store_true", help="no line per page")
    args = ap.parse_args()

    if args.check:
        sys.exit(0 if check() else 1)

    unknown = [f for f in args.folders if f not in ALL_FOLDERS] + [p for p in args.peers.split(",") if p not in PEERS]
    if unknown:
        ap.error(f"unknown: {', '.join(unknown)}")
    missing = [f for f in args.folders if not pages_of(f)]
    if missing:
        sys.exit(f"no pages in {', '.join(str(PAGES / f) for f in missing)}")
    # The peers log every page they find hard to the root logger; the table
    # is the output here.
    logging.disable(logging.CRITICAL)
    peers = args.peers.split(",")
    cpu = pin_one_core()
    t0 = time.time()
    rows = measure(args.folders, peers, (lambda r: None) if args.quiet else (lambda r: print(line(r), flush=True)))
    summary = table(rows)
    versions = ", ".join(f"{p} {version(p)}" for p in peers)
    load = os.getloadavg()
    print(f"\n{summary}\n\n({versions}; {'CPU ' + str(cpu) if cpu is not None else 'unpinned'} of {os.cpu_count()}, "
          f"load average {load[0]:.1f} at the end; {time.time() - t0:.0f} s)")
    print(f"\nworst 5 validation pages per folder and peer:\n{worst(rows)}")
    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "scope-eval-peers.json").write_text(json.dumps(rows, indent=1))
    (artifacts / "scope-eval-peers.txt").write_text("\n".join(line(r) for r in rows) + f"\n\n{summary}\n")


if __name__ == "__main__":
    main()
