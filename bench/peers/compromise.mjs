// Peer baseline: compromise (npm) on the gold dev sets, written as predictions
// for `presslens eval --predictions`.
//
//   node bench/peers/compromise.mjs GOLD.jsonl... [--out PRED.jsonl]
//
// Each output line is {"id", "quotes", "parties", "figures"} in the report
// schema of README.md, with Unicode CHARACTER offsets (code points, Python
// string indices). compromise reports offsets as JS string indices (UTF-16
// code units); `toCodePoints` converts them, so a text with emoji or other
// astral characters still lines up with the gold.
//
// The mapping is deliberately plain: compromise's own output, with as little
// of our own logic as makes it scorable. Choices are documented where made.
import fs from 'node:fs';
import nlp from 'compromise';

/** A map from UTF-16 index to code-point index, for every index 0..=length. */
function toCodePoints(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  let i = 0;
  for (const ch of text) {
    // A surrogate pair takes two UTF-16 units; both map to the same code point.
    for (let k = 0; k < ch.length; k++) map[i + k] = cp;
    i += ch.length;
    cp += 1;
  }
  map[i] = cp;
  return (u) => map[Math.max(0, Math.min(u, text.length))];
}

// compromise's match text keeps adjacent punctuation ("Paris.", "John
// Smith,"): trim spaces and punctuation from both ends (keeping $ % and
// currency signs, which belong to figures), as the scorer would anyway.
const EDGE = /[\s.,;:!?()\[\]{}"“”‘’'«»—–-]/u;
function trimmed(text, s, e) {
  while (s < e && EDGE.test(text[s])) s++;
  while (e > s && EDGE.test(text[e - 1])) e--;
  return [s, e];
}

/** Matches of a compromise view as {start, end, text, json} in UTF-16 units. */
function spans(view, text, { trim = true } = {}) {
  return view.json({ offset: true, terms: false }).map((m) => {
    // compromise's offset.start points at the first term's word, after any
    // leading punctuation (an opening quote mark), while offset.length and
    // the match text include that punctuation: move the start back over it.
    let s = m.offset.start;
    const pre = m.text.match(/^[^\p{L}\p{N}$€£¥₪]*/u)[0];
    if (pre && text.slice(s - pre.length, s) === pre) s -= pre.length;
    let e = Math.min(text.length, s + m.offset.length);
    if (trim) [s, e] = trimmed(text, s, e);
    return { start: s, end: e, text: text.slice(s, e), json: m };
  }).filter((m) => m.end > m.start);
}

// Currency signs and words compromise leaves as a number's prefix or suffix.
const CURRENCY = { $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yen', '₪': 'shekel' };

function predict(id, text) {
  const cp = toCodePoints(text);
  const doc = nlp(text);
  const out = { id, quotes: [], parties: [], figures: [] };

  // Parties: .people() -> person, .organizations() -> organization,
  // .places() -> place. compromise has no notion of groups (peoples,
  // collectives), so no "group" kind is ever produced. It does not resolve
  // aliases either: mentions are merged into one party only when their
  // trimmed text is identical (the scorer reads mentions, not merging, so
  // this only keeps the report tidy).
  const people = [];
  const byKey = new Map();
  for (const [view, kind] of [[doc.people(), 'person'], [doc.organizations(), 'organization'], [doc.places(), 'place']]) {
    for (const m of spans(view, text)) {
      const mention = { start: cp(m.start), end: cp(m.end), text: m.text };
      if (kind === 'person') people.push(mention);
      const key = `${kind}\u0000${m.text}`;
      if (!byKey.has(key)) {
        byKey.set(key, out.parties.length);
        out.parties.push({ name: m.text, kind, role: null, mentions: [] });
      }
      const party = out.parties[byKey.get(key)];
      // A span can come out of two views only if compromise tags it twice; keep one.
      if (!party.mentions.some((x) => x.start === mention.start && x.end === mention.end)) party.mentions.push(mention);
    }
  }

  // Quotes: .quotations(), spans kept with their marks (like ours). Speaker
  // heuristic, documented as a baseline: among the person mentions found
  // above that lie outside the quote but in a sentence (compromise's sentence
  // split) overlapping the quote, take the nearest one by character distance
  // to the quote; none -> speaker null. No pronouns, no organisations as
  // speakers, no cue verbs: compromise has no attribution, so `cue` is null.
  const sentences = spans(doc.sentences(), text, { trim: false }).map((s) => [cp(s.start), cp(s.end)]);
  for (const m of spans(doc.quotations(), text, { trim: false })) {
    const [qs, qe] = [cp(m.start), cp(m.end)];
    const sents = sentences.filter(([s, e]) => s < qe && qs < e);
    const lo = Math.min(qs, ...sents.map((s) => s[0]));
    const hi = Math.max(qe, ...sents.map((s) => s[1]));
    let best = null;
    let bestDist = Infinity;
    for (const p of people) {
      if (p.start >= qs && p.end <= qe) continue; // inside the quote itself
      if (p.start < lo || p.end > hi) continue; // not in the quote's sentence(s)
      const dist = p.start >= qe ? p.start - qe : qs - p.end;
      if (dist < bestDist) [best, bestDist] = [p, dist];
    }
    out.quotes.push({
      start: qs,
      end: qe,
      text: m.text,
      speaker: best && { name: best.text, start: best.start, end: best.end, named: true, party: null },
      cue: null,
    });
  }

  // Figures: .numbers(), plus any .money() / .percentages() match that no
  // number match overlaps. value = compromise's parsed number (json.number.num;
  // money and percentages that come without one get null, which never matches
  // a gold value). compromise's numbers keep "30%" as 30, as the gold does.
  // unit: a currency sign in the prefix or the matched text -> its name;
  // "%" / "percent" -> "percentage"; else compromise's own number.unit when it
  // gives one; else the next term when compromise tags it a Noun (the counted
  // noun, "40 tons" -> "tons"), which is what our `counts` field does too.
  const termTags = doc.terms().json({ offset: true }).map((t) => ({
    start: t.offset.start,
    tags: t.terms[0].tags,
    text: t.terms[0].text,
  }));
  const nextNoun = (end) => {
    const t = termTags.find((x) => x.start >= end);
    if (!t || !t.tags.includes('Noun') || t.tags.includes('Value') || t.tags.includes('Pronoun')) return null;
    // Only a noun that follows the number directly (spaces only in between).
    return /^\s*$/.test(text.slice(end, t.start)) ? t.text.trim() : null;
  };
  const seen = [];
  const figure = (m) => {
    if (seen.some(([s, e]) => s < m.end && m.start < e)) return;
    seen.push([m.start, m.end]);
    const n = m.json.number;
    const value = n && typeof n.num === 'number' && Number.isFinite(n.num) ? n.num : null;
    const around = `${n?.prefix ?? ''} ${m.text} ${n?.suffix ?? ''}`;
    let unit = null;
    const sign = [...around].find((c) => CURRENCY[c]);
    if (sign) unit = CURRENCY[sign];
    else if (/%|\bper ?cent\b/i.test(around)) unit = 'percentage';
    else if (n?.unit) unit = n.unit;
    else unit = nextNoun(m.end);
    out.figures.push({
      start: cp(m.start), end: cp(m.end), text: m.text,
      value, unit, counts: null, approximate: false, relations: [],
    });
  };
  for (const m of spans(doc.numbers(), text)) figure(m);
  for (const m of spans(doc.money(), text)) figure(m);
  for (const m of spans(doc.percentages(), text)) figure(m);
  return out;
}

const args = process.argv.slice(2);
let outPath = null;
const golds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') outPath = args[++i];
  else golds.push(args[i]);
}
if (golds.length === 0) {
  console.error('usage: node bench/peers/compromise.mjs GOLD.jsonl... [--out PRED.jsonl]');
  process.exit(2);
}
const lines = [];
let failed = 0;
for (const path of golds) {
  fs.readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const doc = JSON.parse(line);
      lines.push(JSON.stringify(predict(doc.id, doc.text)));
    } catch (e) {
      console.error(`compromise.mjs: ${path}:${i + 1}: ${e.message}`);
      failed += 1;
    }
  });
}
const body = lines.map((l) => `${l}\n`).join('');
if (outPath) fs.writeFileSync(outPath, body);
else process.stdout.write(body);
process.exit(failed ? 1 : 0);
