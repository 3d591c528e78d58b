//! `presslens eval`: scores the engine against human-annotated gold documents.
//!
//! The gold format and the scoring rules are those of `shared/eval/README.md`:
//! offsets are Unicode characters; each document says which layers it fully
//! annotates, and only those layers are scored on it.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::{Map, Value};

use presslens::offsets;
use presslens::offsets::Unit;
use presslens::parties::tagger::Model;
use presslens::report::{Mention, Party, PartyKind, Report};

/// One line of a gold JSONL file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub layers: Vec<String>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub parties: Vec<GoldParty>,
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_spans: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldParty {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldFigure {
    pub value: Option<f64>,
    pub unit: Option<String>,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
}

/// True/false positive counts for one measure.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// `matched` of `pred` predictions paired with `gold` gold items.
    pub fn of(matched: usize, pred: usize, gold: usize) -> Counts {
        Counts {
            tp: matched,
            fp: pred - matched,
            fn_: gold - matched,
        }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores over a set of documents, summed.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub docs: [usize; 3],
    pub quotes: Counts,
    pub quotes_exact: Counts,
    /// Matched quotes whose gold has a speaker, and how many of those we got.
    pub speakers: (usize, usize),
    pub parties: Counts,
    pub parties_typed: Counts,
    /// Typed counts per gold/predicted kind: person, organization, place, group.
    pub parties_by_kind: [Counts; 4],
    pub figures_value: Counts,
    pub figures_value_unit: Counts,
    /// The same two measures with the gold's value-less figures left out
    /// on both sides ([`dont_care`]): a value-less prediction where the
    /// gold has a value-less figure is neither right nor wrong.
    pub figures_value_sym: Counts,
    pub figures_value_unit_sym: Counts,
}

fn kind_index(k: PartyKind) -> usize {
    match k {
        PartyKind::Person => 0,
        PartyKind::Organization => 1,
        PartyKind::Place => 2,
        PartyKind::Group => 3,
    }
}

/// Scores one document, given the report made on its text in char offsets.
pub fn score(doc: &GoldDoc, report: &Report, into: &mut Scores) {
    let chars: Vec<char> = doc.text.chars().collect();
    if doc.layers.iter().any(|l| l == "quotes") {
        into.docs[0] += 1;
        score_quotes(&chars, doc, report, into);
    }
    if doc.layers.iter().any(|l| l == "parties") {
        into.docs[1] += 1;
        score_parties(&chars, doc, report, into);
    }
    if doc.layers.iter().any(|l| l == "figures") {
        into.docs[2] += 1;
        score_figures(doc, report, into);
    }
}

/// Trims quote marks, spaces and edge punctuation from a char span.
pub fn trim_span(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    e = e.min(chars.len());
    s = s.min(e);
    let edge = |c: char| c.is_whitespace() || (!c.is_alphanumeric() && c != '$' && c != '%');
    while s < e && edge(chars[s]) {
        s += 1;
    }
    while e > s && edge(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

pub fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Greedy one-to-one matching by descending score above `min`.
pub fn match_pairs(
    n_pred: usize,
    n_gold: usize,
    min: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for p in 0..n_pred {
        for g in 0..n_gold {
            let s = score(p, g);
            if s >= min {
                cands.push((s, p, g));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut up, mut ug) = (vec![false; n_pred], vec![false; n_gold]);
    let mut out = Vec::new();
    for (_, p, g) in cands {
        if !up[p] && !ug[g] {
            up[p] = true;
            ug[g] = true;
            out.push((p, g));
        }
    }
    out
}

fn name_words(s: &str) -> HashSet<String> {
    const SKIP: &[&str] = &[
        "a", "an", "the", "of", "he", "she", "they", "it", "his", "her", "mr", "mrs", "ms", "dr",
        "said", "says",
    ];
    s.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.to_lowercase())
        .filter(|w| w.len() > 1 && !SKIP.contains(&w.as_str()))
        .collect()
}

/// Whether a predicted speaker (its mention span in chars, and its name)
/// counts as the gold quote's speaker: the mention overlaps a gold source
/// span, or the name or mention shares a name word with the gold speaker.
pub fn speaker_matches(chars: &[char], span: (usize, usize), name: &str, gq: &GoldQuote) -> bool {
    let overlaps = gq
        .speaker_spans
        .iter()
        .any(|&(s, e)| span.0 < e && s < span.1);
    if overlaps {
        return true;
    }
    let gw = name_words(gq.speaker.as_deref().unwrap_or(""));
    let mention: String = chars[span.0.min(chars.len())..span.1.min(chars.len())]
        .iter()
        .collect();
    name_words(name)
        .union(&name_words(&mention))
        .any(|w| gw.contains(w))
}

fn score_quotes(chars: &[char], doc: &GoldDoc, report: &Report, into: &mut Scores) {
    let pred: Vec<(usize, usize)> = report
        .quotes
        .iter()
        .map(|q| trim_span(chars, q.start, q.end))
        .collect();
    let gold: Vec<(usize, usize)> = doc
        .quotes
        .iter()
        .map(|q| trim_span(chars, q.start, q.end))
        .collect();
    for (min, counts) in [(0.5, &mut into.quotes), (0.95, &mut into.quotes_exact)] {
        let m = match_pairs(pred.len(), gold.len(), min, |p, g| iou(pred[p], gold[g]));
        counts.add(Counts::of(m.len(), pred.len(), gold.len()));
        if min < 0.9 {
            for (p, g) in m {
                let gq = &doc.quotes[g];
                if gq.speaker.is_none() && gq.speaker_spans.is_empty() {
                    continue;
                }
                into.speakers.0 += 1;
                let Some(sp) = &report.quotes[p].speaker else {
                    continue;
                };
                if speaker_matches(chars, (sp.start, sp.end), &sp.name, gq) {
                    into.speakers.1 += 1;
                }
            }
        }
    }
}

/// Normalises a mention span: drops a possessive ’s and a leading "the".
fn norm_mention(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = trim_span(chars, s, e);
    let text: String = chars[s..e].iter().collect();
    let lower = text.to_lowercase();
    if lower.starts_with("the ") {
        s += 4;
    }
    if e >= s + 2 && presslens::text::ends_possessive(&text) {
        e -= 2;
    } else if e > s && (text.ends_with('’') || text.ends_with('\'')) {
        e -= 1;
    }
    (s, e)
}

/// Whether a predicted kind counts for a gold one (a group speaking as
/// people or as an organisation counts as either).
fn kind_ok(p: PartyKind, g: PartyKind) -> bool {
    p == g || p == PartyKind::Group && matches!(g, PartyKind::Person | PartyKind::Organization)
}

/// The gold party mentions (of a kind the scores count) that no mention of
/// `report` (char offsets) finds with that kind, each with its kind and the
/// engine rules that fired on spans overlapping it
/// ([`presslens::parties::explain`]; empty when no rule did): what
/// `presslens eval --explain` prints.
pub fn party_misses(doc: &GoldDoc, report: &Report) -> Vec<(String, String, Vec<&'static str>)> {
    let chars: Vec<char> = doc.text.chars().collect();
    let pred = predicted_mentions(&chars, report);
    let byte_of: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([doc.text.len()])
        .collect();
    let mut rules: Option<Vec<(usize, usize, presslens::parties::Rule)>> = None;
    let mut out = Vec::new();
    for g in &doc.parties {
        let Some(kind) = PartyKind::from_name(&g.kind) else {
            continue;
        };
        let span = norm_mention(&chars, g.start, g.end);
        if span.1 >= byte_of.len() || pred.iter().any(|p| p.span == span && kind_ok(p.kind, kind)) {
            continue;
        }
        let (bs, be) = (byte_of[span.0], byte_of[span.1]);
        let rules = rules.get_or_insert_with(|| {
            presslens::parties::explain(&presslens::text::Doc::new(&doc.text))
        });
        let fired = rules
            .iter()
            .filter(|&&(rs, re, _)| rs < be && bs < re)
            .map(|r| r.2.describe())
            .collect();
        out.push((doc.text[bs..be].to_string(), g.kind.clone(), fired));
    }
    out
}

fn score_parties(chars: &[char], doc: &GoldDoc, report: &Report, into: &mut Scores) {
    let m = PartyMentions::of(chars, doc, report);
    let (pred, gold) = (&m.pred, &m.gold);
    let untyped = match_pairs(pred.len(), gold.len(), 1.0, |p, g| {
        if pred[p].span == gold[g].span {
            1.0
        } else {
            0.0
        }
    });
    into.parties
        .add(Counts::of(untyped.len(), pred.len(), gold.len()));
    let typed = match_pairs(pred.len(), gold.len(), 1.0, |p, g| {
        if pred[p].span == gold[g].span && kind_ok(pred[p].kind, gold[g].kind) {
            1.0
        } else {
            0.0
        }
    });
    into.parties_typed
        .add(Counts::of(typed.len(), pred.len(), gold.len()));
    let matched = Matched::of(&typed);
    for (a, b) in into.parties_by_kind.iter_mut().zip(m.by_kind(&matched)) {
        a.add(b);
    }
    // PRESSLENS_EVAL_ERRORS=1: every unmatched typed mention on stderr, one
    // a line (FP: predicted, FN: gold), for error analysis.
    if std::env::var_os("PRESSLENS_EVAL_ERRORS").is_some() {
        m.print_errors(chars, doc, report, &matched);
    }
}

/// A party mention as scored: its normalised char span ([`norm_mention`])
/// and its kind.
#[derive(Debug, Clone, Copy)]
struct Typed {
    span: (usize, usize),
    kind: PartyKind,
}

/// The mentions of `report` (char offsets), normalised, each with its
/// party's kind.
fn predicted_mentions(chars: &[char], report: &Report) -> Vec<Typed> {
    report
        .parties
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (m.start, m.end, p.kind)))
        .map(|(s, e, kind)| Typed {
            span: norm_mention(chars, s, e),
            kind,
        })
        .collect()
}

/// One document's party mentions as the scores count them.
struct PartyMentions {
    /// Gold mentions of a kind the scores count.
    gold: Vec<Typed>,
    /// Predicted mentions, less those on a span gold calls "other" (a
    /// kind it does not score) and no counted gold mention shares.
    pred: Vec<Typed>,
    /// The spans gold calls "other".
    other: HashSet<(usize, usize)>,
}

impl PartyMentions {
    fn of(chars: &[char], doc: &GoldDoc, report: &Report) -> PartyMentions {
        let mut gold = Vec::new();
        let mut other = HashSet::new();
        for g in &doc.parties {
            let span = norm_mention(chars, g.start, g.end);
            match PartyKind::from_name(&g.kind) {
                Some(kind) => gold.push(Typed { span, kind }),
                None => {
                    other.insert(span);
                }
            }
        }
        let pred = predicted_mentions(chars, report)
            .into_iter()
            .filter(|p| !other.contains(&p.span) || gold.iter().any(|g| g.span == p.span))
            .collect();
        PartyMentions { gold, pred, other }
    }

    /// Typed counts per kind ([`kind_index`]): a match counts for its gold
    /// kind, an unmatched prediction or gold mention for its own.
    fn by_kind(&self, matched: &Matched) -> [Counts; 4] {
        let mut by = [Counts::default(); 4];
        for &g in &matched.gold {
            by[kind_index(self.gold[g].kind)].tp += 1;
        }
        for (i, p) in self.pred.iter().enumerate() {
            if !matched.pred.contains(&i) {
                by[kind_index(p.kind)].fp += 1;
            }
        }
        for (i, g) in self.gold.iter().enumerate() {
            if !matched.gold.contains(&i) {
                by[kind_index(g.kind)].fn_ += 1;
            }
        }
        by
    }

    /// Prints every unmatched typed mention (FP: predicted, FN: gold) and
    /// every prediction on a span gold calls "other" (OT, not scored).
    fn print_errors(&self, chars: &[char], doc: &GoldDoc, report: &Report, matched: &Matched) {
        let show = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
        for (_, p) in self
            .pred
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched.pred.contains(i))
        {
            eprintln!("FP\t{}\t{:?}\t{}", doc.id, p.kind, show(p.span));
        }
        for (_, g) in self
            .gold
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched.gold.contains(i))
        {
            eprintln!("FN\t{}\t{:?}\t{}", doc.id, g.kind, show(g.span));
        }
        for p in &report.parties {
            for m in &p.mentions {
                let sp = norm_mention(chars, m.start, m.end);
                if self.other.contains(&sp) && !self.gold.iter().any(|g| g.span == sp) {
                    eprintln!("OT\t{}\t{:?}\t{}", doc.id, p.kind, show(sp));
                }
            }
        }
    }
}

/// The predictions and gold mentions a typed matching paired (one to one),
/// by index: what [`PartyMentions::by_kind`] and the error listing ask.
struct Matched {
    pred: HashSet<usize>,
    gold: HashSet<usize>,
}

impl Matched {
    fn of(pairs: &[(usize, usize)]) -> Matched {
        Matched {
            pred: pairs.iter().map(|x| x.0).collect(),
            gold: pairs.iter().map(|x| x.1).collect(),
        }
    }
}

/// Unit words, lowercased, singular, spelled one way, with symbols named.
fn unit_words(s: &str) -> HashSet<String> {
    const SKIP: &[&str] = &["of", "per", "a", "an", "the", "and", "in"];
    let mut out = HashSet::new();
    let named = s
        .replace('$', " dollar ")
        .replace('%', " percentage ")
        .replace('€', " euro ")
        .replace('£', " pound ")
        .replace('¥', " yen ")
        .replace('₪', " shekel ");
    for w in named.split(|c: char| !c.is_alphanumeric()) {
        let mut w = w.to_lowercase();
        if w.is_empty() || SKIP.contains(&w.as_str()) {
            continue;
        }
        w = match w.as_str() {
            "percent" | "cent" if s.to_lowercase().contains("per cent") || w == "percent" => {
                "percentage".into()
            }
            "usd" => "dollar".into(),
            "eur" => "euro".into(),
            "gbp" => "pound".into(),
            "feet" => "foot".into(),
            "people" | "persons" => "person".into(),
            "meter" | "meters" => "metre".into(),
            "kilometer" | "kilometers" | "km" => "kilometre".into(),
            "mph" => "mile per hour".into(),
            _ => w,
        };
        if w.ends_with("ies") && w.len() > 4 {
            w = format!("{}y", &w[..w.len() - 3]);
        } else if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
            w.pop();
        }
        for part in w.split(' ') {
            if !SKIP.contains(&part) {
                out.insert(part.to_string());
            }
        }
    }
    out
}

/// Whether a predicted figure has the gold unit: its unit or counted noun
/// shares a unit word with the gold unit, or neither has a unit.
fn unit_matches(gold: Option<&str>, pred: &presslens::Figure) -> bool {
    let gw = match gold {
        Some(u) => unit_words(u),
        None => return pred.unit.is_none(),
    };
    let mut pw = unit_words(pred.unit.as_deref().unwrap_or(""));
    pw.extend(unit_words(pred.counts.as_deref().unwrap_or("")));
    pw.iter().any(|w| gw.contains(w))
}

fn score_figures(doc: &GoldDoc, report: &Report, into: &mut Scores) {
    let gold: Vec<&GoldFigure> = doc.figures.iter().filter(|g| g.value.is_some()).collect();
    let pred = &report.figures;
    let same_value = |p: usize, g: usize| match (pred[p].value, gold[g].value) {
        (Some(a), Some(b)) => same_value(a, b),
        _ => false,
    };
    let unit_ok = |p: usize, g: usize| unit_matches(gold[g].unit.as_deref(), &pred[p]);
    let near = |p: usize, g: usize| match (gold[g].start, gold[g].end) {
        (Some(s), Some(e)) => pred[p].start < e && s < pred[p].end,
        _ => false,
    };
    // Value matches, preferring a unit match and then an overlapping span.
    let m = match_pairs(pred.len(), gold.len(), 1.0, |p, g| {
        if same_value(p, g) {
            1.0 + unit_ok(p, g) as u8 as f64 + 0.5 * near(p, g) as u8 as f64
        } else {
            0.0
        }
    });
    into.figures_value
        .add(Counts::of(m.len(), pred.len(), gold.len()));
    let mu = m.iter().filter(|&&(p, g)| unit_ok(p, g)).count();
    into.figures_value_unit
        .add(Counts::of(mu, pred.len(), gold.len()));
    // A value-less prediction never matches (its value is no number), so
    // the don't-cares only leave the count of predictions.
    let ignored = dont_care(doc, pred);
    into.figures_value_sym
        .add(Counts::of(m.len(), pred.len() - ignored, gold.len()));
    into.figures_value_unit_sym
        .add(Counts::of(mu, pred.len() - ignored, gold.len()));
}

/// How many of the value-less predictions `pred` are "don't care": the
/// scorer leaves the gold's value-less figures (ranges, changes, vague
/// amounts: "15 to 22 miles per hour") out of the gold, so a value-less
/// prediction of the same figure is left out too, the usual ignore-region
/// rule. A gold value-less figure with a span ignores the value-less
/// predictions that overlap it; one without a span (NewsQuant writes them
/// so) ignores one value-less prediction of its document (a NewsQuant
/// line is one sentence), one for one,
/// those with its unit first. Any other value-less prediction is still a
/// false positive.
fn dont_care(doc: &GoldDoc, pred: &[presslens::Figure]) -> usize {
    let valueless: Vec<usize> = (0..pred.len())
        .filter(|&p| pred[p].value.is_none())
        .collect();
    let mut used = vec![false; pred.len()];
    let regions = doc.figures.iter().filter(|g| g.value.is_none());
    let (spanned, loose): (Vec<&GoldFigure>, Vec<&GoldFigure>) =
        regions.partition(|g| g.start.is_some() && g.end.is_some());
    for g in spanned {
        let (s, e) = (g.start.unwrap_or(0), g.end.unwrap_or(0));
        for &p in &valueless {
            if pred[p].start < e && s < pred[p].end {
                used[p] = true;
            }
        }
    }
    // Loose regions, each once: a prediction sharing its unit first, then
    // any.
    let mut done = vec![false; loose.len()];
    for want_unit in [true, false] {
        for (g, done) in loose.iter().zip(done.iter_mut()) {
            if *done {
                continue;
            }
            let pick = valueless
                .iter()
                .copied()
                .find(|&p| !used[p] && (!want_unit || unit_matches(g.unit.as_deref(), &pred[p])));
            if let Some(p) = pick {
                used[p] = true;
                *done = true;
            }
        }
    }
    used.iter().filter(|&&u| u).count()
}

impl Scores {
    /// Adds another set of scores into this one.
    pub fn merge(&mut self, o: &Scores) {
        for i in 0..3 {
            self.docs[i] += o.docs[i];
        }
        self.quotes.add(o.quotes);
        self.quotes_exact.add(o.quotes_exact);
        self.speakers.0 += o.speakers.0;
        self.speakers.1 += o.speakers.1;
        self.parties.add(o.parties);
        self.parties_typed.add(o.parties_typed);
        for k in 0..4 {
            self.parties_by_kind[k].add(o.parties_by_kind[k]);
        }
        self.figures_value.add(o.figures_value);
        self.figures_value_unit.add(o.figures_value_unit);
        self.figures_value_sym.add(o.figures_value_sym);
        self.figures_value_unit_sym.add(o.figures_value_unit_sym);
    }

    /// The table `presslens eval` prints.
    pub fn table(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "{:<28} {:>5} {:>6} {:>6} {:>6} {:>6}\n",
            "measure", "docs", "gold", "P", "R", "F1"
        ));
        let mut row = |name: &str, docs: usize, c: &Counts| {
            s.push_str(&format!(
                "{:<28} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3}\n",
                name,
                docs,
                c.tp + c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            ));
        };
        if self.docs[0] > 0 {
            row("quotes (IoU>=0.5)", self.docs[0], &self.quotes);
            row("quotes exact (IoU>=0.95)", self.docs[0], &self.quotes_exact);
        }
        if self.docs[1] > 0 {
            row("parties mentions", self.docs[1], &self.parties);
            row("parties typed", self.docs[1], &self.parties_typed);
            for (k, name) in ["  person", "  organization", "  place", "  group"]
                .iter()
                .enumerate()
            {
                row(name, self.docs[1], &self.parties_by_kind[k]);
            }
        }
        if self.docs[2] > 0 {
            row("figures value", self.docs[2], &self.figures_value);
            row("figures value+unit", self.docs[2], &self.figures_value_unit);
            // The same, a value-less prediction of a value-less gold figure
            // left out as the gold's is ([`dont_care`]).
            row("figures value, sym.", self.docs[2], &self.figures_value_sym);
            row(
                "figures value+unit, sym.",
                self.docs[2],
                &self.figures_value_unit_sym,
            );
        }
        if self.docs[0] > 0 {
            s.push_str(&format!(
                "{:<28} {:>5} {:>6} {:>27.3}\n",
                "speaker accuracy",
                self.docs[0],
                self.speakers.0,
                ratio(self.speakers.1, self.speakers.0)
            ));
        }
        s
    }
}

/// The tagger's names alone as a report in char offsets, one party per
/// mention, so that it is scored by exactly the rules of `presslens eval`.
pub fn tagger_report(m: &Model, text: &str) -> Report {
    let spans: Vec<_> = m
        .tag_text(text)
        .into_iter()
        .filter_map(|(s, e, k)| Some((s, e, k.party_kind()?)))
        .collect();
    let mut offs: Vec<usize> = spans.iter().flat_map(|&(s, e, _)| [s, e]).collect();
    offsets::convert(text, Unit::Char, &mut offs);
    let parties = spans
        .iter()
        .zip(offs.chunks_exact(2))
        .map(|(&(s, e, k), o)| Party {
            name: text[s..e].to_string(),
            kind: k,
            role: None,
            mentions: vec![Mention {
                start: o[0],
                end: o[1],
                text: text[s..e].to_string(),
            }],
        })
        .collect();
    Report {
        parties,
        ..Report::default()
    }
}

/// Whether two figure values are the same number (to a millionth, as the
/// gold writes them).
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The byte offset of each character of `text`, and its length last: char
/// offsets (the gold's) to byte offsets (the engine's rules').
fn char_bytes(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

/// The gold figures (with a value and a span) that no figure of `report`
/// (char offsets) finds with that value, each with the engine rule that
/// dropped a number inside it ([`presslens::figures::not_figures`]); when
/// no rule names one, "range or amount with no value" or "read with
/// another value" after the figure found there, else "not read": what
/// `presslens eval --explain` prints.
pub fn figure_misses(doc: &GoldDoc, report: &Report) -> Vec<(String, &'static str)> {
    let text = &doc.text;
    let byte_of = char_bytes(text);
    let mut rules: Option<Vec<(usize, usize, &'static str)>> = None;
    let mut out = Vec::new();
    for g in &doc.figures {
        let (Some(v), Some(s), Some(e)) = (g.value, g.start, g.end) else {
            continue;
        };
        let found = report
            .figures
            .iter()
            .any(|p| p.start < e && s < p.end && p.value.is_some_and(|x| same_value(x, v)));
        if found || e > byte_of.len() - 1 || s >= e {
            continue;
        }
        let (bs, be) = (byte_of[s], byte_of[e]);
        let rules = rules.get_or_insert_with(|| {
            presslens::figures::not_figures(&presslens::text::Doc::new(text))
        });
        // No rule dropped a number: a figure read there may still carry no
        // value (a range, a score, a vague amount) or another one.
        let over: Vec<&presslens::Figure> = report
            .figures
            .iter()
            .filter(|p| p.start < e && s < p.end)
            .collect();
        let read_as = if over.iter().any(|p| p.value.is_none()) {
            "range or amount with no value"
        } else if !over.is_empty() {
            "read with another value"
        } else {
            "not read"
        };
        let rule = rules
            .iter()
            .find(|&&(rs, re, _)| rs < be && bs < re)
            .map_or(read_as, |r| r.2);
        out.push((text[bs..be].to_string(), rule));
    }
    out
}

/// The gold figures (with a value and a span) that a figure of `report`
/// (char offsets) finds with that value but not with the gold unit, each
/// with the rule that gave the predicted unit
/// ([`presslens::figures::unit_rules`]; "no unit read" when it has none):
/// what `presslens eval --explain` prints as mis-united.
pub fn figure_misunited(doc: &GoldDoc, report: &Report) -> Vec<(String, &'static str)> {
    let text = &doc.text;
    let byte_of = char_bytes(text);
    let mut rules: Option<Vec<(usize, usize, Option<presslens::figures::UnitRule>)>> = None;
    let mut out = Vec::new();
    for g in &doc.figures {
        let (Some(v), Some(s), Some(e)) = (g.value, g.start, g.end) else {
            continue;
        };
        let same = |p: &&presslens::Figure| {
            p.start < e && s < p.end && p.value.is_some_and(|x| same_value(x, v))
        };
        let found: Vec<&presslens::Figure> = report.figures.iter().filter(same).collect();
        let Some(p) = found.first() else {
            continue;
        };
        if found.iter().any(|p| unit_matches(g.unit.as_deref(), p))
            || e > byte_of.len() - 1
            || s >= e
        {
            continue;
        }
        let (ps, pe) = (
            byte_of[p.start.min(byte_of.len() - 1)],
            byte_of[p.end.min(byte_of.len() - 1)],
        );
        let rules = rules.get_or_insert_with(|| {
            presslens::figures::unit_rules(&presslens::text::Doc::new(text))
        });
        let rule = rules
            .iter()
            .find(|&&(rs, re, _)| (rs, re) == (ps, pe))
            .and_then(|r| r.2)
            .map_or("no unit read", |r| r.name());
        out.push((text[byte_of[s]..byte_of[e]].to_string(), rule));
    }
    out
}

/// Annotates a gold document and scores it.
pub fn eval_doc(doc: &GoldDoc, into: &mut Scores) -> Report {
    let report = presslens::annotate_in(&doc.text, Unit::Char);
    score(doc, &report, into);
    report
}

/// [`eval_doc`] with another parties tagger (`presslens eval --model FILE`;
/// `--model none`: the rules alone).
pub fn eval_doc_with(doc: &GoldDoc, model: Option<&Model>, into: &mut Scores) -> Report {
    let report = presslens::annotate_with(&doc.text, model).into_unit(&doc.text, Unit::Char);
    score(doc, &report, into);
    report
}

/// Scores the shipped tagger alone (no parties rules) on a gold document's
/// parties, to compare the two (`presslens eval --tagger-only`).
pub fn eval_tagger(doc: &GoldDoc, model: Option<&Model>, into: &mut Scores) -> Report {
    let report = match model {
        Some(m) => tagger_report(m, &doc.text),
        None => Report::default(),
    };
    score(doc, &report, into);
    report
}

/// Scores an external prediction (another tool's report, in char offsets) on
/// a gold document, with the same rules as [`eval_doc`]. A report whose spans
/// do not fit the gold text is refused (and nothing is scored) so that the
/// caller can say so and count the document as an empty prediction.
pub fn score_prediction(doc: &GoldDoc, report: &Report, into: &mut Scores) -> Result<(), String> {
    report.check(doc.text.chars().count())?;
    score(doc, report, into);
    Ok(())
}

/// Parses one line of an external predictions file: `{"id", "quotes",
/// "parties", "figures"}` in the report schema with char offsets.
///
/// Peers cannot fill every field, so the line is read leniently: a missing or
/// null layer is empty, and fields the scoring does not read may be missing or
/// null (`text` becomes "", `named` true, `approximate` false, `relations`
/// empty). Offsets, party kinds and figure values keep their types. The id may
/// be a string or a number; it is returned as a string.
pub fn parse_prediction(line: &str) -> Result<(String, Report), String> {
    let Value::Object(mut obj) = serde_json::from_str::<Value>(line).map_err(|e| e.to_string())?
    else {
        return Err("expected a JSON object".into());
    };
    let id = match obj.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\" string or number".into()),
    };
    for (i, q) in items(&mut obj, "quotes")?.iter_mut().enumerate() {
        fill_quote(q, &format!("quotes[{i}]"))?;
    }
    for (i, p) in items(&mut obj, "parties")?.iter_mut().enumerate() {
        fill_party(p, &format!("parties[{i}]"))?;
    }
    for (i, f) in items(&mut obj, "figures")?.iter_mut().enumerate() {
        fill(
            f,
            &format!("figures[{i}]"),
            &[
                empty_text(),
                ("value", Value::Null),
                ("unit", Value::Null),
                ("counts", Value::Null),
                ("approximate", Value::Bool(false)),
                ("relations", Value::Array(Vec::new())),
            ],
        )?;
    }
    let report: Report =
        serde_json::from_value(Value::Object(obj)).map_err(|e| format!("id {id}: {e}"))?;
    Ok((id, report))
}

/// A prediction's layer `key` as an array to fill: a missing or null layer
/// is an empty one; any other value is an error.
fn items<'a>(o: &'a mut Map<String, Value>, key: &str) -> Result<&'a mut Vec<Value>, String> {
    if o.get(key).is_none_or(Value::is_null) {
        o.insert(key.to_string(), Value::Array(Vec::new()));
    }
    match o.get_mut(key) {
        Some(Value::Array(a)) => Ok(a),
        _ => Err(format!("\"{key}\" must be an array or null")),
    }
}

/// Fills the `defaults` of the object `v`'s missing or null fields, so
/// that a peer's sparse line reads as a report; `what` names it in the
/// error when `v` is no object.
fn fill(v: &mut Value, what: &str, defaults: &[(&str, Value)]) -> Result<(), String> {
    let Value::Object(o) = v else {
        return Err(format!("{what}: expected an object"));
    };
    for (k, d) in defaults {
        if o.get(*k).is_none_or(Value::is_null) {
            o.insert((*k).to_string(), d.clone());
        }
    }
    Ok(())
}

/// The default of a `text` field the scoring does not read.
fn empty_text() -> (&'static str, Value) {
    ("text", Value::String(String::new()))
}

/// Fills a predicted quote (`what`: "quotes[i]") and its speaker and cue,
/// when it has them.
fn fill_quote(q: &mut Value, what: &str) -> Result<(), String> {
    fill(
        q,
        what,
        &[empty_text(), ("speaker", Value::Null), ("cue", Value::Null)],
    )?;
    if !q["speaker"].is_null() {
        fill(
            &mut q["speaker"],
            &format!("{what}.speaker"),
            &[
                ("name", Value::String(String::new())),
                ("named", Value::Bool(true)),
                ("party", Value::Null),
            ],
        )?;
    }
    if !q["cue"].is_null() {
        fill(&mut q["cue"], &format!("{what}.cue"), &[empty_text()])?;
    }
    Ok(())
}

/// Fills a predicted party (`what`: "parties[i]") and its mentions.
fn fill_party(p: &mut Value, what: &str) -> Result<(), String> {
    fill(
        p,
        what,
        &[
            ("name", Value::String(String::new())),
            ("role", Value::Null),
            ("mentions", Value::Array(Vec::new())),
        ],
    )?;
    if let Value::Array(ms) = &mut p["mentions"] {
        for (j, m) in ms.iter_mut().enumerate() {
            fill(m, &format!("{what}.mentions[{j}]"), &[empty_text()])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_f1() {
        let c = Counts {
            tp: 8,
            fp: 2,
            fn_: 2,
        };
        assert!((c.f1() - 0.8).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn trimming_and_iou() {
        let chars: Vec<char> = "“Hello there,” he".chars().collect();
        assert_eq!(trim_span(&chars, 0, 14), (1, 12));
        assert_eq!(iou((0, 10), (5, 15)), 5.0 / 15.0);
    }

    #[test]
    fn mention_normalisation() {
        let chars: Vec<char> = "the Hamas’s".chars().collect();
        assert_eq!(norm_mention(&chars, 0, chars.len()), (4, 9));
    }

    #[test]
    fn party_misses_name_the_rules_that_fired() {
        let line = r#"{"id":"t","text":"They flew on Air Force One to Rome.","layers":["parties"],
            "parties":[{"start":13,"end":26,"kind":"organization"},{"start":30,"end":34,"kind":"place"}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        let report = presslens::annotate_in(&doc.text, Unit::Char);
        let misses = party_misses(&doc, &report);
        assert_eq!(misses.len(), 1, "{misses:?}");
        assert_eq!(misses[0].0, "Air Force One");
        assert!(
            misses[0].2.contains(&"dropped: product or law"),
            "{misses:?}"
        );
    }

    #[test]
    fn figure_misses_name_the_rule() {
        let line = r#"{"id":"t","text":"They met at 9 o'clock with 40 guests.","layers":["figures"],
            "figures":[{"value":9,"unit":null,"start":12,"end":13},{"value":40,"unit":null,"start":27,"end":29}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        let report = presslens::annotate_in(&doc.text, Unit::Char);
        assert_eq!(
            figure_misses(&doc, &report),
            vec![("9".to_string(), "hour with a time word")]
        );
    }

    #[test]
    fn figure_misses_name_a_range() {
        let line = r#"{"id":"t","text":"Doses of between 44 and 50 mg were given.","layers":["figures"],
            "figures":[{"value":47,"unit":"milligram","start":9,"end":29}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        let report = presslens::annotate_in(&doc.text, Unit::Char);
        assert_eq!(
            figure_misses(&doc, &report),
            vec![(
                "between 44 and 50 mg".to_string(),
                "range or amount with no value"
            )]
        );
    }

    #[test]
    fn figure_misunited_names_the_unit_rule() {
        let line = r#"{"id":"t","text":"It weighed 5 and 7 tonnes, then 40 stone.","layers":["figures"],
            "figures":[{"value":5,"unit":"kilogram","start":11,"end":12},{"value":40,"unit":"pound","start":32,"end":34}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        let report = presslens::annotate_in(&doc.text, Unit::Char);
        assert_eq!(
            figure_misunited(&doc, &report),
            vec![
                ("5".to_string(), "coordinated numbers"),
                ("40".to_string(), "unit after the number")
            ]
        );
    }

    /// The symmetric rows leave out a value-less prediction where the gold
    /// has a value-less figure, and only there; the existing rows count it.
    #[test]
    fn value_less_figures_are_dont_care_on_both_sides() {
        let line = r#"{"id":"t","text":"Winds of 15 to 22 miles per hour hit 40 homes.","layers":["figures"],
            "figures":[{"value":null,"unit":"mile per hour","start":null,"end":null},
                       {"value":40,"unit":"home","start":37,"end":45}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        let fig = |s: usize, e: usize, v: Option<f64>, u: Option<&str>| presslens::Figure {
            start: s,
            end: e,
            text: doc.text.chars().skip(s).take(e - s).collect(),
            value: v,
            unit: u.map(str::to_string),
            counts: None,
            approximate: false,
            relations: vec![],
        };
        let range = fig(9, 32, None, Some("mile per hour"));
        let homes = fig(37, 45, Some(40.0), Some("home"));
        let vague = fig(0, 5, None, None);
        let score = |figures: Vec<presslens::Figure>| {
            let mut s = Scores::default();
            let report = Report {
                figures,
                ..Report::default()
            };
            score_figures(&doc, &report, &mut s);
            s
        };
        let s = score(vec![range.clone(), homes.clone()]);
        assert_eq!(
            s.figures_value,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.figures_value_sym,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            s.figures_value_unit_sym,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        // One gold region ignores one prediction: a second value-less
        // prediction is still a false positive.
        let s = score(vec![vague, range.clone(), homes.clone()]);
        assert_eq!(
            s.figures_value_sym,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        // With no value-less gold figure, nothing is ignored.
        let plain: GoldDoc = serde_json::from_str(&line.replace(
            r#"{"value":null,"unit":"mile per hour","start":null,"end":null},"#,
            "",
        ))
        .unwrap();
        let mut s = Scores::default();
        let report = Report {
            figures: vec![range, homes],
            ..Report::default()
        };
        score_figures(&plain, &report, &mut s);
        assert_eq!(s.figures_value_sym, s.figures_value);
    }

    #[test]
    fn units_share_words() {
        assert!(unit_words("$").contains("dollar"));
        assert!(unit_words("30 per cent").contains("percentage"));
        assert!(unit_words("pound-feet").contains("foot"));
        assert!(unit_words("mile per hour").contains("mile"));
    }

    #[test]
    fn perfect_report_scores_one() {
        let doc: GoldDoc = serde_json::from_str(
            r#"{"id":"t","text":"“We will win this race,” said Jane Doe.","layers":["quotes"],
                "quotes":[{"start":1,"end":22,"speaker":"Jane Doe","speaker_spans":[[30,38]]}]}"#,
        )
        .unwrap();
        let mut s = Scores::default();
        eval_doc(&doc, &mut s);
        assert_eq!(
            s.quotes,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(s.speakers, (1, 1));
    }

    #[test]
    fn predictions_score_like_the_engine() {
        let line = r#"{"id":"t","text":"“We will win this race,” said Jane Doe. Acme Corp paid $5 million.","layers":["quotes","parties","figures"],
            "quotes":[{"start":1,"end":22,"speaker":"Jane Doe","speaker_spans":[[30,38]]}],
            "parties":[{"start":30,"end":38,"kind":"person"},{"start":40,"end":49,"kind":"organization"}],
            "figures":[{"value":5000000,"unit":"$","start":55,"end":65}]}"#;
        let doc: GoldDoc = serde_json::from_str(line).unwrap();
        // Our own report, written out and read back as a prediction, scores
        // exactly as `eval_doc` scores it.
        let mut ours = Scores::default();
        let report = eval_doc(&doc, &mut ours);
        let mut pred_line = serde_json::to_value(&report).unwrap();
        pred_line["id"] = "t".into();
        let (id, back) = parse_prediction(&pred_line.to_string()).unwrap();
        assert_eq!((id.as_str(), &back), ("t", &report));
        let mut theirs = Scores::default();
        score_prediction(&doc, &back, &mut theirs).unwrap();
        assert_eq!(theirs.table(), ours.table());

        // A peer's sparse line: nulls and missing fields are filled in.
        let sparse = r#"{"id": 7, "quotes": [{"start":0,"end":24,"speaker":{"start":30,"end":38}}],
            "parties": [{"kind":"person","mentions":[{"start":30,"end":38}]}],
            "figures": [{"start":55,"end":65,"value":5000000,"unit":"dollar","relations":null}]}"#;
        let (id, r) = parse_prediction(sparse).unwrap();
        assert_eq!(id, "7");
        let mut s = Scores::default();
        score_prediction(&doc, &r, &mut s).unwrap();
        assert_eq!(
            s.quotes,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(s.speakers, (1, 1));
        assert_eq!(
            s.parties,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        assert_eq!(
            s.figures_value_unit,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );

        // Empty prediction: everything gold is missed.
        let (_, empty) = parse_prediction(r#"{"id":"t","quotes":null}"#).unwrap();
        let mut s = Scores::default();
        score_prediction(&doc, &empty, &mut s).unwrap();
        assert_eq!(
            s.quotes,
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );

        // Malformed lines and spans outside the text are errors, not panics.
        assert!(parse_prediction("not json").is_err());
        assert!(parse_prediction(r#"{"quotes":[]}"#).is_err());
        assert!(
            parse_prediction(r#"{"id":"t","parties":[{"kind":"alien","mentions":[]}]}"#).is_err()
        );
        assert!(parse_prediction(r#"{"id":"t","quotes":{}}"#).is_err());
        let (_, far) = parse_prediction(r#"{"id":"t","quotes":[{"start":5,"end":500}]}"#).unwrap();
        assert!(score_prediction(&doc, &far, &mut Scores::default()).is_err());
    }
}
