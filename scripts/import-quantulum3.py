#!/usr/bin/env python3
"""Imports what fits from quantulum3 (MIT, PyPI `quantulum3`) into PressLens.

Two outputs, both reproducible from the pinned wheel:

* ``--units FILE``: rewrites the imported section of the unit vocabulary
  (``data/figures_units.txt``, between the ``# BEGIN quantulum3`` and
  ``# END quantulum3`` marks): every unit of quantulum3's ``units.json``
  whose entity (dimension) a news figure plausibly measures and whose name
  the hand-written part above the marks does not already define, with its
  English surfaces (spelled out, singular; the matcher adds plurals in "s")
  and symbols. The hand-written part stays the authority: a form it already
  maps is never mapped again, so one look-up answers one way.
* ``--tests FILE``: converts quantulum3's own English test cases
  (``_lang/en_US/tests/quantities.json``) once into the evaluation line
  format (value, unit, text, char offsets), a second validation set beside
  NewsQuant dev. Units named "dimensionless" become ``null``.

Usage: ``python3 scripts/import-quantulum3.py --wheel DIR --units data/figures_units.txt
--tests tests/fixtures/figures-quantulum3-en.jsonl`` (``make units`` fetches the
wheel with ``pip download`` into a scratch directory first).
"""

import argparse
import json
import re
import sys
import zipfile

# quantulum3 entities (entities.json) a news figure measures, and the
# dimension PressLens gives them (src/figures/units.rs, Dimension). Entities left out (magnetic flux, catalytic activity, ...) are
# laboratory units whose short symbols would mostly misread news text.
ENTITIES = {
    "length": "length",
    "area": "area",
    "volume": "volume",
    "mass": "mass",
    "time": "time",
    "speed": "speed",
    "temperature": "temperature",
    "energy": "energy",
    "power": "power",
    "data storage": "data",
    "data transfer rate": "data rate",
    "currency": "currency",
    "pressure": "pressure",
    "frequency": "frequency",
    "force": "force",
    "angle": "angle",
    "electric potential": "electric potential",
    "current": "current",
    "sound level": "sound level",
    "volumetric flow": "volumetric flow",
    "torque": "torque",
    "radioactivity": "radioactivity",
}

# Forms that are common English words, names or marks in news text, which
# would turn "3 bars", "5 dams", "1 st", "Route 5 VA" or a closing quote into
# units. Matched case-sensitively, before and after the plural "s".
SKIP_FORMS = {
    # one or two characters: words, initials, state and street abbreviations
    "in", "at", "a", "am", "an", "as", "is", "it", "on", "or", "to", "no",
    "d", "G", "T", "P", "E", "S", "Y", "R", "F", "C", "K", "B", "b", "p", "q",
    "s", "t", "u", "x", "y", "Z", "M", "N", "A", "V", "W", "J", "H", "L",
    "g", "c", "h", "l", "m", "n", "k", "st", "sr", "ua", "pt", "Rd", "VA",
    "Pa", "pa", "PS", "Rs", "RM", "da", "US", "Gy", "Sv", "Ci", "Bq", "lb",
    "Da", "cd", "dB", "kn", "kb", "Mb", "Gb", "Ha", "mb",
    # common nouns whose news sense is no unit
    "bar", "barn", "cup", "drop", "span", "shake", "quarter", "league",
    "peck", "quad", "nibble", "ell", "pond", "tetrad", "quartet", "dam",
    "fur", "lea", "rad", "atmosphere", "stere", "gaj", "pk", "degree angle",
}


def load(zf, path):
    with zf.open(path) as f:
        return json.load(f)


def tokens(s):
    """A form as the figure tokens split it: runs of letters, runs of
    digits and single marks apart, joined by spaces ("km/h" -> "km / h",
    "acre-foot" -> "acre - foot")."""
    return " ".join(re.findall(r"[^\W\d_]+|\d+|[^\w\s]", s))


def forms_of(name, u):
    """The surface forms of one quantulum3 unit, as token sequences; a
    symbol of two characters may stand apart from its number ("~")."""
    forms = []
    for s in [name] + list(u.get("surfaces", [])) + list(u.get("symbols", [])):
        s = re.sub(r"\s+", " ", s.strip())
        singular = s[:-1] if s.endswith("s") else s
        if (
            not s
            or s in SKIP_FORMS
            or singular in SKIP_FORMS
            or not any(ch.isalnum() for ch in s)
            or s.split(" ")[0] in ("per", "force")
        ):
            continue
        tok = tokens(s)
        if len(s) == 2 and " " not in s:
            tok = "~" + tok
        if tok and tok not in forms:
            forms.append(tok)
    return forms


def key(form):
    """How the matcher looks a form up: lowercase forms of three characters
    or more in any case, every other form exactly as written."""
    f = form.lstrip("~").strip()
    return f if len(f) < 3 or f != f.lower() else f.lower()


def known(lines):
    """The hand-written part: the names it defines (lowercased), and for
    each of its forms (lowercased, without "~") the name and dimension."""
    names, forms = set(), {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if "|" not in line:
            continue
        parts = [p.strip() for p in line.split("|")]
        # Scales ("m" for million) are no units: they take no form from
        # a unit the import would otherwise bring.
        if parts[1] == "scale":
            continue
        names.add(parts[0].lower())
        for f in parts[2].split(";"):
            forms[key(f.strip())] = (parts[0], parts[1])
    return names, forms


def units_section(zf, hand):
    """The imported lines. A quantulum3 unit that shares a form with a
    hand-written unit of the same dimension is that unit: its other forms
    are imported under the hand-written name ("degree centigrade" is
    "celsius"). A form taken already is never imported again."""
    units = load(zf, "quantulum3/units.json")
    # The dimensions come from quantulum3's entities.json: a name mapped
    # above that it no longer lists is an error, not a silent gap.
    entities = load(zf, "quantulum3/entities.json")
    gone = sorted(e for e in ENTITIES if e not in entities)
    if gone:
        sys.exit(f"entities.json lacks {gone}: update ENTITIES")
    names, hand_forms = known(hand)
    taken = dict(hand_forms)
    out = []
    for name in sorted(units):
        u = units[name]
        dim = ENTITIES.get(u.get("entity", ""))
        if dim is None or dim == "currency":
            continue
        forms = forms_of(name, u)
        keys = [key(f) for f in forms]
        same = {hand_forms[k] for k in keys if k in hand_forms and hand_forms[k][1] == dim}
        if name.lower() in names and not same:
            continue
        line_name = sorted(same)[0][0] if len(same) == 1 else name
        if len(same) > 1:
            continue  # forms of two hand-written units: which is unclear
        new = []
        for f, k in zip(forms, keys):
            if k in taken or any(ch in f for ch in "|;#"):
                continue
            taken[k] = (line_name, dim)
            new.append(f)
        if new:
            out.append(f"{line_name} | {dim} | " + " ; ".join(new))
    return out


def write_units(zf, path):
    text = open(path, encoding="utf-8").read()
    begin, end = "# BEGIN quantulum3\n", "# END quantulum3\n"
    if begin not in text or end not in text:
        sys.exit(f"{path}: no '# BEGIN quantulum3' / '# END quantulum3' marks")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    body = units_section(zf, head.splitlines())
    note = (
        "# Generated by scripts/import-quantulum3.py (make units) from quantulum3\n"
        "# 0.10.0 units.json (MIT); edit the hand-written part above, not this.\n"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + begin + note + "\n".join(body) + "\n" + end + tail)
    print(f"{path}: {len(body)} units imported", file=sys.stderr)


def write_tests(zf, path):
    cases = load(zf, "quantulum3/_lang/en_US/tests/quantities.json")
    with open(path, "w", encoding="utf-8") as f:
        for n, case in enumerate(cases):
            text = case["req"]
            figures, at = [], 0
            for r in case["res"]:
                s = text.find(r["surface"], at)
                if s < 0:
                    s = text.find(r["surface"])
                start, end = (s, s + len(r["surface"])) if s >= 0 else (None, None)
                if s >= 0:
                    at = s
                unit = r["unit"]
                figures.append({
                    "value": r["value"],
                    "unit": None if unit == "dimensionless" else unit,
                    "text": r["surface"],
                    "start": start,
                    "end": end,
                    "concept": None,
                })
            line = {
                "id": f"quantulum3:{n:04d}",
                "source": "quantulum3/en_US/tests/quantities.json",
                "text": text,
                "layers": ["figures"],
                "quotes": [],
                "parties": [],
                "figures": figures,
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{path}: {len(cases)} cases", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", required=True, help="the quantulum3 wheel (.whl)")
    ap.add_argument("--units", help="unit vocabulary to update")
    ap.add_argument("--tests", help="evaluation JSONL to write")
    a = ap.parse_args()
    with zipfile.ZipFile(a.wheel) as zf:
        if a.units:
            write_units(zf, a.units)
        if a.tests:
            write_tests(zf, a.tests)


if __name__ == "__main__":
    main()
